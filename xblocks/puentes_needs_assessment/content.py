"""The questionnaire as the block stores it, checked and cleaned the same way for an OLX import
(olx.py) and a Studio save (studio.py), so whatever Studio accepts also imports.

A questionnaire has sections, one per thematic area (`area` code, title, links to the course units
that teach it) holding questions. Every question has a `code` that is the same in every course
language, so answers aggregate across the three runs. Errors name the form field (`path`) and the
OLX element at fault.
"""
import re

from puentes_core.sanitize import clean_html, plain_text

TYPES = ("scale", "single_choice", "multiple_choice", "number", "text")
WAVES = ("baseline", "endline")
OPERATORS = ("=", "!=", ">", "<")
INSTRUMENT = re.compile(r"^[a-z0-9][a-z0-9-]{2,63}$")
AREA = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,39}$")
VALUE = re.compile(r"^[a-z0-9][a-z0-9_]{0,39}$")
UNIT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")
MAX_LEVELS = 7
MAX_TEXT_CHARS = 5000


def _(text):
    return text


class QuestionnaireError(ValueError):
    def __init__(self, message, path, element=""):
        super().__init__(message)
        self.message = message
        self.path = path
        self.element = element


def _flag(value):
    return value is True or str(value).strip().lower() in ("true", "1", "yes", "on")


def _number(value, path, gettext, element, integer=False):
    if value in (None, ""):
        return None
    try:
        number = float(str(value).strip()) if not isinstance(value, (int, float)) or isinstance(value, bool) \
            else float(value)
    except ValueError:
        raise QuestionnaireError(gettext("Write a number here."), path, element) from None
    if integer:
        if number != int(number):
            raise QuestionnaireError(gettext("Write a whole number here."), path, element)
        return int(number)
    return int(number) if number == int(number) else number


def _required_text(value, path, gettext, element, message):
    text = plain_text(value)
    if not text:
        raise QuestionnaireError(gettext(message), path, element)
    return text


def _list(value, path, gettext, element):
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        raise QuestionnaireError(gettext("This must be a list."), path, element)
    return value


def build_questionnaire(raw, gettext=_):
    """A checked questionnaire from the raw shape olx.read_questionnaire or the Studio editor gives."""
    if not isinstance(raw, dict):
        raise QuestionnaireError(gettext("The questionnaire could not be read."), "", "puentes_needs_assessment")
    top = "puentes_needs_assessment"
    instrument = str(raw.get("instrument") or "").strip()
    if not INSTRUMENT.match(instrument):
        raise QuestionnaireError(gettext("The instrument code uses lower-case letters, digits and hyphens "
                                         "(3 to 64), such as puentes-needs-2027."), "instrument", top)
    wave = str(raw.get("wave") or "baseline").strip()
    if wave not in WAVES:
        raise QuestionnaireError(gettext("The wave is either baseline or endline."), "wave", top)
    sections_raw = _list(raw.get("sections"), "sections", gettext, top)
    if not sections_raw:
        raise QuestionnaireError(gettext("Add at least one section."), "sections", top)
    questionnaire = {
        "display_name": plain_text(raw.get("display_name")) or "Needs assessment",
        "instrument": instrument, "wave": wave, "intro": clean_html(raw.get("intro")), "sections": [],
    }
    seen = {}
    for s_index, section_raw in enumerate(sections_raw):
        questionnaire["sections"].append(_section(section_raw, f"sections.{s_index}", seen, gettext))
    return questionnaire


def _section(raw, path, seen, gettext):
    element = "section"
    if not isinstance(raw, dict):
        raise QuestionnaireError(gettext("The section could not be read."), path, element)
    area = str(raw.get("area") or "").strip()
    if not AREA.match(area):
        raise QuestionnaireError(gettext("The area code uses lower-case letters, digits and underscores, "
                                         "such as health."), f"{path}.area", element)
    section = {"area": area,
               "title": _required_text(raw.get("title"), f"{path}.title", gettext, element,
                                       "Give the section a title."),
               "links": [], "questions": []}
    for index, link in enumerate(_list(raw.get("links"), f"{path}.links", gettext, element)):
        link_path = f"{path}.links.{index}"
        unit = str((link or {}).get("unit") or "").strip()
        if not UNIT_ID.match(unit):
            raise QuestionnaireError(gettext("Name the unit by its url_name, such as m05_reading_1_unit."),
                                     f"{link_path}.unit", "link")
        section["links"].append({"unit": unit, "text": _required_text(
            link.get("text"), f"{link_path}.text", gettext, "link", "Write the link's text.")})
    questions = _list(raw.get("questions"), f"{path}.questions", gettext, element)
    if not questions:
        raise QuestionnaireError(gettext("Add at least one question to the section."), f"{path}.questions", element)
    for index, question_raw in enumerate(questions):
        section["questions"].append(_question(question_raw, f"{path}.questions.{index}", seen, gettext))
    return section


def _question(raw, path, seen, gettext):
    if not isinstance(raw, dict):
        raise QuestionnaireError(gettext("The question could not be read."), path, "question")
    kind = str(raw.get("type") or "").strip()
    if kind not in TYPES:
        raise QuestionnaireError(gettext("Choose a question type."), f"{path}.type", "question")
    element = kind
    code = str(raw.get("code") or "").strip()
    if not CODE.match(code):
        raise QuestionnaireError(gettext("The question code uses capital letters, digits and underscores "
                                         "(2 to 40), such as GOV_PLAN; it must be the same in every language."),
                                 f"{path}.code", element)
    if code in seen:
        raise QuestionnaireError(gettext("Another question already uses this code."), f"{path}.code", element)
    question = {"code": code, "type": kind, "required": _flag(raw.get("required")),
                "prompt": _required_text(raw.get("prompt"), f"{path}.prompt", gettext, element,
                                         "Write the question."),
                "help": plain_text(raw.get("help")), "analysis": "", "show_if": {}}
    if kind == "scale":
        question["levels"] = _levels(raw, path, gettext)
    elif kind in ("single_choice", "multiple_choice"):
        question["options"] = _options(raw, path, gettext, element)
        analysis = str(raw.get("analysis") or "").strip()
        if analysis not in ("", "groups") or (analysis and kind != "multiple_choice"):
            raise QuestionnaireError(gettext("Only a multiple-choice question can list the groups in vulnerable "
                                             "situations (analysis=\"groups\")."), f"{path}.analysis", element)
        question["analysis"] = analysis
    elif kind == "number":
        question["unit"] = plain_text(raw.get("unit"))
        question["min"] = _number(raw.get("min"), f"{path}.min", gettext, element)
        question["max"] = _number(raw.get("max"), f"{path}.max", gettext, element)
        if None not in (question["min"], question["max"]) and question["min"] > question["max"]:
            raise QuestionnaireError(gettext("The smallest value allowed is larger than the largest."),
                                     f"{path}.min", element)
    else:
        limit = _number(raw.get("max_chars"), f"{path}.max_chars", gettext, element, integer=True)
        if limit is not None and not 1 <= limit <= MAX_TEXT_CHARS:
            raise QuestionnaireError(gettext("Allow between 1 and 5000 characters."), f"{path}.max_chars", element)
        question["max_chars"] = limit or 1000
    question["show_if"] = _condition(raw.get("show_if"), path, seen, gettext, element)
    seen[code] = question
    return question


def _levels(raw, path, gettext):
    levels = []
    items = _list(raw.get("levels"), f"{path}.levels", gettext, "scale")
    if not 2 <= len(items) <= MAX_LEVELS:
        raise QuestionnaireError(gettext("A capacity scale has between 2 and 7 levels."), f"{path}.levels", "scale")
    for index, level in enumerate(items):
        level_path = f"{path}.levels.{index}"
        level = level if isinstance(level, dict) else {}
        value = _number(level.get("value"), f"{level_path}.value", gettext, "level", integer=True)
        if value != index + 1:
            raise QuestionnaireError(gettext("Number the levels 1, 2, 3… from the lowest capacity up."),
                                     f"{level_path}.value", "level")
        levels.append({"value": value,
                       "label": _required_text(level.get("label"), f"{level_path}.label", gettext, "level",
                                               "Name the level."),
                       "description": _required_text(level.get("description"), f"{level_path}.description",
                                                     gettext, "level",
                                                     "Describe what this level looks like in a municipality.")})
    return levels


def _options(raw, path, gettext, element):
    options, values = [], set()
    items = _list(raw.get("options"), f"{path}.options", gettext, element)
    if len(items) < 2:
        raise QuestionnaireError(gettext("Give at least two options."), f"{path}.options", element)
    for index, option in enumerate(items):
        option_path = f"{path}.options.{index}"
        option = option if isinstance(option, dict) else {}
        value = str(option.get("value") or "").strip()
        if not VALUE.match(value) or value in values:
            raise QuestionnaireError(gettext("Each option needs its own value: lower-case letters, digits and "
                                             "underscores, the same in every language."), f"{option_path}.value",
                                     "option")
        values.add(value)
        options.append({"value": value, "text": _required_text(option.get("text"), f"{option_path}.text", gettext,
                                                                "option", "Write the option's text.")})
    return options


def _condition(raw, path, seen, gettext, element):
    """{"question": an earlier question's code, "op": "=", "values": [...]} or {} (always shown)."""
    raw = raw if isinstance(raw, dict) else {}
    code = str(raw.get("question") or "").strip()
    if not code:
        return {}
    where = f"{path}.show_if.question"
    if code not in seen:
        raise QuestionnaireError(gettext("A condition can only depend on a question that comes before it."),
                                 where, element)
    op = str(raw.get("op") or "=").strip()
    if op not in OPERATORS:
        raise QuestionnaireError(gettext("Choose how the answer is compared."), f"{path}.show_if.op", element)
    values = raw.get("values")
    if isinstance(values, str):
        values = [part.strip() for part in values.split("|")]
    values = [str(v).strip() for v in values or [] if str(v).strip()]
    if not values:
        raise QuestionnaireError(gettext("Write the answer(s) that show this question, separated by |."),
                                 f"{path}.show_if.values", element)
    source = seen[code]
    if op in (">", "<"):
        if source["type"] not in ("number", "scale") or len(values) != 1:
            raise QuestionnaireError(gettext("Greater than and less than compare one number with a number or "
                                             "scale question."), f"{path}.show_if.op", element)
        return {"question": code, "op": op, "values": [_number(values[0], f"{path}.show_if.values", gettext,
                                                               element)]}
    if source["type"] == "scale":
        allowed = {str(level["value"]) for level in source["levels"]}
    elif source["type"] in ("single_choice", "multiple_choice"):
        allowed = {option["value"] for option in source["options"]}
    else:
        raise QuestionnaireError(gettext("Equal to compares with a choice or scale question."),
                                 f"{path}.show_if.op", element)
    if not set(values) <= allowed:
        raise QuestionnaireError(gettext("Use the values of that question's options or levels."),
                                 f"{path}.show_if.values", element)
    return {"question": code, "op": op, "values": values}


def all_questions(questionnaire):
    return [question for section in questionnaire["sections"] for question in section["questions"]]
