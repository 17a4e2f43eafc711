"""The demo runtime answers as the LMS does: opaque-key locations, LMS user attributes, stored state."""
import pytest

from puentes_demo.runtime import DemoRuntime, anonymous_id_for

pytestmark = pytest.mark.django_db

UNIT = """<vertical url_name="unit_1" display_name="Unit">
  <html url_name="page_1" display_name="Page">&lt;p&gt;Hello&lt;/p&gt;</html>
</vertical>"""


def test_url_names_become_block_ids(load_block, course_key):
    usage_id = load_block.parse(UNIT)
    assert usage_id == f"block-v1:{course_key.org}+{course_key.course}+{course_key.run}+type@vertical+block@unit_1"
    vertical = load_block.block(usage_id)
    assert [str(child) for child in vertical.children] == [
        f"block-v1:{course_key.org}+{course_key.course}+{course_key.run}+type@html+block@page_1"]
    assert vertical.location.course_key == course_key


def test_user_service_has_lms_keys(make_user, course_key):
    user = make_user("staffer", role="staff", course_key=course_key)
    runtime = DemoRuntime(user, course_key)
    attrs = runtime._services["user"].get_current_user().opt_attrs
    assert attrs["edx-platform.user_id"] == user.id
    assert attrs["edx-platform.username"] == "staffer"
    assert attrs["edx-platform.user_role"] == "staff"
    assert attrs["edx-platform.anonymous_user_id"] == anonymous_id_for(user.id, course_key)


def test_rendering_a_unit_reads_few_rows(load_block, make_user, django_assert_max_num_queries):
    usage_id = load_block.parse(UNIT)
    user = make_user("reader")
    runtime = DemoRuntime(user, load_block.course_key)
    vertical = runtime.get_block(usage_id)
    runtime.kvs.prefetch([usage_id, *vertical.children], runtime.django_user_id)
    with django_assert_max_num_queries(2):
        html = vertical.render("student_view", {}).body_html()
    assert "Hello" in html
