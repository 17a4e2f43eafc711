"""The mobile apps' view of a block, as the Course Blocks API collects it
(lms/djangoapps/course_api/blocks/transformers/student_view.py, StudentViewTransformer.collect):
once per course publish, outside any request, with no user; `student_view_multi_device` is
`block.has_support(student_view, 'multi_device')`, and the apps show a block only if it is True."""
from .runtime import DemoRuntime


def collect(usage_id, course_key):
    block = DemoRuntime(None, course_key).get_block(usage_id)
    view = getattr(block, "student_view", None)
    return {
        "student_view_multi_device": bool(view and block.has_support(view, "multi_device")),
        "student_view_data": block.student_view_data() if hasattr(block, "student_view_data") else None,
    }
