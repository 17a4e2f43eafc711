"""Ids from requests, parsed strictly: ASCII digits only, and small enough for a database key.

`str.isdigit()` accepts '²' and other Unicode digits that `int()` then refuses; ids here never do.
"""
import re

DATABASE_ID = re.compile(r"[0-9]{1,18}")   # below 2**63, what a BigAutoField holds


def parse_id(value):
    """A positive integer id from a request value (text, or a list of one), or None if it is not one."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value).strip()
    if not DATABASE_ID.fullmatch(text):
        return None
    number = int(text)
    return number if number > 0 else None
