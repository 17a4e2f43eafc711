"""The competition's rules pages of the three courses, rendered from the one rulebook.

Each language has its own template in course_content/rules/ (written in that language, not
translated); the values come from puentes_core/rulebook.toml, the section titles from the proposal
block's own catalogue and the criteria's names from the awards app's, so the page says what the
form shows and what the jury scores. `make courses` writes the pages into each course's html/
folder; tests/courses/test_rulebook.py fails when a committed page differs from its rendering.
"""
import datetime
import gettext
import json
from pathlib import Path

from babel.dates import format_date, format_time
from babel.numbers import format_percent
from django.template import Context, Engine

from puentes_core import rulebook

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "rules"
# Babel locales: Caribbean English writes the day before the month, as the course does.
LOCALES = {"en": "en_JM", "es": "es_419", "pt": "pt_BR"}
# Template name -> the page it writes in each course (info/: the course's Updates and Handouts pages).
PAGES = {"m11_competition_rules": "html/m11_competition_rules.html", "m11_reading_1": "html/m11_reading_1.html",
         "updates": "info/updates.html", "handouts": "info/handouts.html"}


def _catalogue(path, language):
    if language == "en":
        return gettext.NullTranslations()
    with open(path.format(locale=LOCALES[language]), "rb") as handle:
        return gettext.GNUTranslations(handle)


def _date(value, language):
    return format_date(value, "long", locale=LOCALES[language])


def _moment(value, language):
    """A date and time in UTC, as the course shows deadlines before the LMS converts them."""
    moment = value.astimezone(datetime.UTC)
    return f"{_date(moment.date(), language)}, {format_time(moment.time(), 'HH:mm', locale=LOCALES[language])} UTC"


def context(language):
    """Everything a rules template reads, in `language`."""
    book = rulebook.load()
    proposal = _catalogue(str(REPO / "xblocks/puentes_proposal/translations/{locale}/LC_MESSAGES/text.mo"), language)
    awards = _catalogue(str(REPO / "plugins/puentes_awards/locale/{locale}/LC_MESSAGES/django.mo"), language)
    review = _catalogue(str(REPO / "xblocks/puentes_review/translations/{locale}/LC_MESSAGES/text.mo"), language)
    from django.utils import translation

    from puentes_awards.scoring.criteria import DEFAULT_CRITERIA
    from puentes_proposal.default_template import DEFAULT_SECTIONS
    from puentes_review.rubric import DEFAULT_CRITERIA as TUTOR_CRITERIA
    with translation.override(None):   # the msgid, whichever language an earlier request left active
        names = {criterion.code: awards.gettext(str(criterion.name)) for criterion in DEFAULT_CRITERIA}
    descriptions = {code: review.gettext(description) for code, _label, description, _levels in TUTOR_CRITERIA}
    sections = {section["id"]: section for section in DEFAULT_SECTIONS}
    policy = json.loads(next((REPO / "course_content" / language / "policies").glob("*/grading_policy.json"))
                        .read_text(encoding="utf-8"))
    final_project = next(g for g in policy["GRADER"] if g["type"] == "Final Project")
    dates = book.dates
    tie_break = []
    for rule in book.tie_break:
        kind, _, code = rule.partition(":")
        tie_break.append({"kind": kind, "criterion": names.get(code, "")})
    from course_content.tools import texts
    tools = {tool: words["file"] for tool, words in texts.for_language(language).items()}
    return {
        "book": book, "tools": tools, "eligibility": book.eligibility, "locale": LOCALES[language],
        "criteria": [{"code": c.code, "weight": c.weight, "name": names[c.code], "description": descriptions[c.code]}
                     for c in book.criteria],
        "total_points": sum(c.weight for c in book.criteria),
        "sections": [{"id": sid, "title": proposal.gettext(sections[sid]["title"]),
                      "help": proposal.gettext(sections[sid]["help"]), "required": sections[sid].get("required")}
                     for sid in book.sections],
        "tie_break": tie_break,
        "dates": {"course_opens": _date(dates.course_opens, language), "call_opens": _date(dates.call_opens, language),
                  "first_version_advised": _date(dates.first_version_advised, language),
                  "submissions_close": _moment(dates.submissions_close, language),
                  "approvals_close": _moment(dates.approvals_close, language),
                  "results_by": _date(dates.results_by, language)},
        "modules": [{"number": n, "opens": _date(book.module_opens(n), language),
                     "due": _moment(book.module_due(n), language)} for n in range(1, 12)],
        "course_ends": _moment(book.calendar.ends, language),
        "final_project_weight": format_percent(final_project["weight"], locale=LOCALES[language]),
        "pass_mark": format_percent(policy["GRADE_CUTOFFS"]["Pass"], locale=LOCALES[language]),
    }


def _django():
    """Standalone (make courses) Django needs settings for its lazy strings and templates; the tests have them."""
    from django.conf import settings
    if not settings.configured:
        settings.configure(USE_I18N=False)


def render(page, language):
    _django()
    engine = Engine(dirs=[str(TEMPLATES)], autoescape=True)
    template = engine.get_template(f"{page}.{language}.html")
    return template.render(Context(context(language))).strip() + "\n"


def write_pages(course_root=REPO / "course_content"):
    """Write every rules page of every course; return the paths that changed."""
    changed = []
    for language in LOCALES:
        for page in PAGES:
            target = Path(course_root) / language / PAGES[page]
            target.parent.mkdir(exist_ok=True)
            text = render(page, language)
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                target.write_text(text, encoding="utf-8")
                changed.append(target)
    return changed
