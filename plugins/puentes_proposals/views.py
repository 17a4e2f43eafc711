"""The app's HTTP endpoints: the staff export of a whole course (the blocks export their own proposals)."""
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from . import export

FORMATS = {"csv": ("text/csv; charset=utf-8", export.csv_lines),
           "json": ("application/json; charset=utf-8", export.json_chunks)}


@login_required
def course_export(request, course_id, file_format):
    """Global staff only: the LMS's course-staff roles are not ours to read here; the block checks those."""
    if not request.user.is_staff:
        return JsonResponse({"error": _("Only staff can export proposals.")}, status=403)
    try:
        course_key = CourseKey.from_string(course_id)
    except InvalidKeyError:
        return JsonResponse({"error": _("That is not a course id.")}, status=400)
    content_type, chunks = FORMATS[file_format]
    response = StreamingHttpResponse(chunks(course_key), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="proposals-{course_key.course}.{file_format}"'
    return response
