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


def _known(role, user, course_key):
    """`role` when the caller has read it already (a runtime reads it once per request), else read now."""
    return role if role is not None else course_role(user, course_key)


def is_course_staff(user, course_key):
    """CourseStaffRole/CourseInstructorRole: staff or instructor of the course (not global staff)."""
    return course_role(user, course_key) in STAFF_ROLES


def has_staff_access(user, course_key, role=None):
    """lms/djangoapps/courseware/access.py has_access(user, 'staff', course_key): global staff, course
    staff and instructors."""
    if not (user and user.is_authenticated):
        return False
    return user.is_staff or _known(role, user, course_key) in STAFF_ROLES


def lms_user_role(user, course_key, role=None):
    """lms/djangoapps/courseware/access.py get_user_role: instructor, staff or student."""
    if user and user.is_authenticated and user.is_staff:
        return "instructor"  # global staff pass has_access(user, 'instructor', …)
    role = _known(role, user, course_key)
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


def user_group(user, course_key, partition_id):
    """The group of `user` in a cohort-scheme partition: the content group their cohort is linked to."""
    from .models import CohortMembership
    if not (user and user.is_authenticated):
        return None
    return CohortMembership.objects.filter(user=user, course_key=str(course_key), partition_id=partition_id) \
        .values_list("group_id", flat=True).first()


def _lineage(block):
    """The block and its ancestors, the course's root first."""
    chain = []
    while block is not None:
        chain.append(block)
        block = block.get_parent()
    return list(reversed(chain))


def merged_group_access(chain):
    """lms/djangoapps/lms_xblock/mixin.py merged_group_access: each block's rule intersected with its parents'
    (False where nothing is left of a partition)."""
    merged = {}
    for block in chain:
        for partition_id, group_ids in (getattr(block, "group_access", None) or {}).items():
            if not group_ids:
                continue
            if partition_id in merged and merged[partition_id] is not False:
                merged[partition_id] = list(set(merged[partition_id]) & set(group_ids)) or False
            elif partition_id not in merged:
                merged[partition_id] = list(group_ids)
    return merged


def has_load_access(user, block, course_key, role=None):
    """lms/djangoapps/courseware/access.py has_access(user, 'load', block): course staff load everything;
    anyone else is refused a block that is, or sits in, `visible_to_staff_only`, and one whose merged
    group_access leaves out their group (_has_group_access)."""
    if has_staff_access(user, course_key, role):
        return True
    chain = _lineage(block)
    if any(getattr(item, "visible_to_staff_only", False) for item in chain):
        return False
    for partition_id, group_ids in merged_group_access(chain).items():
        if group_ids is False or user_group(user, course_key, partition_id) not in group_ids:
            return False
    return True
