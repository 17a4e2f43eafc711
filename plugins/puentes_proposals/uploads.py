"""Uploading a file in parts, each one under the platform's caps.

A Tutor site refuses an LMS request body over 4 MB (its Caddyfile's `request_body max_size 4MB`), and
the LMS's handler view refuses any uploaded file over STUDENT_FILEUPLOAD_MAX_SIZE (4 MB) with a 413
(lms/djangoapps/courseware/block_render.py _check_files_limits). So the browser sends a file in parts
of PART_BYTES at most; each part is kept in the attachment storage (any Django storage: every LMS
process and host sees it), and the last part assembles the file, which then goes through the same
checks as any attachment (drafting.add_attachment) and the parts are deleted.

An upload is named by a signed token: who uploads, to which proposal and section, the file's name
and size, and a random id for its parts. A part is accepted only with the token of the same user
and proposal, in order, with the size the file's size implies.
"""
import math
import uuid

from django.core import signing
from django.core.files.base import ContentFile

from . import attachments
from .errors import InvalidAnswer, NotFound
from .reading import is_member

PART_BYTES = 1_000_000  # well under 4 MB with the multipart envelope, in the platform's decimal megabytes
SALT = "puentes_proposals.uploads"
MAX_AGE = 24 * 3600


def part_count(size):
    return max(1, math.ceil(size / PART_BYTES))


def begin(proposal_id, user_id, section_id, name, size, max_bytes):
    """A token for a new upload of `size` bytes, or InvalidAnswer(too_big / empty)."""
    if not is_member(proposal_id, user_id):
        raise NotFound()
    if size <= 0:
        raise InvalidAnswer("empty", section=section_id)
    if size > max_bytes:
        raise InvalidAnswer("too_big", section=section_id)
    return signing.dumps({"p": proposal_id, "u": user_id, "s": section_id, "n": str(name)[:255], "z": size,
                          "id": uuid.uuid4().hex}, salt=SALT)


def read_token(token, proposal_id, user_id):
    """The upload a token names, if it is this user's for this proposal and not older than a day."""
    try:
        upload = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        raise InvalidAnswer("upload_expired") from None
    if upload["p"] != proposal_id or upload["u"] != user_id:
        raise InvalidAnswer("upload_expired")
    return upload


def _part_path(upload, index):
    return f"puentes_uploads/{upload['id']}/{index:05d}"


def expected_size(upload, index):
    count = part_count(upload["z"])
    return PART_BYTES if index < count - 1 else upload["z"] - PART_BYTES * (count - 1)


def store_part(upload, index, content):
    """Keep part `index`; True when it was the last one (the file can be assembled)."""
    count = part_count(upload["z"])
    if not 0 <= index < count or len(content) != expected_size(upload, index):
        raise InvalidAnswer("bad_part", section=upload["s"])
    if index and not attachments.storage().exists(_part_path(upload, index - 1)):
        raise InvalidAnswer("bad_part", section=upload["s"])
    storage = attachments.storage()
    path = _part_path(upload, index)
    if storage.exists(path):
        storage.delete(path)  # a part sent again after a lost answer replaces the first copy
    storage.save(path, ContentFile(content))
    return index == count - 1


def assemble(upload):
    """The whole file from its parts, which are deleted; InvalidAnswer if one is missing."""
    storage = attachments.storage()
    paths = [_part_path(upload, index) for index in range(part_count(upload["z"]))]
    try:
        content = b"".join(_read(storage, path) for path in paths)
    except OSError:
        raise InvalidAnswer("bad_part", section=upload["s"]) from None
    finally:
        discard(upload)
    if len(content) != upload["z"]:
        raise InvalidAnswer("bad_part", section=upload["s"])
    return content


def discard(upload):
    storage = attachments.storage()
    for index in range(part_count(upload["z"])):
        path = _part_path(upload, index)
        if storage.exists(path):
            storage.delete(path)


def _read(storage, path):
    with storage.open(path, "rb") as handle:
        return handle.read()
