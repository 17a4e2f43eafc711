"""Who may do what, answered as the platform answers it, from the demo's CourseRole rows.

Each function names the platform function it stands for; the demo has one course role per user
and course (student, staff or instructor) where the platform has CourseAccessRole rows.
"""
from .models import CourseRole

STAFF_ROLES = frozenset({"staff", "instructor"})


def course_role(user, course_key):
    """The user's CourseRole in the course, or "student" (also for anonymous users)."""
    if not (user and user.is_authenticated):
        return "student"
    return CourseRole.objects.filter(user=user, course_key=str(course_key)).values_list(
        "role", flat=True).first() or "student"


def is_course_staff(user, course_key):
    """CourseStaffRole/CourseInstructorRole: staff or instructor of the course (not global staff)."""
    return course_role(user, course_key) in STAFF_ROLES


def has_staff_access(user, course_key):
    """lms/djangoapps/courseware/access.py has_access(user, 'staff', course_key): global staff, course
    staff and instructors."""
    if not (user and user.is_authenticated):
        return False
    return user.is_staff or course_role(user, course_key) in STAFF_ROLES


def lms_user_role(user, course_key):
    """lms/djangoapps/courseware/access.py get_user_role: instructor, staff or student."""
    if user and user.is_authenticated and user.is_staff:
        return "instructor"  # global staff pass has_access(user, 'instructor', …)
    role = course_role(user, course_key)
    return role if role in STAFF_ROLES else "student"


def studio_user_role(user, course_key):
    """cms/djangoapps/contentstore/views/access.py get_user_role: 'instructor' or else 'staff', for anyone
    Studio shows a preview to."""
    return "instructor" if lms_user_role(user, course_key) == "instructor" else "staff"


def has_studio_write_access(user, course_key):
    """common/djangoapps/student/auth.py has_studio_write_access (= has_course_author_access): global staff,
    course instructors and course staff; never learners."""
    return has_staff_access(user, course_key)


class StudioPermissionsService:
    """The `studio_user_permissions` service Studio gives every block it edits or previews
    (cms/djangoapps/contentstore/xblock_storage_handlers/view_handlers.py, views/preview.py)."""

    def __init__(self, user):
        self._user = user

    def can_read(self, course_key):
        return has_studio_write_access(self._user, course_key)

    def can_write(self, course_key):
        return has_studio_write_access(self._user, course_key)
