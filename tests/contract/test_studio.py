"""Studio: the editor's handler runtime, the unit page's preview, and what Puentes does in each.

- cms/djangoapps/contentstore/views/component.py (component_handler): any signed-in user's call runs
  the handler; `modulestore().update_item` saves the block only `if has_course_author_access(...)`.
- cms/djangoapps/contentstore/xblock_storage_handlers/view_handlers.py (load_services_for_studio):
  `"user": DjangoXBlockUserService(user)` and `"studio_user_permissions": StudioPermissionsService(user)`.
- common/djangoapps/xblock_django/user_service.py: `user_role` defaults to 'student',
  `user_is_staff` to False; `get_anonymous_user_id` answers None unless the current user is staff.
- cms/djangoapps/contentstore/views/preview.py: role from get_user_role, `anonymous_user_id =
  'student'`, learner state in a SessionKeyValueStore, `is_author_mode = True`, no publish service;
  `_load_preview_block` renders author_view only `if has_author_view(block)`
  (xmodule/studio_editable.py: `getattr(block, 'has_author_view', False)`).
"""
import pytest
from xblock.core import XBlock
from xblock.fields import Scope, String

from puentes_casestudy.models import CaseStudyAnswer
from puentes_demo.models import FieldState, PublishedEvent
from puentes_demo.runtime import PreviewRuntime
from puentes_proposals.models import Proposal
from tests.helpers import post_json

pytestmark = pytest.mark.django_db


def attrs(block):
    return block.runtime.service(block, "user").get_current_user().opt_attrs


# ---- the editor: component_handler ----------------------------------------------------------------

@pytest.mark.parametrize("name", ["diego", "ines", "ana"])
def test_the_editor_runtime_says_student_and_not_staff_for_everyone(load_block, case_id, people, name):
    block = load_block.studio(case_id, people[name])
    assert attrs(block)["edx-platform.user_role"] == "student"
    assert attrs(block)["edx-platform.user_is_staff"] is False
    assert attrs(block)["edx-platform.anonymous_user_id"] is None


def test_studio_saves_only_a_course_authors_changes(load_block, case_id, people):
    """A handler runs for anyone; the changed fields are kept for course authors only."""
    for name, kept in (("ana", False), ("diego", True)):
        block = load_block.studio(case_id, people[name])
        block.display_name = f"Renamed by {name}"
        block.runtime.handle(block, "studio_submit", _blank_post(block.case()))  # any handler; the save follows
        assert (load_block.block(case_id, people["diego"]).display_name == f"Renamed by {name}") is kept


def _blank_post(payload):
    import json

    from webob import Request
    return Request.blank("/", method="POST", body=json.dumps(payload).encode(),
                         headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("name", ["diego", "ines"])
def test_every_course_author_can_save_each_editor(load_block, case_id, proposal_id, review_id, people, name):
    case = load_block.studio(case_id, people[name])
    assert post_json(case, "studio_submit", case.case())[0] == 200
    proposal = load_block.studio(proposal_id, people[name])
    assert post_json(proposal, "studio_submit", proposal.studio_values())[0] == 200
    review = load_block.studio(review_id, people[name])
    assert post_json(review, "studio_submit", {"display_name": "Review", "rubric": review.current_rubric()})[0] == 200


def test_a_learner_cannot_save_any_editor(load_block, case_id, proposal_id, review_id, people):
    case = load_block.studio(case_id, people["ana"])
    status, body = post_json(case, "studio_submit", case.case())
    assert status == 403 and body["error"]
    proposal = load_block.studio(proposal_id, people["ana"])
    assert post_json(proposal, "studio_submit", proposal.studio_values())[0] == 403
    review = load_block.studio(review_id, people["ana"])
    assert post_json(review, "studio_submit", {"display_name": "R", "rubric": review.current_rubric()})[0] == 403


def test_the_lms_has_no_editor(load_block, case_id, people):
    """Outside Studio there is no studio_user_permissions service: even course staff cannot save there."""
    block = load_block.block(case_id, people["diego"])
    assert block.runtime.service(block, "studio_user_permissions") is None
    assert post_json(block, "studio_submit", block.case())[0] == 403


# ---- the user service's get_anonymous_user_id ----------------------------------------------------------

def test_anonymous_ids_of_others_are_for_course_staff_only(load_block, case_id, people, course_key):
    ana, diego = load_block.block(case_id, people["ana"]), load_block.block(case_id, people["diego"])
    learner, staff = ana.runtime.service(ana, "user"), diego.runtime.service(diego, "user")
    assert learner.get_anonymous_user_id("bruno", str(course_key)) is None
    assert staff.get_anonymous_user_id("bruno", str(course_key)) == \
        load_block.block(case_id, people["bruno"]).runtime.anonymous_student_id
    assert staff.get_anonymous_user_id("nobody", str(course_key)) is None


# ---- the preview: preview.py --------------------------------------------------------------------------

def test_the_preview_runtime_is_the_authors_with_the_id_student(load_block, case_id, people):
    block = load_block.preview(case_id, people["ines"])
    assert attrs(block)["edx-platform.user_role"] == "instructor"
    assert attrs(load_block.preview(case_id, people["diego"]))["edx-platform.user_role"] == "staff"
    assert attrs(block)["edx-platform.anonymous_user_id"] == "student"
    assert attrs(block)["edx-platform.user_is_staff"] is False
    assert block.runtime.is_author_mode is True


class PlainBlock(XBlock):
    """A block with an author_view but no has_author_view flag: Studio ignores its author_view."""
    name = String(default="", scope=Scope.content)

    def author_view(self, context=None):
        raise AssertionError("never called")


def test_preview_renders_author_view_only_for_blocks_that_ask():
    assert PreviewRuntime.preview_view(PlainBlock) == "student_view"
    for tag in ("puentes_case_study", "puentes_proposal", "puentes_tutor_review"):
        assert PreviewRuntime.preview_view(XBlock.load_class(tag)) == "author_view"


def test_preview_shows_a_marked_case_and_answering_stores_nothing(load_block, case_id, people):
    session = {}
    block = load_block.preview(case_id, people["diego"], session)
    html = block.render(PreviewRuntime.preview_view(block), {}).body_html()
    assert "puentes-preview-note" in html and "export_answers" not in html
    rows = FieldState.objects.count()
    status, body = post_json(block, "submit_answer", {"question": "q1", "answer": "a"})
    assert status == 403 and body["code"] == "read_only_preview"
    assert not CaseStudyAnswer.objects.exists() and not PublishedEvent.objects.exists()
    assert FieldState.objects.count() == rows


def test_preview_never_shows_or_touches_the_authors_own_proposal(load_block, proposal_id, people):
    learner_side = load_block.block(proposal_id, people["diego"])
    assert post_json(learner_side, "start")[0] == 200  # the author also follows the course as a learner
    block = load_block.preview(proposal_id, people["diego"])
    html = block.render("author_view", {}).body_html()
    assert "puentes-preview-note" in html and '"proposal_id": null' in html
    for handler in ("start", "join", "save_draft", "submit", "upload", "confirm_entry"):
        assert post_json(block, handler, {"code": "x"})[0] == 403, handler
    assert Proposal.objects.count() == 1


def test_preview_of_the_review_shows_settings_not_the_queue(load_block, review_id, people):
    block = load_block.preview(review_id, people["diego"])
    html = block.render("author_view", {}).body_html()
    assert "puentes-preview-note" in html and "PuentesTutorReview" not in html
    for handler in ("claim", "take_over", "release", "save_draft", "send_review", "assign_tutor"):
        status, body = post_json(block, handler, {"proposal_id": 1})
        assert status == 403 and body["code"] == "read_only_preview", handler


def test_preview_publishes_nothing(load_block, case_id, people):
    block = load_block.preview(case_id, people["diego"])
    block.runtime.publish(block, "grade", {"value": 1, "max_value": 1})
    assert not PublishedEvent.objects.exists()


def test_the_lms_refuses_to_write_authored_fields(load_block, case_id, people):
    """lms/djangoapps/lms_xblock/field_data.py: LmsFieldData wraps authored data in ReadOnlyFieldData."""
    from xblock.exceptions import InvalidScopeError
    block = load_block.block(case_id, people["diego"])
    block.display_name = "Changed in the LMS"
    with pytest.raises(InvalidScopeError):
        block.save()


def test_case_study_export_keeps_the_components_own_settings(load_block, course_key):
    """xmodule/x_module.py add_block_as_child_node → block.add_xml_to_node: settings the platform's mixins
    add (lms/djangoapps/lms_xblock/mixin.py: visible_to_staff_only, group_access) must survive export→import."""
    import io
    import json

    from lxml import etree

    from tests.casestudy.conftest import CASE
    restricted = CASE.replace('weight="2"', 'weight="2" visible_to_staff_only="true" group_access=\'{"50": [1]}\'')
    block = load_block.block(load_block.parse(restricted))
    assert block.visible_to_staff_only is True and block.group_access == {50: [1]}
    out = io.BytesIO()
    block.runtime.export_to_xml(block, out)
    node = etree.fromstring(out.getvalue())
    assert node.get("visible_to_staff_only") == "true" and json.loads(node.get("group_access")) == {"50": [1]}
    again = load_block.block(load_block.parse(etree.tostring(node).decode().replace('"case_1"', '"case_2"')))
    assert (again.visible_to_staff_only, again.group_access, again.questions) == (True, {50: [1]}, block.questions)
