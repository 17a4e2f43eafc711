"""The rulebook's calendar written into the three courses: each module's `start`, the `due` date of its
graded sequentials, and the proposal's `due` (`make courses` runs it; the tests check the result).

Attributes are edited in place in the opening tag, so the rest of each file stays as the authors wrote it.
"""
import re
from pathlib import Path

from puentes_core import rulebook

COURSES = Path(__file__).resolve().parent
LANGUAGES = ("en", "es", "pt")


def _utc(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _set_attribute(path, tag, name, value):
    """Set `name` on the first `<tag ...>` of the file; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    match = re.search(rf"<{tag}\b[^>]*?(/?)>", text)
    opening = match.group(0)
    closing = "/>" if match.group(1) else ">"
    stripped = re.sub(rf'\s{name}="[^"]*"', "", opening[: -len(closing)])
    updated = text.replace(opening, f'{stripped} {name}="{value}"{closing}', 1)
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return updated != text


def apply(course_root=COURSES):
    """Write the calendar into every course; return the files that changed."""
    book = rulebook.load()
    changed = []
    for language in LANGUAGES:
        course = Path(course_root) / language
        for path in sorted((course / "chapter").glob("m*.xml")):
            opens = book.module_opens(int(path.stem[1:3]))
            if _set_attribute(path, "chapter", "start", f"{opens.isoformat()}T00:00:00Z"):
                changed.append(path)
        for path in sorted((course / "sequential").glob("m*.xml")):
            if 'graded="true"' in path.read_text(encoding="utf-8").split(">", 1)[0]:
                if _set_attribute(path, "sequential", "due", _utc(book.module_due(int(path.stem[1:3])))):
                    changed.append(path)
        proposal = course / "vertical" / "m11_proposal_unit.xml"
        if _set_attribute(proposal, "puentes_proposal", "due", _utc(book.dates.submissions_close)):
            changed.append(proposal)
    return changed
