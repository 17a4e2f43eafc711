"""What refuses a large handler request on a Tutor site before the block sees it.

1. Tutor's Caddy caps LMS request bodies: `request_body { max_size 4MB }` in
   tutor/templates/apps/caddy/Caddyfile (overhangio/tutor) — a 413 with no JSON body.
2. The LMS's handler view checks uploaded files first (lms/djangoapps/courseware/block_render.py
   _invoke_xblock_handler → _check_files_limits): more than MAX_FILEUPLOADS_PER_INPUT files in one
   input, or one larger than STUDENT_FILEUPLOAD_MAX_SIZE (lms/envs/common.py: 4 * 1000 * 1000 bytes),
   is a 413 whose JSON body is {"success": <English message>}.
"""
import json

from django.conf import settings
from webob import Response

CADDY_MAX_BODY = 4 * 1000 * 1000  # Caddy reads "4MB" in decimal megabytes


def _uploads(request):
    """{input name: [sizes]} of the files in a multipart request."""
    found = {}
    if not (request.content_type or "").startswith("multipart/"):
        return found
    for name, value in request.POST.items():
        if hasattr(value, "file") and getattr(value, "filename", None) is not None:
            value.file.seek(0, 2)
            found.setdefault(name, []).append((value.filename, value.file.tell()))
            value.file.seek(0)
    return found


def refusal(request):
    """The platform's 413 for this request, or None if the block gets to handle it."""
    if (request.content_length or 0) > CADDY_MAX_BODY:
        return Response(status=413, body=b"", content_type="text/plain")
    for files in _uploads(request).values():
        if len(files) > settings.MAX_FILEUPLOADS_PER_INPUT:
            most = settings.MAX_FILEUPLOADS_PER_INPUT
            return _json_413(f"Submission aborted! Maximum {most:d} files may be submitted at once")
        for name, size in files:
            if size > settings.STUDENT_FILEUPLOAD_MAX_SIZE:
                megabytes = int(settings.STUDENT_FILEUPLOAD_MAX_SIZE / (1000 ** 2))
                message = f'Submission aborted! Your file "{name}" is too large (max size: {megabytes:d} MB)'
                return _json_413(message)
    return None


def _json_413(message):
    return Response(status=413, body=json.dumps({"success": message}).encode(), content_type="application/json",
                    charset="utf-8")
