"""The learner's side: drafts and resume, conditions, required answers, consent, completion, the profile."""
import pytest

from puentes_demo.models import PublishedEvent
from tests.helpers import get, post_json

from .conftest import COMPLETE

pytestmark = pytest.mark.django_db


def answer(block, handler="submit", answers=None, municipality="Cúcuta", country="CO"):
    return post_json(block, handler, {"answers": COMPLETE if answers is None else answers,
                                      "municipality": municipality, "country": country})


def test_a_draft_is_kept_and_resumed_on_another_device(load_block, sample_id, learner):
    status, body = answer(load_block.block(sample_id, learner), "save_draft",
                          {"POPULATION": 1200, "HAS_OFFICE": "no"}, municipality="Tapachula", country="")
    assert status == 200 and body["submitted_at"] is None
    # another device: a new runtime, the same learner
    state = get(load_block.block(sample_id, learner), "learner_state")
    assert state.json["answers"] == {"POPULATION": 1200, "HAS_OFFICE": "no"}
    assert state.json["municipality"] == "Tapachula"
    html = load_block.block(sample_id, learner).render("student_view", {}).body_html()
    assert 'value="Tapachula"' in html and 'value="1200"' in html


def test_conditions_skip_questions_and_drop_their_answers(load_block, sample_id, learner):
    block = load_block.block(sample_id, learner)
    answers = {**COMPLETE, "HAS_OFFICE": "no"}  # OFFICE_STAFF only shows when there is an office
    status, body = answer(block, answers=answers)
    assert status == 200 and "OFFICE_STAFF" not in body["answers"]
    html = load_block.block(sample_id, learner).render("student_view", {}).body_html()
    assert 'data-field="OFFICE_STAFF" data-type="number" hidden' in html


def test_a_shown_required_question_must_be_answered(load_block, sample_id, learner):
    answers = {k: v for k, v in COMPLETE.items() if k != "OFFICE_STAFF"}
    status, body = answer(load_block.block(sample_id, learner), answers=answers)
    assert status == 400 and body["field"] == "OFFICE_STAFF" and body["missing"] == ["OFFICE_STAFF"]
    # what was typed is not lost
    assert get(load_block.block(sample_id, learner), "learner_state").json["answers"]["PROT_HEALTH"] == 3


@pytest.mark.parametrize(("answers", "place", "field"), [
    ({"GOV_COORD": 9}, {}, "GOV_COORD"),
    ({"GOV_COORD": True}, {}, "GOV_COORD"),
    ({"HAS_OFFICE": "maybe"}, {}, "HAS_OFFICE"),
    ({"GROUPS": ["aliens"]}, {}, "GROUPS"),
    ({"POPULATION": -3}, {}, "POPULATION"),
    ({"POPULATION": "many"}, {}, "POPULATION"),
    ({"MAIN_NEED": "x" * 501}, {}, "MAIN_NEED"),
    ({}, {"country": "FR"}, "country"),
    ({}, {"municipality": ""}, "municipality"),
])
def test_bad_answers_get_400_naming_the_question(load_block, sample_id, learner, answers, place, field):
    payload = {"answers": {**COMPLETE, **answers}, "municipality": "Cúcuta", "country": "CO", **place}
    status, body = post_json(load_block.block(sample_id, learner), "submit", payload)
    assert status == 400 and body["field"] == field, body


def test_submitting_completes_the_block_and_shows_the_profile(load_block, sample_id, learner):
    status, body = answer(load_block.block(sample_id, learner))
    assert status == 200 and body["submitted_at"]
    assert [row["score"] for row in body["profile"]] == [None, pytest.approx(100 / 3), pytest.approx(200 / 3)]
    assert body["weakest"][0]["area"] == "governance"
    assert body["weakest"][0]["links"][0]["href"] == \
        "/courses/course-v1:OAS+PUENTES-TEST+2027/jump_to_id/m09_reading_1_unit"
    completion = PublishedEvent.objects.get(event_type="completion", user_id=learner.id)
    assert completion.data == {"completion": 1.0}
    html = load_block.block(sample_id, learner).render("student_view", {}).body_html()
    assert 'role="img"' in html and "<caption>" in html and "jump_to_id/m09_reading_1_unit" in html


def test_consent_is_asked_apart_and_can_change(load_block, sample_id, learner):
    block = load_block.block(sample_id, learner)
    assert get(block, "learner_state").json["consent"] is None
    assert post_json(block, "set_consent", {"consent": True}) == (200, {"consent": True})
    assert post_json(block, "set_consent", {"consent": "yes"})[0] == 400
    again = load_block.block(sample_id, learner)
    assert post_json(again, "set_consent", {"consent": False}) == (200, {"consent": False})
    assert get(load_block.block(sample_id, learner), "learner_state").json["consent"] is False


def test_anonymous_and_studio_preview_write_nothing(load_block, sample_id):
    block = load_block.block(sample_id, None)  # no user id, as in Studio preview (ORA2 in_studio_preview)
    assert answer(block)[0] == 403
    assert post_json(block, "set_consent", {"consent": True})[0] == 403
    html = block.render("student_view", {}).body_html()
    assert "Answers are not saved here" in html and "disabled" in html


def test_author_view_is_declared_for_studio(load_block, sample_id):
    block = load_block.block(sample_id, None)
    assert block.has_author_view is True
    assert "Answers are not saved here" in block.render("author_view", {}).body_html()


def test_student_view_data_for_the_mobile_apps(load_block, sample_id, learner):
    data = load_block.block(sample_id, learner).student_view_data()
    assert data["instrument"] == "puentes-needs-sample" and data["wave"] == "baseline"
    assert {"learner_state", "save_draft", "submit", "set_consent"} <= set(data["handlers"])
    assert data["sections"][1]["questions"][0]["levels"][3]["label"] == "Institutional"
    block = load_block.block(sample_id, learner)
    assert block.has_support(block.student_view, "multi_device")  # XBlock.supports, read by the mobile API


def test_completion_is_the_only_score(load_block, sample_id, learner):
    from xblock.completable import XBlockCompletionMode
    block = load_block.block(sample_id, learner)
    assert not getattr(block, "has_score", False)
    assert block.has_custom_completion and block.completion_mode == XBlockCompletionMode.COMPLETABLE
