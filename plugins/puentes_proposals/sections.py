"""Section types of a proposal template: how an answer of each type is cleaned, checked and summed.

Pure functions. `clean_answer` runs on every save (shape, size, sanitising; a draft may still be
incomplete); `answer_problems` runs on submit (required sections, word limits, complete rows).
Messages go through Django's gettext: the LMS activates the learner's language for the request.
"""
import datetime
import html
import re
from decimal import Decimal

import nh3
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from puentes_core.numbers import NumberError, read_number, reader_locale
from puentes_core.sanitize import typed_text

SHORT_TEXT = "short_text"
LONG_TEXT = "long_text"
NUMBER = "number"
MONEY = "money"
DATE_RANGE = "date_range"
CHOICE = "choice"
BUDGET = "budget"
INDICATORS = "indicators"
ATTACHMENTS = "attachments"
SECTION_TYPES = (SHORT_TEXT, LONG_TEXT, NUMBER, MONEY, DATE_RANGE, CHOICE, BUDGET, INDICATORS, ATTACHMENTS)

MAX_SHORT_TEXT = 300
MAX_LONG_TEXT = 60_000      # characters of HTML: far above any word limit, below anything hostile
MAX_ROWS = 100
MAX_NUMBER = Decimal("1e15")
SECTION_ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")

RICH_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h3", "h4", "blockquote", "a"}
RICH_ATTRIBUTES = {"a": {"href", "title"}}


class AnswerError(ValueError):
    """An answer or template that cannot be stored as sent (the block answers HTTP 400 with this message).

    `field` says where, for a template: the path below the section list ('3.max_words'), as the
    Studio editor names its inputs, so the editor can mark and focus the one at fault.
    """

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


plain = typed_text   # short answers, titles, comments: text, never HTML


def rich(html):
    return nh3.clean(html or "", tags=RICH_TAGS, attributes=RICH_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")


def word_count(rich_text):
    """What a reader counts in a rich text: every run of characters between spaces. Punctuation standing
    alone counts too, so a text of '- . - .' cannot slip past a word limit (H2); tags are not words."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", rich_text or ""))
    return len(text.split())


def _number(value, locale):
    """A typed number read in the reader's locale (puentes_core.numbers), within what can be stored."""
    try:
        number = read_number(value, locale)
    except NumberError as error:
        raise AnswerError(str(error)) from None
    if number is not None and abs(number) >= MAX_NUMBER:
        raise AnswerError(_("Enter a number."))
    return number


def _cell(row, index, field, locale):
    """A budget cell's number; a refusal names the cell ('2.unit_cost') so the page marks that input."""
    try:
        return _number_json(_number(row.get(field), locale))
    except AnswerError as error:
        raise AnswerError(str(error), f"{index}.{field}") from None


def _number_json(number):
    """Numbers are stored as JSON numbers: integers stay integers, the rest keep two decimals."""
    if number is None:
        return None
    if number == number.to_integral_value():
        return int(number)
    return float(round(number, 2))


def _date(value):
    if value in (None, ""):
        return None
    try:
        return datetime.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise AnswerError(_("Enter dates as YYYY-MM-DD.")) from None


def _rows(value):
    if value in (None, ""):
        return []
    if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
        raise AnswerError(_("This table was sent in a form the server cannot read."))
    if len(value) > MAX_ROWS:
        raise AnswerError(_("A table can have at most 100 rows."))
    return value


def clean_answer(section, value, locale=None):
    """The answer to `section` as it will be stored, or AnswerError. Lenient about completeness.

    Typed numbers are read in `locale` (a Babel locale; the active language's by default)."""
    kind = section["type"]
    locale = locale or reader_locale(get_language())
    if kind == SHORT_TEXT:
        if value is not None and not isinstance(value, str):
            raise AnswerError(_("Enter text."))
        text = plain(value)
        if len(text) > MAX_SHORT_TEXT:
            raise AnswerError(_("This answer is too long: keep it under 300 characters."))
        return text
    if kind == LONG_TEXT:
        if value is not None and not isinstance(value, str):
            raise AnswerError(_("Enter text."))
        if len(value or "") > MAX_LONG_TEXT:
            raise AnswerError(_("This answer is too long to store: shorten it."))
        return rich(value)
    if kind in (NUMBER, MONEY):
        return _number_json(_number(value, locale))
    if kind == DATE_RANGE:
        value = value or {}
        if not isinstance(value, dict):
            raise AnswerError(_("Enter a start and an end date."))
        return {"start": _date(value.get("start")), "end": _date(value.get("end"))}
    if kind == CHOICE:
        if value in (None, ""):
            return ""
        if value not in [choice["value"] for choice in section.get("choices", [])]:
            raise AnswerError(_("Choose one of the options in the list."))
        return value
    if kind == BUDGET:
        return [{"item": plain(str(row.get("item") or ""))[:MAX_SHORT_TEXT],
                 "quantity": _cell(row, index, "quantity", locale),
                 "unit_cost": _cell(row, index, "unit_cost", locale)}
                for index, row in enumerate(_rows(value))]
    if kind == INDICATORS:
        return [{field: plain(str(row.get(field) or ""))[:MAX_SHORT_TEXT]
                 for field in ("name", "baseline", "target", "source")}
                for row in _rows(value)]
    if kind == ATTACHMENTS:
        value = value or []
        if not isinstance(value, list) or not all(isinstance(item, int) and not isinstance(item, bool)
                                                  for item in value):
            raise AnswerError(_("The list of files was sent in a form the server cannot read."))
        return value[:MAX_ROWS]
    raise AnswerError(_("This section has a type the server does not know."))


def budget_total(rows):
    """Sum of quantity × unit cost over the rows that have both."""
    total = Decimal(0)
    for row in rows or []:
        if row.get("quantity") is not None and row.get("unit_cost") is not None:
            total += Decimal(str(row["quantity"])) * Decimal(str(row["unit_cost"]))
    return total


def is_empty(section, value):
    kind = section["type"]
    if kind == LONG_TEXT:
        return word_count(value) == 0
    if kind == DATE_RANGE:
        return not (value or {}).get("start") and not (value or {}).get("end")
    return value in (None, "", [], {})


def answer_problems(section, value):
    """What stops this answer from being submitted (a list of sentences; empty when it is ready)."""
    if is_empty(section, value):
        return [_("This section is required.")] if section.get("required") else []
    kind = section["type"]
    problems = []
    if kind == LONG_TEXT:
        words = word_count(value)
        if section.get("min_words") and words < section["min_words"]:
            problems.append(_("Write at least {count} words (now {words}).").format(
                count=section["min_words"], words=words))
        if section.get("max_words") and words > section["max_words"]:
            problems.append(_("Write at most {count} words (now {words}).").format(
                count=section["max_words"], words=words))
    elif kind == DATE_RANGE:
        if not value.get("start") or not value.get("end"):
            problems.append(_("Enter both a start and an end date."))
        elif value["start"] > value["end"]:
            problems.append(_("The end date must come after the start date."))
    elif kind == BUDGET:
        if any(not row["item"] or row["quantity"] is None or row["unit_cost"] is None for row in value):
            problems.append(_("Every budget line needs an item, a quantity and a unit cost."))
        if any((row["quantity"] or 0) < 0 or (row["unit_cost"] or 0) < 0 for row in value):
            problems.append(_("Quantities and costs cannot be negative."))
    elif kind == INDICATORS:
        if any(not row["name"] or not row["baseline"] or not row["target"] for row in value):
            problems.append(_("Every indicator needs a name, a baseline and a target."))
    elif kind in (NUMBER, MONEY) and value < 0:
        problems.append(_("Enter a number that is not negative."))
    return problems


def draft_problems(template, answers):
    """Problems per section id, for the whole draft."""
    found = {}
    for section in template:
        problems = answer_problems(section, answers.get(section["id"]))
        if problems:
            found[section["id"]] = problems
    return found


def clean_template(sections):
    """A template from Studio or OLX, checked: unique ids, known types, sane limits and choices.

    Errors name the section by its position for people (1-based) and by its path for the editor
    (0-based, '2.choices.1.value').
    """
    if not isinstance(sections, list) or not sections:
        raise AnswerError(_("The template needs at least one section."))
    if len(sections) > MAX_ROWS:
        raise AnswerError(_("A template can have at most 100 sections."))
    cleaned, seen = [], set()
    for index, section in enumerate(sections):
        position = index + 1
        if not isinstance(section, dict):
            raise AnswerError(_("Section {number} is not an object.").format(number=position), f"{index}")
        section_id = str(section.get("id") or "")
        if not SECTION_ID.match(section_id) or section_id in seen:
            raise AnswerError(_("Section {number} needs a unique id of lowercase letters, digits and _.").format(
                number=position), f"{index}.id")
        if section.get("type") not in SECTION_TYPES:
            raise AnswerError(_("Section {number} has an unknown type.").format(number=position), f"{index}.type")
        if not plain(str(section.get("title") or "")):
            raise AnswerError(_("Section {number} needs a title.").format(number=position), f"{index}.title")
        seen.add(section_id)
        entry = {"id": section_id, "type": section["type"], "title": plain(str(section["title"])),
                 "help": plain(str(section.get("help") or "")),
                 "required": section.get("required") in (True, "true")}  # never bool("false")
        if section["type"] == LONG_TEXT:
            for limit in ("min_words", "max_words"):
                if section.get(limit) not in (None, ""):
                    try:
                        entry[limit] = max(0, int(section[limit]))
                    except (TypeError, ValueError):
                        raise AnswerError(_("Section {number}: word limits must be whole numbers.").format(
                            number=position), f"{index}.{limit}") from None
            if entry.get("min_words") and entry.get("max_words") and entry["min_words"] > entry["max_words"]:
                raise AnswerError(_("Section {number}: the minimum is above the maximum.").format(number=position),
                                  f"{index}.max_words")
        if section["type"] == CHOICE:
            entry["choices"] = _clean_choices(section.get("choices"), index)
        cleaned.append(entry)
    return cleaned


def _clean_choices(choices, index):
    """The options of a choice section: each with a value stored in answers (unique) and a label shown."""
    position = index + 1
    if not isinstance(choices, list) or not choices:
        raise AnswerError(_("Section {number} needs a list of choices.").format(number=position),
                          f"{index}.choices")
    cleaned, values = [], set()
    for number, choice in enumerate(choices):
        value = plain(str(choice.get("value") if isinstance(choice, dict) else choice or ""))
        label = plain(str(choice.get("label") if isinstance(choice, dict) else choice or ""))
        if not value or value in values:
            raise AnswerError(_("Section {number}: every choice needs a value of its own.").format(number=position),
                              f"{index}.choices.{number}.value")
        if not label:
            raise AnswerError(_("Section {number}: every choice needs a label.").format(number=position),
                              f"{index}.choices.{number}.label")
        values.add(value)
        cleaned.append({"value": value, "label": label})
    return cleaned
