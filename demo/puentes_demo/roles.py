"""The demo's answer to "is this user course staff?", as the LMS's CourseStaffRole/CourseInstructorRole give it."""
from .models import CourseRole


def is_course_staff(user, course_key):
    return CourseRole.objects.filter(user=user, course_key=str(course_key), role__in=("staff", "instructor")).exists()
