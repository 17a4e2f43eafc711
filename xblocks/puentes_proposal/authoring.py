"""What the course team may store from the Studio editor: the block's settings and its template, checked.

Pure functions. The template goes through the proposals app's own check (`sections.clean_template`),
the one a learner's answers are later checked against; errors carry the editor's path of the input
at fault ('sections.3.max_words', 'currency') so the editor can mark and focus it.
"""
import datetime
import re

from puentes_core.sanitize import clean_html, plain_text
from puentes_proposals import sections

MAX_NAME = 200
MAX_INTRO = 20_000
CURRENCY = re.compile(r"^[A-Z]{3}$")
# field: (lowest, highest) — a team of one is a team; 0 versions means no limit.
WHOLE_NUMBERS = {"max_team_size": (1, 50), "max_versions": (0, 50), "points_possible": (0, 1000)}


class AuthoringError(ValueError):
    """The editor sent something that cannot be stored; `field` is the editor's path of the input."""

    def __init__(self, message, field):
        super().__init__(message)
        self.message = str(message)
        self.field = field


def clean_settings(raw, translate):
    """The block's simple settings from the editor's values (strings or numbers), checked."""
    _ = translate
    display_name = plain_text(" ".join(str(raw.get("display_name") or "").split()))
    if not display_name:
        raise AuthoringError(_("Give the proposal a name."), "display_name")
    if len(display_name) > MAX_NAME:
        raise AuthoringError(_("Keep this under {limit} characters.").format(limit=MAX_NAME), "display_name")
    intro = str(raw.get("intro") or "")
    if len(intro) > MAX_INTRO:
        raise AuthoringError(_("Keep this under {limit} characters.").format(limit=MAX_INTRO), "intro")
    currency = str(raw.get("currency") or "").strip().upper()
    if not CURRENCY.match(currency):
        raise AuthoringError(_("Use a three-letter ISO 4217 code, such as USD, BRL or MXN."), "currency")
    cleaned = {"display_name": display_name, "intro": clean_html(intro).strip(), "currency": currency,
               "due": parse_due(raw.get("due"), translate)}
    for name, (lowest, highest) in WHOLE_NUMBERS.items():
        cleaned[name] = whole_number(raw.get(name), lowest, highest, name, translate)
    return cleaned


def whole_number(value, lowest, highest, field, translate):
    _ = translate
    message = _("Enter a whole number from {lowest} to {highest}.").format(lowest=lowest, highest=highest)
    if isinstance(value, bool):
        raise AuthoringError(message, field)
    try:
        number = int(str(value).strip())
    except ValueError:
        raise AuthoringError(message, field) from None
    if not lowest <= number <= highest:
        raise AuthoringError(message, field)
    return number


def parse_due(value, translate):
    """A due moment from the editor ('2026-06-30T23:59', or a date alone, read as its last minute), in UTC."""
    _ = translate
    text = str(value or "").strip()
    if not text:
        return None
    try:
        if len(text) == len("2026-06-30"):
            moment = datetime.datetime.combine(datetime.date.fromisoformat(text), datetime.time(23, 59))
        else:
            moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise AuthoringError(_("Enter the date as YYYY-MM-DD and the time as HH:MM."), "due") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(datetime.UTC)


def due_for_editor(moment):
    """The value a datetime-local input shows for a stored due moment (UTC, to the minute)."""
    if moment is None:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M")


def clean_template(raw_sections):
    """The template from the editor or OLX, through the proposals app's check, with the editor's path."""
    try:
        return sections.clean_template(raw_sections)
    except sections.AnswerError as error:
        raise AuthoringError(str(error), f"sections.{error.field}" if error.field else "sections") from None


def clean_block(raw, translate, teamsets=()):
    """Everything the editor saves, checked: the settings, the team-set (one of the course's `teamsets`
    ids, or none), then the template."""
    return {**clean_settings(raw, translate), "teamset_id": clean_teamset(raw.get("teamset_id"), teamsets, translate),
            "sections": clean_template(raw.get("sections"))}


def clean_teamset(value, teamsets, translate):
    """"" (teams form in the unit) or a team-set the course's teams configuration has now."""
    _ = translate
    teamset_id = str(value or "").strip()
    if teamset_id and teamset_id not in teamsets:
        raise AuthoringError(_("This team-set is not in the course's teams configuration. Choose one "
                                       "from the list, or add it in Studio: Pages & Resources, Teams."),
                             "teamset_id")
    return teamset_id
