"""The case as stored data: read a loosely typed case (from OLX or the Studio form), check every rule
in docs/olx-case-study.md, and return it typed and sanitised, or raise CaseError naming the element
and field at fault.

One function, `build_case`, serves both the OLX parser and the Studio save, so a case that Studio
accepts is a case that imports, and the other way round.
"""
import re

from puentes_core.sanitize import clean_html, plain_text

from . import branching

QUESTION_TYPES = ("single_choice", "multiple_choice", "ranking", "reflection", "decision_path")
SEVERITIES = branching.SEVERITIES
ID_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")
# Web links, or links inside the course (/static/..., /jump_to_id/..., /asset-v1:...); never "//host".
SAFE_LINK = re.compile(r"^(https?://|mailto:|/(?!/))", re.IGNORECASE)
BLOCK_TAGS = "p|h3|h4|h5|ul|ol|li|blockquote|table|thead|tbody|tr|th|td|br"
SPACE_AROUND_BLOCKS = re.compile(rf"\s*(</?(?:{BLOCK_TAGS})(?:\s[^>]*)?/?>)\s*")


def normalise_html(html):
    """Sanitised rich text with HTML's own whitespace rules applied, so an export re-imports equal."""
    collapsed = " ".join(clean_html(html).split())
    return SPACE_AROUND_BLOCKS.sub(r"\1", collapsed).strip()


class CaseError(ValueError):
    """A case breaks a rule: `element` says where (as in the OLX), `field` which attribute or child,
    `path` the same place as the Studio form names it (e.g. 'questions.2.options.0.text')."""

    def __init__(self, message, element, field, path):
        super().__init__(f"{element}, {field}: {message}")
        self.message = message
        self.element = element
        self.field = field
        self.path = path


def _identity(text):
    return text


class _Reader:
    """Reads values at one place of the case, raising CaseError that names it."""

    def __init__(self, raw, element, path, translate):
        self.raw = raw if isinstance(raw, dict) else {}
        self.element = element
        self.path = path
        self._ = translate

    def fail(self, field, message):
        raise CaseError(message, self.element, field, f"{self.path}.{field}" if self.path else field)

    def text(self, field, required=True, limit=5000):
        value = plain_text(" ".join(str(self.raw.get(field) or "").split()))
        _ = self._
        if required and not value:
            self.fail(field, _("This cannot be empty."))
        if len(value) > limit:
            self.fail(field, _("This is too long: keep it under {limit} characters.").format(limit=limit))
        return value

    def identifier(self, field="id"):
        value = str(self.raw.get(field) or "").strip()
        _ = self._
        if not value:
            self.fail(field, _("Give this an id (letters, digits, '-', '_' or '.')."))
        if not ID_PATTERN.match(value):
            self.fail(field, _("Use only letters, digits, '-', '_' or '.' in an id (at most 40)."))
        return value

    def number(self, field, default=None, minimum=0, integer=False, maximum=1000):
        value = self.raw.get(field)
        _ = self._
        if value in (None, ""):
            if default is None:
                self.fail(field, _("Enter a number."))
            return default
        try:
            number = float(str(value).strip())
        except ValueError:
            self.fail(field, _("Enter a number."))
        if integer and number != int(number):
            self.fail(field, _("Enter a whole number."))
        if not minimum <= number <= maximum:
            self.fail(field, _("Enter a number from {minimum} to {maximum}.").format(minimum=minimum, maximum=maximum))
        return int(number) if integer else number

    def flag(self, field, default=False):
        value = self.raw.get(field)
        if value in (None, ""):
            return default
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text not in ("true", "false", "1", "0", "yes", "no"):
            _ = self._
            self.fail(field, _("Write true or false."))
        return text in ("true", "1", "yes")

    def link(self, field, required=True):
        value = str(self.raw.get(field) or "").strip()
        if not value and not required:
            return ""
        if not SAFE_LINK.match(value):
            _ = self._
            self.fail(field, _("Enter a web address that starts with https:// "
                                    "(or a course link such as /static/...)."))
        return value

    def items(self, field):
        value = self.raw.get(field) or []
        if not isinstance(value, list):
            _ = self._
            self.fail(field, _("Expected a list here."))
        return value

    def child(self, raw, element, path):
        return _Reader(raw, f"{self.element} > {element}" if self.element else element, path, self._)


def _unique(reader, entries, kind):
    """Ids must be unique among siblings; name the second one."""
    _ = reader._
    seen = set()
    for index, entry in enumerate(entries):
        if entry["id"] in seen:
            reader.child(entry, f'<{kind} id="{entry["id"]}">', f"{reader.path}.{index}" if reader.path else "").fail(
                "id", _("Another {kind} already uses this id.").format(kind=kind))
        seen.add(entry["id"])


def build_case(raw, translate=_identity):
    """The typed, sanitised case from `raw` (a dict shaped like the stored case, values as text or
    typed), or CaseError. The stored shape is documented in docs/olx-case-study.md."""
    _ = translate
    root = _Reader(raw, "<puentes_case_study>", "", translate)
    case = {
        "display_name": root.text("display_name", limit=200),
        "weight": root.number("weight", default=1.0, maximum=100),
        "max_attempts": root.number("max_attempts", default=0, integer=True, maximum=100) or None,
        "show_model_answers": root.flag("show_model_answers", default=True),
        "context": normalise_html(str(raw.get("context") or "")),
    }
    if not case["context"]:
        root.child(raw, "<context>", "").fail("context", _("Write the case's narrative."))
    image = raw.get("image") or {}
    if image.get("src"):
        reader = root.child(image, "<image>", "image")
        case["image"] = {"src": reader.link("src"), "alt": reader.text("alt", limit=300)}
    else:
        case["image"] = {}
    case["facts"] = []
    for index, fact in enumerate(root.items("facts")):
        reader = root.child(fact, f"<fact> #{index + 1}", f"facts.{index}")
        case["facts"].append({
            "label": reader.text("label", limit=200), "value": reader.text("value", limit=300),
            "source": reader.text("source", required=False, limit=300), "href": reader.link("href", required=False)})
    case["voices"] = []
    for index, voice in enumerate(root.items("voices")):
        reader = root.child(voice, f"<voice> #{index + 1}", f"voices.{index}")
        case["voices"].append({"name": reader.text("name", limit=200),
                               "role": reader.text("role", required=False, limit=200), "text": reader.text("text")})
    case["links"] = []
    for index, link in enumerate(root.items("links")):
        reader = root.child(link, f"<link> #{index + 1}", f"links.{index}")
        case["links"].append({"href": reader.link("href"), "text": reader.text("text", limit=300)})
    questions = root.items("questions")
    if not questions:
        root.child(raw, "<questions>", "").fail("questions", _("Add at least one question."))
    case["questions"] = [_question(root, question, index) for index, question in enumerate(questions)]
    _unique(root.child(raw, "<questions>", "questions"), case["questions"], "question")
    return case


def _question(root, raw, index):
    kind = raw.get("type") if isinstance(raw, dict) else None
    label = f'<{kind or "question"} id="{raw.get("id", "") if isinstance(raw, dict) else ""}">'
    reader = root.child(raw, label, f"questions.{index}")
    _ = reader._
    if kind not in QUESTION_TYPES:
        reader.fail("type", _("Choose a question type: {types}.").format(types=", ".join(QUESTION_TYPES)))
    question = {"type": kind, "id": reader.identifier(), "prompt": reader.text("prompt")}
    build = {"single_choice": _choice, "multiple_choice": _choice, "ranking": _ranking,
             "reflection": _reflection, "decision_path": _decision_path}[kind]
    build(reader, raw, question)
    return question


def _points(reader):
    return reader.number("points", default=1.0, maximum=100)


def _choice(reader, raw, question):
    _ = reader._
    question["points"] = _points(reader)
    options = reader.items("options")
    if len(options) < 2:
        reader.fail("options", _("Offer at least two options."))
    question["options"] = []
    for index, option in enumerate(options):
        option_reader = reader.child(option, f'<option id="{option.get("id", "")}">', f"{reader.path}.options.{index}")
        question["options"].append({"id": option_reader.identifier(), "text": option_reader.text("text"),
                                    "correct": option_reader.flag("correct"), "fixed": option_reader.flag("fixed"),
                                    "feedback": option_reader.text("feedback", required=False)})
    _unique(reader.child(raw, "<options>", f"{reader.path}.options"), question["options"], "option")
    correct = sum(1 for option in question["options"] if option["correct"])
    if question["type"] == "single_choice" and correct != 1:
        reader.fail("options", _("A single-choice question needs exactly one correct option (this one has {count}).")
                    .format(count=correct))
    if question["type"] == "multiple_choice" and correct < 1:
        reader.fail("options", _("Mark at least one option as correct."))


def _ranking(reader, raw, question):
    question["points"] = _points(reader)
    items = reader.items("items")
    if len(items) < 2:
        _ = reader._
        reader.fail("items", _("A ranking needs at least two items."))
    question["items"] = []
    for index, item in enumerate(items):
        item_reader = reader.child(item, f'<item id="{item.get("id", "")}">', f"{reader.path}.items.{index}")
        question["items"].append({"id": item_reader.identifier(), "text": item_reader.text("text")})
    _unique(reader.child(raw, "<items>", f"{reader.path}.items"), question["items"], "item")


def _reflection(reader, raw, question):
    _ = reader._
    question["points"] = _points(reader)
    question["criteria"] = []
    for index, criterion in enumerate(reader.items("criteria")):
        criterion_reader = reader.child(criterion, f'<criterion id="{criterion.get("id", "")}">',
                                        f"{reader.path}.criteria.{index}")
        question["criteria"].append({"id": criterion_reader.identifier(), "text": criterion_reader.text("text")})
    _unique(reader.child(raw, "<criteria>", f"{reader.path}.criteria"), question["criteria"], "criterion")
    # Points come from the learner's self-assessment against the rubric, never from the word count.
    if question["points"] and not question["criteria"]:
        reader.fail("criteria", _("A graded reflection needs a rubric: add the criteria learners check their "
                                  "answer against, or set its points to 0."))
    question["min_words"] = reader.number("min_words", default=0, integer=True, maximum=5000)
    question["max_words"] = reader.number("max_words", default=0, integer=True, maximum=5000)
    if question["max_words"] and question["min_words"] > question["max_words"]:
        reader.fail("min_words", _("The minimum number of words is above the maximum ({maximum}).")
                    .format(maximum=question["max_words"]))
    question["model_answer"] = reader.text("model_answer", required=False, limit=10000)


def _decision_path(reader, raw, question):
    _ = reader._
    decisions = reader.items("decisions")
    if not decisions:
        reader.fail("decisions", _("Add at least one decision."))
    question["start"] = str(raw.get("start") or "").strip()
    question["decisions"] = []
    for index, decision in enumerate(decisions):
        decision_path = f"{reader.path}.decisions.{index}"
        decision_reader = reader.child(decision, f'<decision id="{decision.get("id", "")}">', decision_path)
        entry = {"id": decision_reader.identifier(), "situation": decision_reader.text("situation"), "options": []}
        for option_index, option in enumerate(decision_reader.items("options")):
            option_reader = decision_reader.child(option, f'<option id="{option.get("id", "")}">',
                                                  f"{decision_path}.options.{option_index}")
            entry["options"].append({
                "id": option_reader.identifier(), "text": option_reader.text("text"),
                "next": str(option.get("next") or "").strip() or None, "points": _points(option_reader),
                "fixed": option_reader.flag("fixed"),
                "consequence": option_reader.text("consequence", required=False),
                "severity": _severity(option_reader), "debrief": option_reader.text("debrief", required=False)})
        _unique(decision_reader.child(decision, "<options>", f"{decision_path}.options"), entry["options"], "option")
        question["decisions"].append(entry)
    _unique(reader.child(raw, "<decisions>", f"{reader.path}.decisions"), question["decisions"], "decision")
    _check_branches(reader, question)


def _severity(reader):
    """The ending's severity; a case written before severities says `outcome` (good, mixed, poor) instead."""
    _ = reader._
    value = str(reader.raw.get("severity") or "").strip()
    if value and value not in SEVERITIES:
        reader.fail("severity", _("Say how severe this ending is for the people in the case: good, fair, poor "
                                  "or harmful."))
    legacy = str(reader.raw.get("outcome") or "").strip()
    if legacy and not value:
        if legacy not in branching.LEGACY_OUTCOMES:
            reader.fail("outcome", _("Say how the path ends: good, mixed or poor."))
        value = branching.LEGACY_OUTCOMES[legacy]
    return value


def with_severities(questions):
    """Questions as stored by a version that said `outcome` (good, mixed, poor) on endings, with the severity
    it stands for, so Studio's form and the export keep it (a copy; current questions come back equal)."""
    upgraded = []
    for question in questions:
        if question.get("type") == "decision_path":
            question = {**question, "decisions": [
                {**decision, "options": [
                    {**{k: v for k, v in option.items() if k != "outcome"},
                     "severity": option.get("severity") or branching.LEGACY_OUTCOMES.get(option.get("outcome"), "")}
                    if "outcome" in option else option
                    for option in decision["options"]]}
                for decision in question["decisions"]]}
        upgraded.append(question)
    return upgraded


def _check_branches(reader, question):
    _ = reader._
    problem = branching.find_problem(question)
    if problem is None:
        return
    code, decision_id, option_id = problem
    index = {d["id"]: i for i, d in enumerate(question["decisions"])}
    if code == "too_many_decisions":
        reader.fail("decisions", _("A case can have at most {count} decisions: split a longer story into "
                                   "two cases.").format(count=branching.MAX_DECISIONS))
    if code == "too_many_paths":
        reader.fail("decisions", _("The decisions branch into more than {count} different routes, too many to "
                                   "play or check: let more options lead to the same next decision.")
                    .format(count=branching.MAX_PATHS))
    if code == "no_start":
        reader.fail("start", _("Name the first decision: no decision has the id '{id}'.").format(id=question["start"]))
    decision = question["decisions"][index[decision_id]]
    decision_reader = reader.child(decision, f'<decision id="{decision_id}">',
                                   f"{reader.path}.decisions.{index[decision_id]}")
    if code == "no_options":
        decision_reader.fail("options", _("Give this decision at least one option."))
    if code == "unreachable":
        decision_reader.fail("id", _("No option leads to this decision: point a 'next' at it or remove it."))
    option_index = next(i for i, o in enumerate(decision["options"]) if o["id"] == option_id)
    option_reader = decision_reader.child({}, f'<option id="{option_id}">',
                                          f"{decision_reader.path}.options.{option_index}")
    if code == "bad_next":
        target = decision["options"][option_index]["next"]
        option_reader.fail("next", _("No decision has the id '{id}'.").format(id=target))
    if code == "cycle":
        option_reader.fail("next", _("This leads back to an earlier decision, so the path could loop forever."))
    if code == "no_severity":
        option_reader.fail("severity", _("This option ends the path: say how severe its consequences are (good, "
                                         "fair, poor or harmful), as the other endings do."))
    if code == "severity_on_step":
        option_reader.fail("severity", _("An option that goes on can only be marked harmful (the step itself puts "
                                         "someone at risk); clear the severity or the next decision."))
    if code == "better_after_harm":
        option_reader.fail("severity", _("This ending can be reached after a harmful step: harm done is not undone, "
                                         "so the path can end no better than fair. Mark it fair or graver, or send "
                                         "the harmful step to a decision of its own."))
    if code == "no_debrief":
        option_reader.fail("debrief", _("This option ends the path: write the debrief learners read here, looking "
                                        "back on the whole path."))
    option_reader.fail("points", _("A path that ends more severely scores as much as or more than a path that "
                                   "ends less severely: lower this ending's points or those on its way."))


def question_points(question):
    """The most a question is worth: its points, or a decision path's best total."""
    if question["type"] == "decision_path":
        return branching.best_total(question)
    return question["points"]
