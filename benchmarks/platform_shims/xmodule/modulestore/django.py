"""modulestore() as ORA2's submit asks it (see ../../README.md): a course with a display name."""
from types import SimpleNamespace


class CourseStore:
    def get_course(self, course_key):
        return SimpleNamespace(id=course_key, display_name=str(course_key))


def modulestore():
    return CourseStore()
