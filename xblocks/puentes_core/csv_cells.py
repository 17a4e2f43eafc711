"""CSV cells that a spreadsheet shows and never runs.

Spreadsheets run a cell starting with = + - @ as a formula, and some also one starting with a TAB or a
carriage return (L6). A leading quote keeps such a cell text. The one guard every CSV export uses.
"""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text as a CSV cell (None is empty); non-text values pass through unchanged."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    return "'" + value if value.startswith(FORMULA_STARTS) else value
