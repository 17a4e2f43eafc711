"""The LMS side of the contract: grades and completion, the mobile apps, edx-submissions' limits.

- completion/handlers.py scorable_block_completion: a scored block is marked complete (1.0) unless its
  class sets `has_custom_completion`; completion/services.py submit_group_completion.
- lms/djangoapps/grades/signals/handlers.py submissions_score_set_handler: an edx-submissions score is
  taken as already weighted (points_earned/points_possible go to the gradebook as they are).
- lms/djangoapps/course_api/blocks/transformers/student_view.py: `has_support(student_view,
  'multi_device')` and `student_view_data()` collected once, with no user.
- edx-submissions submissions/serializers.py validate_answer: len(json.dumps(answer)) > Submission.MAXSIZE.
"""
import json

import pytest
from submissions import api as submissions_api

from puentes_demo import mobile
from puentes_demo.models import PublishedEvent
from puentes_proposals import api
from tests.helpers import get, post_json

pytestmark = pytest.mark.django_db


def completions(user_id, usage_id):
    return [e.data["completion"] for e in PublishedEvent.objects.filter(
        event_type="completion", user_id=user_id, usage_id=str(usage_id))]


def test_a_graded_publish_marks_a_block_complete_unless_it_counts_itself(load_block, case_id, people):
    """The case study counts its own completion: one question answered of five is 0.2, not 1.0."""
    block = load_block.block(case_id, people["ana"])
    assert post_json(block, "submit_answer", {"question": "q1", "answer": "a"})[0] == 200
    assert completions(people["ana"].id, case_id) == [0.2]


def test_the_demo_runtime_marks_an_ordinary_scored_block_complete_on_grade(load_block, case_id, people,
                                                                          monkeypatch):
    from puentes_casestudy.block import CaseStudyBlock
    monkeypatch.setattr(CaseStudyBlock, "has_custom_completion", False)
    block = load_block.block(case_id, people["ana"])
    block.runtime.publish(block, "grade", {"value": 1, "max_value": 2})
    assert completions(people["ana"].id, case_id) == [1.0]


def _submit_team_proposal(load_block, proposal_id, people):
    ana = load_block.block(proposal_id, people["ana"])
    state = post_json(ana, "start")[1]
    changes = [{"section": "title", "value": "Casa", "base_revision": state["revision"]},
               {"section": "problem", "value": "<p>Families wait weeks.</p>", "base_revision": state["revision"]}]
    assert post_json(ana, "save_draft", {"proposal_id": state["proposal_id"], "changes": changes})[0] == 200
    status, body = post_json(ana, "submit", {"proposal_id": state["proposal_id"]})
    assert status == 200, body
    return state["proposal_id"]


def test_a_submitted_proposal_is_complete_for_its_team(load_block, proposal_id, people):
    proposal = _submit_team_proposal(load_block, proposal_id, people)
    for member in api.get_proposal(proposal).team:
        assert completions(member.user_id, proposal_id) == [1.0]


def test_the_gradebook_sees_one_denominator_before_and_after_approval(load_block, proposal_id, review_id, people,
                                                                     course_key):
    proposal = _submit_team_proposal(load_block, proposal_id, people)
    block = load_block.block(proposal_id, people["ana"])
    assert block.max_score() == 100
    api.grant_tutor(course_key, people["carla"].id)
    review = load_block.block(review_id, people["carla"])
    assert post_json(review, "claim", {"proposal_id": proposal})[0] == 200
    rubric = review.current_rubric()
    levels = {c["id"]: max(c["levels"], key=lambda lv: lv["points"])["id"] for c in rubric}
    levels[rubric[0]["id"]] = min(rubric[0]["levels"], key=lambda lv: lv["points"])["id"]
    status, sent = post_json(review, "send_review", {"proposal_id": proposal, "decision": "approved",
                                                     "levels": levels, "overall_comment": "Bien."})
    assert status == 200, sent
    assert sent["points_possible"] != 100  # the rubric's own total...
    version = api.versions(proposal)[-1]
    score = submissions_api.get_latest_score_for_submission(
        submissions_api.get_submissions({"student_id": api.get_proposal(proposal).team[0].anonymous_id,
                                         "course_id": str(course_key), "item_id": str(proposal_id),
                                         "item_type": "puentes_proposal"})[0]["uuid"])
    assert score["points_possible"] == 100  # ...reaches the gradebook on the block's 100 points
    assert score["points_earned"] == round(sent["points_earned"] * 100 / sent["points_possible"])
    assert version.number == 1


@pytest.mark.parametrize("tag_fixture", ["case_id", "proposal_id", "review_id"])
def test_the_mobile_apps_show_the_blocks_with_data_collected_without_a_user(request, tag_fixture, course_key):
    collected = mobile.collect(request.getfixturevalue(tag_fixture), course_key)
    assert collected["student_view_multi_device"] is True
    assert "proposal" not in (collected["student_view_data"] or {})


def test_per_learner_data_for_the_apps_comes_from_handlers(load_block, case_id, proposal_id, people):
    response = get(load_block.block(proposal_id, people["ana"]), "learner_state")
    assert response.status_code == 200 and json.loads(response.body) == {"proposal": None}
    post_json(load_block.block(proposal_id, people["ana"]), "start")
    assert json.loads(get(load_block.block(proposal_id, people["ana"]), "learner_state").body)["proposal"]
    state = json.loads(get(load_block.block(case_id, people["ana"]), "learner_state").body)
    assert [q["id"] for q in state["questions"]] == ["q1", "q2", "q3", "q4", "q5"]
    assert "correct" not in json.dumps(state["questions"]) and state["answers"] == {}


def test_a_submission_is_measured_as_edx_submissions_measures_it():
    from submissions.serializers import SubmissionSerializer  # noqa: F401 - the rule reproduced below

    from puentes_proposals.recording import ANSWER_LIMIT, answer_size
    text = "á" * (ANSWER_LIMIT // 3)  # a third of the limit as characters, twice the limit as json.dumps writes it
    assert len(str({"t": text})) < ANSWER_LIMIT < answer_size({"t": text}) == len(json.dumps({"t": text}))


def test_the_lms_wrapper_names_the_block_data_usage_id(load_block, proposal_id, people):
    """openedx/core/lib/xblock_utils/__init__.py wrap_xblock: `data['usage-id'] = usage_id_serializer(...)`
    (with data-block-type, data-init, data-runtime-version); XBlock's default wrapper's `data-usage` is never on
    an LMS page, so the blocks' JavaScript reads `data-usage-id`."""
    block = load_block.block(proposal_id, people["ana"])
    html = block.runtime.render(block, "student_view").content
    assert f"data-usage-id='{block.scope_ids.usage_id}'" in html
    assert " data-usage='" not in html
