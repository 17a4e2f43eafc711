"""Rules on a learner's answers: which questions show, what a valid answer is, what is missing,
and the municipality's profile by area. Pure functions of the questionnaire and the answers."""
from puentes_core.countries import AMERICAS

from .content import all_questions

# The assessment's region: Latin America and the Caribbean, the OAS member states but Canada and the US.
COUNTRIES = tuple(code for code in AMERICAS if code not in ("CA", "US"))
MAX_MUNICIPALITY_CHARS = 200


class AnswerError(ValueError):
    def __init__(self, message, field):
        super().__init__(message)
        self.message = message
        self.field = field


def _(text):
    return text


def _met(condition, source, value):
    if value in (None, "", []):
        return False
    op, wanted = condition["op"], condition["values"]
    if op in (">", "<"):
        return value > wanted[0] if op == ">" else value < wanted[0]
    given = {str(v) for v in value} if isinstance(value, list) else {str(value)}
    hit = bool(given & set(wanted))
    return hit if op == "=" else not hit


def visible_codes(questionnaire, answers):
    """The questions the learner is asked, given their answers: conditions only look back, so one pass."""
    shown, by_code = set(), {}
    for question in all_questions(questionnaire):
        by_code[question["code"]] = question
        condition = question["show_if"]
        if not condition or (condition["question"] in shown
                             and _met(condition, by_code[condition["question"]], answers.get(condition["question"]))):
            shown.add(question["code"])
    return shown


def clean_answer(question, value, gettext=_):
    """The answer in its stored shape, None when unanswered, or AnswerError naming the question's code."""
    code, kind = question["code"], question["type"]
    if value in (None, "", []):
        return None
    if kind == "scale":
        if isinstance(value, bool) or value not in [level["value"] for level in question["levels"]]:
            raise AnswerError(gettext("Choose one of the levels."), code)
        return value
    if kind == "single_choice":
        if value not in [option["value"] for option in question["options"]]:
            raise AnswerError(gettext("Choose one of the options."), code)
        return value
    if kind == "multiple_choice":
        allowed = [option["value"] for option in question["options"]]
        if not isinstance(value, list) or not set(value) <= set(allowed) or len(set(value)) != len(value):
            raise AnswerError(gettext("Choose among the options given."), code)
        return [option for option in allowed if option in value]  # the questionnaire's order
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise AnswerError(gettext("Write a number."), code)
        if question["min"] is not None and value < question["min"]:
            raise AnswerError(gettext("The number is below the smallest value this question accepts."), code)
        if question["max"] is not None and value > question["max"]:
            raise AnswerError(gettext("The number is above the largest value this question accepts."), code)
        return int(value) if float(value).is_integer() else value
    if not isinstance(value, str):
        raise AnswerError(gettext("Write your answer as text."), code)
    text = " ".join(value.split()) if "\n" not in value else value.strip()
    if len(text) > question["max_chars"]:
        raise AnswerError(gettext("Your answer is longer than this question allows; shorten it."), code)
    return text or None


def clean_answers(questionnaire, raw, gettext=_):
    """Known codes only, each answer checked; an unknown code is ignored (a question removed since)."""
    if not isinstance(raw, dict):
        raise AnswerError(gettext("The answers could not be read. Reload the page and try again."), "answers")
    cleaned = {}
    for question in all_questions(questionnaire):
        value = clean_answer(question, raw.get(question["code"]), gettext)
        if value is not None:
            cleaned[question["code"]] = value
    return cleaned


def keep_visible(questionnaire, answers):
    """Answers to questions a condition now hides are not kept: they no longer describe the municipality."""
    shown = visible_codes(questionnaire, answers)
    return {code: value for code, value in answers.items() if code in shown}


def missing_required(questionnaire, answers):
    shown = visible_codes(questionnaire, answers)
    return [q["code"] for q in all_questions(questionnaire)
            if q["required"] and q["code"] in shown and answers.get(q["code"]) in (None, "", [])]


def clean_place(municipality, country, gettext=_, required=True):
    """The municipality's name and country, or AnswerError naming the field."""
    name = " ".join(str(municipality or "").split())
    code = str(country or "").strip().upper()
    if len(name) > MAX_MUNICIPALITY_CHARS:
        raise AnswerError(gettext("Shorten the municipality's name to 200 characters."), "municipality")
    if code and code not in COUNTRIES:
        raise AnswerError(gettext("Choose the country from the list."), "country")
    if required and not name:
        raise AnswerError(gettext("Write the name of your municipality."), "municipality")
    if required and not code:
        raise AnswerError(gettext("Choose your country."), "country")
    return name, code


def profile(questionnaire, answers):
    """Per area: the mean capacity of the scales answered, 0 (lowest level) to 100 (highest)."""
    rows = []
    for section in questionnaire["sections"]:
        shares = []
        for question in section["questions"]:
            value = answers.get(question["code"])
            if question["type"] == "scale" and isinstance(value, int):
                values = [level["value"] for level in question["levels"]]
                shares.append(100.0 * (value - min(values)) / (max(values) - min(values)))
        rows.append({"area": section["area"], "title": section["title"], "links": section["links"],
                     "score": sum(shares) / len(shares) if shares else None, "answered": len(shares)})
    return rows


def weakest(rows, count=2):
    """The areas to work on first: the lowest scores, in questionnaire order on ties; none without scales."""
    scored = [(row["score"], index, row) for index, row in enumerate(rows) if row["score"] is not None]
    return [row for _score, _index, row in sorted(scored, key=lambda item: item[:2])[:count]]
