"""The rulebook's calendar and team size written into the three courses: each module's `start`, the `due` date
of its graded sequentials, the proposal's `due` and `max_team_size`, and the teams' size in the course's
`teams_configuration` (`make courses` runs it; the tests check the result).

Attributes are edited in place in the opening tag, so the rest of each file stays as the authors wrote it.
"""
import json
import re
from pathlib import Path

from puentes_core import rulebook

COURSES = Path(__file__).resolve().parent
LANGUAGES = ("en", "es", "pt")


def _utc(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _set_attribute(path, tag, name, value):
    """Set `name` on the first `<tag ...>` of the file, in place when it is there; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    match = re.search(rf"<{tag}\b[^>]*?(/?)>", text)
    opening = match.group(0)
    closing = "/>" if match.group(1) else ">"
    if re.search(rf'\s{name}="[^"]*"', opening):
        changed = re.sub(rf'(\s{name}=)"[^"]*"', lambda m: f'{m.group(1)}"{value}"', opening, count=1)
    else:
        changed = f'{opening[: -len(closing)]} {name}="{value}"{closing}'
    updated = text.replace(opening, changed, 1)
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
        due = _set_attribute(proposal, "puentes_proposal", "due", _utc(book.dates.submissions_close))
        size = _set_attribute(proposal, "puentes_proposal", "max_team_size", str(book.eligibility["max_team_size"]))
        if due or size:
            changed.append(proposal)
        for policy in sorted(course.glob("policies/*/policy.json")):
            if _set_team_size(policy, book.eligibility["max_team_size"]):
                changed.append(policy)
    return changed


def _set_team_size(path, size):
    """The course's teams and each team-set hold at most `size` people; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    policy = json.loads(text)
    for settings in policy.values():
        teams = settings.get("teams_configuration") if isinstance(settings, dict) else None
        if teams:
            teams["max_team_size"] = size
            for team_set in teams.get("team_sets", []):
                team_set["max_team_size"] = size
    updated = json.dumps(policy, indent=2, ensure_ascii=False) + "\n"
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return updated != text
