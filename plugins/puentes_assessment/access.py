"""Who may read an instrument's figures: global staff, course staff of a course that asks it, named analysts.

Course staff are the LMS's course roles (staff, instructor), an LMS internal imported only where it
exists; another site (the demo) names its own check in PUENTES_ASSESSMENT_COURSE_STAFF_CHECK.
"""
from django.conf import settings
from django.utils.module_loading import import_string

from .models import AnalystGrant, Response


def _lms_course_staff(user, course_key):
    try:
        from common.djangoapps.student.roles import CourseInstructorRole, CourseStaffRole  # noqa: PLC0415
    except ImportError:
        return False
    return CourseStaffRole(course_key).has_user(user) or CourseInstructorRole(course_key).has_user(user)


def is_course_staff(user, course_key):
    check = getattr(settings, "PUENTES_ASSESSMENT_COURSE_STAFF_CHECK", None)
    return (import_string(check) if check else _lms_course_staff)(user, course_key)


def courses_of(instrument):
    return list(Response.objects.filter(instrument=instrument).values_list("course_key", flat=True).distinct())


def may_analyse(user, instrument):
    if not (user and user.is_authenticated):
        return False
    if user.is_staff or AnalystGrant.objects.filter(instrument=instrument, user=user).exists():
        return True
    return any(is_course_staff(user, course_key) for course_key in courses_of(instrument))


def instruments_for(user):
    """The instruments this user may analyse, for the index page."""
    if not (user and user.is_authenticated):
        return []
    known = sorted(set(Response.objects.values_list("instrument", flat=True).distinct()))
    if user.is_staff:
        return known
    granted = set(AnalystGrant.objects.filter(user=user).values_list("instrument", flat=True))
    return [instrument for instrument in known if instrument in granted or may_analyse(user, instrument)]
