"""Who may load a block in the LMS, and what staff may do while viewing the course as a learner.

- lms/djangoapps/courseware/block_render.py get_block_by_usage_id: a block the user may not load
  (`has_access(user, 'load', block)`) is a 404, for its handlers too.
- lms/djangoapps/courseware/access.py: `visible_to_staff_only` (inherited from the unit) keeps a block
  from everyone without a course staff role; `group_access` (merged down the tree,
  lms/djangoapps/lms_xblock/mixin.py merged_group_access) from anyone outside the groups it names.
- lms/djangoapps/courseware/masquerade.py: setup_masquerade runs the block as the learner;
  MasqueradingKeyValueStore keeps field writes in the session; xmodule/services.py
  EventPublishingService drops grade and completion events while masquerading.
"""
import pytest
from crum import impersonate

from puentes_casestudy.models import CaseStudyAnswer
from puentes_demo.models import CohortMembership, FieldState, PublishedEvent
from puentes_demo.runtime import MasqueradeRuntime
from puentes_proposals import api
from puentes_proposals.models import Proposal
from tests.helpers import get, post_json

pytestmark = pytest.mark.django_db

STAFF_ONLY_UNIT = """<vertical url_name="staff_unit" display_name="Staff" visible_to_staff_only="true">
  <puentes_tutor_review url_name="hidden_review"/>
</vertical>"""
TUTORS_UNIT = """<vertical url_name="tutor_unit" display_name="Tutors" group_access='{"50": [1]}'>
  <puentes_tutor_review url_name="tutors_review"/>
</vertical>"""


def review_in(load_block, xml, block_id):
    load_block.parse(xml)
    return str(load_block.course_key.make_usage_key("puentes_tutor_review", block_id))


def test_a_staff_only_unit_is_a_404_for_everyone_without_a_staff_role(load_block, people, course_key):
    usage_id = review_in(load_block, STAFF_ONLY_UNIT, "hidden_review")
    api.grant_tutor(course_key, people["carla"].id)
    assert get(load_block.block(usage_id, people["carla"]), "queue").status_code == 404  # a tutor, not staff
    assert get(load_block.block(usage_id, people["diego"]), "queue").status_code == 200


def test_tutors_load_the_review_through_their_content_group(load_block, people, course_key):
    usage_id = review_in(load_block, TUTORS_UNIT, "tutors_review")
    api.grant_tutor(course_key, people["carla"].id)
    assert get(load_block.block(usage_id, people["carla"]), "queue").status_code == 404  # not in the group yet
    CohortMembership.objects.create(user=people["carla"], course_key=str(course_key), name="Tutors",
                                    partition_id=50, group_id=1)
    assert get(load_block.block(usage_id, people["carla"]), "queue").status_code == 200
    assert get(load_block.block(usage_id, people["diego"]), "queue").status_code == 200  # staff see everything
    CohortMembership.objects.create(user=people["ana"], course_key=str(course_key), name="Bogotá",
                                    partition_id=50, group_id=2)
    assert get(load_block.block(usage_id, people["ana"]), "queue").status_code == 404


def test_the_shipped_courses_restrict_the_review_unit_to_the_tutors_content_group():
    import json
    from pathlib import Path
    root = Path(__file__).resolve().parents[2] / "course_content"
    for language in ("en", "es", "pt"):
        unit = (root / language / "vertical" / "m11_review_unit.xml").read_text()
        assert "visible_to_staff_only" not in unit and 'group_access="{&quot;50&quot;: [1]}"' in unit
        policy = json.loads((root / language / "policies" / "2027" / "policy.json").read_text())
        partition = policy["course/2027"]["user_partitions"][0]
        assert (partition["id"], partition["scheme"], partition["groups"][0]["id"]) == (50, "cohort", 1)


def masquerading(load_block, usage_id, staff, learner, session):
    return MasqueradeRuntime(staff, learner, load_block.course_key, session=session).get_block(usage_id)


def test_staff_viewing_as_a_learner_read_and_never_write(load_block, case_id, proposal_id, people):
    ana = load_block.block(proposal_id, people["ana"])
    proposal = post_json(ana, "start")[1]["proposal_id"]
    session, rows, revision = {}, FieldState.objects.count(), Proposal.objects.get(pk=proposal).revision
    with impersonate(people["diego"]):  # the request is Diego's, the runtime Ana's
        as_ana = masquerading(load_block, proposal_id, people["diego"], people["ana"], session)
        html = as_ana.render("student_view", {}).body_html()
        assert f'"proposal_id": {proposal}' in html  # Diego reads Ana's proposal
        for handler in ("save_draft", "submit", "begin_upload", "invite", "confirm_entry", "leave"):
            status, body = post_json(as_ana, handler, {"proposal_id": proposal, "changes": [{}]})
            assert (status, body.get("code")) == (403, "read_only_masquerade"), handler
        case = masquerading(load_block, case_id, people["diego"], people["ana"], session)
        assert post_json(case, "submit_answer", {"question": "q1", "answer": "a"})[0] == 403
        case.runtime.publish(case, "grade", {"value": 1, "max_value": 1})
    assert not CaseStudyAnswer.objects.exists() and not PublishedEvent.objects.exists()
    assert FieldState.objects.count() == rows and Proposal.objects.get(pk=proposal).revision == revision


def test_only_course_staff_can_view_as_a_learner(people, course_key):
    with pytest.raises(PermissionError):
        MasqueradeRuntime(people["bruno"], people["ana"], course_key)
