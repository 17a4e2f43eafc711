"""The LMS cohort of a learner: an LMS internal, imported only where it exists (elsewhere every cohort is "")."""
import logging

from opaque_keys.edx.keys import CourseKey

log = logging.getLogger(__name__)


def cohort_of(user, course_key):
    """The cohort name of `user` in the course, or ""; for one submission (the platform's own lookup)."""
    try:
        from openedx.core.djangoapps.course_groups.cohorts import get_cohort  # noqa: PLC0415
    except ImportError:
        return ""
    try:
        cohort = get_cohort(user, course_key, assign=False)
    except Exception:  # noqa: BLE001 - a missing cohort must not stop a submission
        log.exception("could not read the cohort of user %s", user.pk)
        return ""
    return cohort.name if cohort else ""


def cohorts_of(course_key, user_ids):
    """{user id: cohort name} of those who are in a cohort of the course, in one query (for rebuilding in bulk).

    Reads the memberships directly: get_cohort is one query per learner, which a rebuild over
    thousands of proposals cannot afford.
    """
    try:
        from openedx.core.djangoapps.course_groups.models import CohortMembership  # noqa: PLC0415
    except ImportError:
        return {}
    rows = CohortMembership.objects.filter(course_id=CourseKey.from_string(str(course_key)),
                                           user_id__in=list(user_ids))
    return dict(rows.values_list("user_id", "course_user_group__name"))
