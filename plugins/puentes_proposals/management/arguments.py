"""Arguments the app's management commands share."""
import argparse

from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey


def course_key(value):
    """`--course`: a course run's key; anything else is a usage error (exit 2; CommandError from call_command)
    that shows what a key looks like."""
    try:
        return CourseKey.from_string(value)
    except InvalidKeyError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a course key such as course-v1:OAS+PUENTES-ES+2027") from None
