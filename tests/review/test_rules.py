"""The review side's rules, alone: claims as leases, what a review needs before it is sent, rubric points,
the rubric from Studio, the word diff between versions."""
import datetime

import pytest

from puentes_proposals import decisions, leases
from puentes_review import diff
from puentes_review.rubric import RubricError, clean_rubric, default_rubric

NOW = datetime.datetime(2027, 5, 1, 12, 0, tzinfo=datetime.UTC)
LATER = NOW + datetime.timedelta(hours=1)
EARLIER = NOW - datetime.timedelta(minutes=1)


# ---- leases ---------------------------------------------------------------------------------------

def test_anyone_reviewing_may_claim_a_proposal_nobody_holds():
    assert leases.may_claim("submitted", None, tutor_id=7, now=NOW)
    assert leases.may_claim("resubmitted", None, tutor_id=7, now=NOW)


def test_a_live_claim_of_another_tutor_refuses_with_a_reason():
    verdict = leases.may_claim("in_review", leases.Lease(3, LATER), tutor_id=7, now=NOW)
    assert not verdict and verdict.reason == "held_by_other"


def test_the_holder_may_renew_and_staff_may_take_over():
    assert leases.may_claim("in_review", leases.Lease(7, LATER), tutor_id=7, now=NOW)
    assert leases.may_claim("in_review", leases.Lease(3, LATER), tutor_id=9, now=NOW, is_course_staff=True)


def test_an_expired_lease_is_claimable_by_anyone():
    assert leases.may_claim("in_review", leases.Lease(3, EARLIER), tutor_id=7, now=NOW)
    assert leases.may_claim("in_review", leases.Lease(3, NOW), tutor_id=7, now=NOW)  # it ends at that moment


@pytest.mark.parametrize("status", ["draft", "revision_requested", "approved", "entered", "ineligible"])
def test_nothing_to_claim_unless_the_proposal_waits_for_review(status):
    verdict = leases.may_claim(status, None, tutor_id=7, now=NOW, is_course_staff=True)
    assert not verdict and verdict.reason == "not_waiting"


def test_only_the_holder_of_a_live_claim_may_send():
    assert leases.may_send("in_review", leases.Lease(7, LATER), 7, NOW)
    assert leases.may_send("in_review", leases.Lease(3, LATER), 7, NOW).reason == "held_by_other"
    assert leases.may_send("in_review", None, 7, NOW).reason == "not_holder"
    assert leases.may_send("in_review", leases.Lease(7, EARLIER), 7, NOW).reason == "expired"
    assert leases.may_send("in_review", leases.Lease(3, EARLIER), 7, NOW).reason == "not_holder"
    assert leases.may_send("approved", leases.Lease(7, LATER), 7, NOW).reason == "not_waiting"


def test_release_by_the_holder_or_staff_only():
    assert leases.may_release(leases.Lease(7, LATER), 7)
    assert leases.may_release(leases.Lease(7, LATER), 3, is_course_staff=True)
    assert leases.may_release(leases.Lease(7, LATER), 3).reason == "not_yours"
    assert leases.may_release(None, 3, is_course_staff=True).reason == "not_holder"


def test_lease_length_comes_from_the_setting():
    assert leases.expires_at(NOW, 8) == NOW + datetime.timedelta(hours=8)
    assert leases.expires_at(NOW, 0.5) == NOW + datetime.timedelta(minutes=30)


# ---- decisions ------------------------------------------------------------------------------------

RUBRIC = [
    {"id": "innovation", "label": "Innovation", "levels": [{"id": "low", "points": 0}, {"id": "high", "points": 3}]},
    {"id": "impact", "label": "Impact", "levels": [{"id": "low", "points": 1}, {"id": "high", "points": 4}]},
]


def test_a_revision_request_needs_a_comment():
    problems = decisions.review_problems("revision_requested", RUBRIC, {}, "  ", {}, "")
    assert problems == {"overall_comment": decisions.COMMENT_REQUIRED}
    assert decisions.review_problems("revision_requested", RUBRIC, {}, "Add a budget.", {}, "") == {}
    assert decisions.review_problems("revision_requested", RUBRIC, {}, "", {"budget": "Add costs."}, "") == {}


def test_an_approval_needs_every_criterion_scored():
    assert decisions.review_problems("approved", RUBRIC, {"innovation": "high"}, "", {}, "") == {
        "rubric": decisions.SCORE_EVERY_CRITERION}
    assert decisions.review_problems("approved", RUBRIC, {"innovation": "high", "impact": "low"}, "", {}, "") == {}


def test_ineligible_needs_a_reason_and_a_decision_is_required():
    assert decisions.review_problems("ineligible", RUBRIC, {}, "", {}, "") == {"reason": decisions.REASON_REQUIRED}
    assert decisions.review_problems("ineligible", RUBRIC, {}, "", {}, "Not a municipality.") == {}
    assert decisions.review_problems("", RUBRIC, {}, "", {}, "") == {"decision": decisions.CHOOSE_DECISION}
    assert decisions.review_problems("maybe", RUBRIC, {}, "", {}, "") == {"decision": decisions.CHOOSE_DECISION}


def test_levels_outside_the_rubric_are_refused():
    assert decisions.level_problems(RUBRIC, {"innovation": "medium", "nope": "high"}) == ["innovation", "nope"]
    assert decisions.review_problems("approved", RUBRIC, {"innovation": "medium", "impact": "low"}, "", {}, "")[
        "rubric"] == decisions.UNKNOWN_LEVEL


def test_points_add_the_chosen_levels_over_the_best_of_each_criterion():
    assert decisions.points(RUBRIC, {"innovation": "high", "impact": "low"}) == (4, 7)
    assert decisions.points(RUBRIC, {}) == (0, 7)
    assert decisions.scores_by_criterion(RUBRIC, {"impact": "high"}) == {"impact": 4}
    assert decisions.unscored(RUBRIC, {"impact": "high"}) == ["innovation"]


# ---- rubric ---------------------------------------------------------------------------------------

def test_the_default_rubric_has_the_competition_criteria_with_described_levels():
    rubric = default_rubric()
    assert [c["id"] for c in rubric] == ["innovation", "impact", "feasibility", "participation", "sustainability",
                                         "replicability", "gender_diversity"]
    for criterion in rubric:
        assert len(criterion["levels"]) == 4 and all(level["description"] for level in criterion["levels"])
    assert clean_rubric(rubric) == rubric   # what Studio shows saves back unchanged


def test_the_default_rubric_follows_the_translation_function():
    assert default_rubric(str.upper)[0]["label"] == "INNOVATION"


def test_a_rubric_from_studio_is_checked_and_gets_ids():
    rubric = clean_rubric([{"label": " Claridad del texto\x00", "levels": [
        {"label": "Baja", "description": "Confuso", "points": "0"},
        {"label": "Alta", "description": "Se entiende", "points": 2}]}])
    assert rubric[0]["id"] == "claridad_del_texto" and rubric[0]["label"] == "Claridad del texto"
    assert [level["id"] for level in rubric[0]["levels"]] == ["baja", "alta"]


@pytest.mark.parametrize("criteria,field", [
    ([], "criteria"),
    ([{"label": "", "levels": []}], "criteria.0.label"),
    ([{"label": "A", "levels": [{"label": "x", "description": "d", "points": 1}]}], "criteria.0.levels"),
    ([{"label": "A", "levels": [{"label": "x", "description": "", "points": 1},
                                {"label": "y", "description": "d", "points": 2}]}], "criteria.0.levels.0.description"),
    ([{"label": "A", "levels": [{"label": "x", "description": "d", "points": "many"},
                                {"label": "y", "description": "d", "points": 2}]}], "criteria.0.levels.0.points"),
    ([{"label": "A", "levels": [{"label": "x", "description": "d", "points": 2},
                                {"label": "y", "description": "d", "points": 2}]}], "criteria.0.levels"),
])
def test_a_bad_rubric_names_the_field_at_fault(criteria, field):
    with pytest.raises(RubricError) as error:
        clean_rubric(criteria)
    assert error.value.field == field and error.value.message


# ---- diff -----------------------------------------------------------------------------------------

def test_changed_words_are_marked_and_unchanged_sections_are_not():
    template = [{"id": "problem", "type": "long_text", "title": "Problem"},
                {"id": "title", "type": "short_text", "title": "Title"}]
    before = {"problem": "<p>Families wait weeks.</p>", "title": "Casa"}
    after = {"problem": "<p>Families wait two weeks.</p><p>New line.</p>", "title": "Casa"}
    problem, title = diff.section_changes(template, before, after)
    assert problem["changed"] and not title["changed"]
    assert ("insert", "two ") in problem["changes"]
    assert "".join(text for op, text in problem["changes"] if op != "delete") == problem["text"]
    assert problem["text"] == "Families wait two weeks.\nNew line."


def test_a_first_version_has_nothing_to_compare():
    [section] = diff.section_changes([{"id": "t", "type": "short_text", "title": "T"}], None, {"t": "x"})
    assert section == {"id": "t", "title": "T", "type": "short_text", "text": "x", "changed": False, "changes": []}


def test_a_budget_reads_in_the_tutors_numbers_with_subtotals_and_total():
    from puentes_core.numbers import reader_locale
    rows = [{"item": "Mediadores", "quantity": 2, "unit_cost": 1500}, {"item": "Alquiler", "quantity": 3,
                                                                      "unit_cost": 2500.5}]
    text = diff.answer_text("budget", rows, locale=reader_locale("pt-br"), currency="USD", labels={"total": "Total"})
    assert text.replace("\xa0", " ").splitlines() == [
        "Mediadores: 2 × US$ 1.500,00 = US$ 3.000,00", "Alquiler: 3 × US$ 2.500,50 = US$ 7.501,50",
        "Total: US$ 10.501,50"]


def test_a_choice_reads_as_its_label_not_its_value():
    template = [{"id": "area", "type": "choice", "title": "Área",
                 "choices": [{"value": "reception", "label": "Acogida"}]}]
    assert diff.section_changes(template, None, {"area": "reception"})[0]["text"] == "Acogida"


def test_tables_and_files_read_as_lines():
    assert diff.answer_text("budget", [{"item": "Mediators", "quantity": 2, "unit_cost": 1500}]) == \
        "Mediators: 2 × $1,500.00 = $3,000.00\nTotal: $3,000.00"
    assert diff.answer_text("attachments", [4, 5], {4: "plan.pdf"}) == "plan.pdf\n#5"
    assert diff.word_changes("a b c", "a c") == [("equal", "a "), ("delete", "b "), ("equal", "c")]
