"""JSON handlers that answer bad input with 400 and a message, never a 500.

A handler raises `InputError` (with the field it is about) or `Forbidden`; the decorator turns them
into JSON responses a person can act on. Everything a handler returns is sent as JSON.
"""
import functools
import json
import logging

from django.utils.translation import gettext_noop
from webob import Response

from . import safe_json
from .i18n import core_gettext as _
from .platform import read_only_reason

log = logging.getLogger(__name__)

MAX_JSON_BYTES = 2 * 1024 * 1024


class InputError(ValueError):
    """The request asks for something that cannot be done as sent (HTTP 400)."""

    status = 400

    def __init__(self, message, field=None, **details):
        super().__init__(message)
        self.message = str(message)
        self.field = field
        self.details = details


class Forbidden(InputError):
    """The user may not do this (HTTP 403)."""

    status = 403


class Conflict(InputError):
    """The request is stale: someone changed the thing since it was read (HTTP 409)."""

    status = 409


def json_response(payload, status=200):
    return Response(
        body=json.dumps(payload).encode("utf-8"), status=status,
        content_type="application/json", charset="utf-8",
    )


def error_response(error):
    payload = {"error": error.message}
    if error.field:
        payload["field"] = error.field
    payload.update(error.details)
    return json_response(payload, status=error.status)


def read_json(request):
    """The request body as a JSON object, or InputError saying what is wrong with it."""
    if request.method != "POST":
        raise InputError(_("Send this request with POST."))
    body = request.body
    if len(body) > MAX_JSON_BYTES:
        raise InputError(_("The request is too large."))
    try:
        payload = safe_json.loads(body or b"{}")
    except safe_json.JsonRefused as refused:
        raise InputError(json_refusal(refused.code)) from None
    if not isinstance(payload, dict):
        raise InputError(_("The request must be a JSON object."))
    return payload


def bad_text_message():
    return _("The address or the form contains characters that are not valid text. Reload the page and try again.")


def read_query(request):
    """The query parameters as a dict; InputError if they are not UTF-8 text."""
    try:
        return dict(request.GET)
    except UnicodeDecodeError:
        raise InputError(bad_text_message()) from None


def json_refusal(code):
    """The sentence for a safe_json refusal code."""
    if code == "too_deep":
        return _("The request nests lists or objects too deeply to read.")
    if code == "bad_text":
        return _("The request contains characters that are not valid text. Retype the text and send it again.")
    return _("The request is not valid JSON.")


READ_ONLY_MESSAGES = {
    "preview": gettext_noop("This is Studio's preview: nothing done here is saved. Try it in the course itself."),
    "masquerade": gettext_noop(
        "You are viewing the course as another learner: you can read their work, not change it."),
}


def json_handler(method):
    """Wrap an XBlock handler `method(self, payload, suffix)` that works on JSON in and out.

    `payload` is the parsed body for POST, or the query parameters for GET when the handler is
    declared with `@json_handler` and `read_only=True` is set on the method. A handler that is not
    read-only answers 403 in Studio's preview and while staff view the course as a learner, before it
    runs (puentes_core.platform): neither may store anything.
    """

    @functools.wraps(method)
    def wrapper(block, request, suffix=""):
        try:
            reason = None if getattr(method, "read_only", False) else read_only_reason(block)
            if reason:
                raise Forbidden(_(READ_ONLY_MESSAGES[reason]), code=f"read_only_{reason}")
            if getattr(method, "raw_request", False):
                payload = request
            elif getattr(method, "read_only", False):
                payload = read_query(request)
            else:
                payload = read_json(request)
            result = method(block, payload, suffix)
        except InputError as error:
            return error_response(error)
        except UnicodeDecodeError:   # webob decodes form fields and query strings lazily, as UTF-8
            return error_response(InputError(bad_text_message()))
        if isinstance(result, Response):
            return result
        return json_response(result)

    # Whether the handler reads a JSON body (the malformed-input tests hold those to a 4xx for any bad body).
    wrapper.reads_json_body = not (getattr(method, "read_only", False) or getattr(method, "raw_request", False))
    return wrapper


def read_only(method):
    """Mark a json_handler method as answering GET with its query parameters."""
    method.read_only = True
    return method


def plain_handler(method):
    """Wrap an XBlock handler that answers with its own Response (a file, a CSV): a query string or form
    that is not UTF-8 text answers 400 with a sentence instead of escaping as a 500."""

    @functools.wraps(method)
    def wrapper(block, request, suffix=""):
        try:
            return method(block, request, suffix)
        except UnicodeDecodeError:
            return Response(status=400, body=bad_text_message().encode("utf-8"), content_type="text/plain",
                            charset="utf-8")

    return wrapper


def raw_request(method):
    """Mark a json_handler method as reading the webob request itself (multipart uploads)."""
    method.raw_request = True
    return method
