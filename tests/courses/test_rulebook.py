"""One rulebook (puentes_core/rulebook.toml): the rules pages of the three courses, the proposal form and the
awards app all say what it says, so the languages cannot drift apart."""
import dataclasses
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from course_content import checks, rules_pages, schedule
from puentes_core import rulebook

COURSES = Path(__file__).resolve().parents[2] / "course_content"
LANGUAGES = ("en", "es", "pt")


@pytest.mark.parametrize("page", rules_pages.PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_pages_are_the_rulebook_rendered(language, page):
    """Edit course_content/rules/<page>.<language>.html or the rulebook, then run `make courses`."""
    committed = (COURSES / language / rules_pages.PAGES[page]).read_text(encoding="utf-8")
    assert committed == rules_pages.render(page, language)


def numbers_in(page):
    return Counter(re.findall(r"\d+", lxml_html.fromstring(page).text_content()))


def numbers(language):
    return numbers_in((COURSES / language / "html" / "m11_competition_rules.html").read_text(encoding="utf-8"))


def test_the_three_rules_pages_state_the_same_numbers():
    english = numbers("en")
    for language in ("es", "pt"):
        assert numbers(language) == english, language
    book = rulebook.load()
    for value in (book.jurors_per_entry, book.prizes, 2027, 23, 59, *[c.weight for c in book.criteria]):
        assert english[str(value)] >= 1


def test_drift_in_one_language_is_caught():
    """The check above is real: a Spanish page saying 4 jurors, or another deadline, differs from the others."""
    page = (COURSES / "es" / "html" / "m11_competition_rules.html").read_text(encoding="utf-8")
    assert numbers_in(page) == numbers("en")
    assert numbers_in(page.replace("3 integrantes del jurado", "4 integrantes del jurado")) != numbers("en")
    assert numbers_in(page.replace("15 de septiembre de 2027", "31 de julio de 2027")) != numbers("en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_name_every_section_of_the_form_and_every_criterion(language):
    context = rules_pages.context(language)
    for page in ("m11_competition_rules", "m11_reading_1"):
        text = (COURSES / language / rules_pages.PAGES[page]).read_text(encoding="utf-8")
        for section in context["sections"]:
            assert section["title"] in text, (page, section["id"])
    rules = (COURSES / language / "html" / "m11_competition_rules.html").read_text(encoding="utf-8")
    for criterion in context["criteria"]:
        assert criterion["name"] in rules
    if language != "en":  # the titles are the form's own words in this language, not the English ones
        assert context["sections"][0]["title"] != "Project title"


def test_the_proposal_form_has_the_rulebooks_sections_in_order():
    from puentes_proposal.default_template import DEFAULT_SECTIONS
    assert tuple(section["id"] for section in DEFAULT_SECTIONS) == rulebook.load().sections
    assert {"innovation", "replicability"} <= set(rulebook.load().sections)


def test_the_jury_scores_the_rulebooks_criteria_and_breaks_ties_its_way():
    from puentes_awards.scoring.criteria import DEFAULT_CRITERIA
    from puentes_awards.scoring.tiebreak import DEFAULT_ORDER
    book = rulebook.load()
    assert [(c.code, c.weight) for c in DEFAULT_CRITERIA] == [(c.code, c.weight) for c in book.criteria]
    assert tuple(DEFAULT_ORDER) == book.tie_break


def team_sizes(course_root, language):
    """Every place a course states the largest team: the proposal's attribute and the teams configuration."""
    course = Path(course_root) / language
    proposal = etree.parse(str(course / "vertical" / "m11_proposal_unit.xml")).getroot().find("puentes_proposal")
    teams = checks.course_settings(course)["teams_configuration"]
    return {int(proposal.get("max_team_size")), teams["max_team_size"],
            *(team_set["max_team_size"] for team_set in teams["team_sets"])}


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_team_size_in_the_rulebook_the_proposal_block_and_the_courses(language):
    from puentes_proposal.block import ProposalBlock
    book = rulebook.load()
    size = book.eligibility["max_team_size"]
    assert ProposalBlock.max_team_size.default == size
    assert ProposalBlock.currency.default == book.currency
    assert team_sizes(COURSES, language) == {size}


def test_a_team_size_restated_in_a_course_is_rewritten_from_the_rulebook(tmp_path):
    """`make courses` (schedule.apply) puts the rulebook's size back where a course says another."""
    for language in LANGUAGES:
        shutil.copytree(COURSES / language / "policies", tmp_path / language / "policies")
        shutil.copytree(COURSES / language / "course", tmp_path / language / "course")
        shutil.copy(COURSES / language / "course.xml", tmp_path / language / "course.xml")
        (tmp_path / language / "vertical").mkdir()
        shutil.copy(COURSES / language / "vertical" / "m11_proposal_unit.xml", tmp_path / language / "vertical")
    proposal = tmp_path / "es" / "vertical" / "m11_proposal_unit.xml"
    proposal.write_text(proposal.read_text(encoding="utf-8").replace('max_team_size="5"', 'max_team_size="8"'),
                        encoding="utf-8")
    policy = next((tmp_path / "pt" / "policies").glob("*/policy.json"))
    data = json.loads(policy.read_text(encoding="utf-8"))
    next(iter(data.values()))["teams_configuration"]["team_sets"][0]["max_team_size"] = 9
    policy.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert team_sizes(tmp_path, "es") != {5} and team_sizes(tmp_path, "pt") != {5}
    assert set(schedule.apply(tmp_path)) == {proposal, policy}
    size = rulebook.load().eligibility["max_team_size"]
    assert all(team_sizes(tmp_path, language) == {size} for language in LANGUAGES)


def test_the_awards_defaults_are_the_rulebooks():
    """A jury-settings row made outside the set-up page (admin, fixtures) is blind, with the rulebook's jurors;
    an edition has as many prizes as the rulebook pays."""
    from puentes_awards.jury.models import JurySettings
    from puentes_awards.models import Edition
    book = rulebook.load()
    assert JurySettings._meta.get_field("show_municipality").get_default() is (not book.blind)
    assert JurySettings._meta.get_field("jurors_per_entry").get_default() == book.jurors_per_entry
    assert len([f for f in Edition._meta.get_fields() if f.name.endswith("_prize")]) == book.prizes
    from puentes_awards.jury import services
    assert services.PLACES == book.prizes


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_course_runs_the_rulebooks_edition(language):
    """The three course runs are the edition the rules pages announce (course/<run>.xml, policies/<run>/)."""
    pointer, _course = checks.course_root(COURSES / language)
    assert pointer.get("url_name") == rulebook.load().edition


def test_the_defaults_follow_a_changed_rulebook(monkeypatch):
    """The defaults read the rulebook, not a copy of today's values: an open jury with 5 jurors shows through."""
    from puentes_awards.jury.models import JurySettings
    changed = dataclasses.replace(rulebook.load(), blind=False, jurors_per_entry=5)
    monkeypatch.setattr(rulebook, "load", lambda: changed)
    assert JurySettings._meta.get_field("show_municipality").get_default() is True
    assert JurySettings._meta.get_field("jurors_per_entry").get_default() == 5


@pytest.mark.django_db
def test_a_new_editions_jury_is_blind_with_the_rulebooks_jurors():
    from django.utils import timezone

    from puentes_awards import api
    from puentes_awards.jury import services
    from puentes_awards.models import Edition
    now = timezone.now()
    slug = api.create_edition(name="Premio 2027", courses=[("course-v1:OAS+PUENTES-ES+2027", "es")],
                              call_opens_at=now, call_closes_at=now + timezone.timedelta(days=30),
                              prizes=(1, 1, 1), currency="USD")
    jury = services.jury_settings(Edition.objects.get(slug=slug))
    book = rulebook.load()
    assert jury.jurors_per_entry == book.jurors_per_entry and jury.show_municipality is (not book.blind)
    assert jury.tiebreak_order == list(book.tie_break)
    other = Edition.objects.get(slug=api.create_edition(
        name="Premio 2028", courses=[("course-v1:OAS+PUENTES-PT+2028", "pt")], call_opens_at=now,
        call_closes_at=now + timezone.timedelta(days=30), prizes=(1, 1, 1), currency="USD"))
    from puentes_awards.jury.models import JurySettings
    made_directly = JurySettings.objects.create(edition=other)
    assert made_directly.show_municipality is (not book.blind)
    assert made_directly.jurors_per_entry == book.jurors_per_entry


@pytest.mark.parametrize(("change", "message"), [
    (lambda b: dataclasses.replace(b, criteria=b.criteria[:-1]), "add up to 100"),
    (lambda b: dataclasses.replace(b, tie_break=("criterion:charisma",)), "charisma"),
    (lambda b: dataclasses.replace(b, dates=dataclasses.replace(b.dates, results_by=b.dates.call_opens)), "dates"),
    (lambda b: dataclasses.replace(b, sections=("title", "title")), "twice"),
])
def test_a_contradictory_rulebook_is_refused(change, message):
    with pytest.raises(rulebook.RulebookError, match=message):
        rulebook.check(change(rulebook.load()))


def test_a_language_left_active_does_not_leak_into_another_courses_page():
    """Django keeps the language a request activated in its thread (django/utils/translation/trans_real.py
    activate, set by LocaleMiddleware): a Portuguese request earlier in the process must not put 'Inovação' on
    the English page. It did, when the criteria's lazy names were rendered in the active language."""
    from django.utils import translation
    with translation.override("pt-br"):
        names = [criterion["name"] for criterion in rules_pages.context("en")["criteria"]]
    assert "Innovation" in names and "Inovação" not in names
