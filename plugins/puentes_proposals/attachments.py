"""Attachment checks: a file's name, size and type, judged by its content and not only its extension.

`check_upload` is pure (bytes in, verdict out). Storing goes through the Django storage named by
PUENTES_ATTACHMENT_STORAGE, so production can put files in S3 or MinIO without code changes.
"""
import re
import unicodedata
import uuid
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages

# The extensions each detected type may carry (jpg and jpeg are the same thing).
EXTENSIONS_BY_MIME = {
    "application/pdf": {"pdf"},
    "image/png": {"png"},
    "image/jpeg": {"jpg", "jpeg"},
    "image/gif": {"gif"},
    "image/webp": {"webp"},
    "application/msword": {"doc"},
    "application/vnd.ms-excel": {"xls"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"docx"},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"xlsx"},
    "application/vnd.oasis.opendocument.text": {"odt"},
    "application/vnd.oasis.opendocument.spreadsheet": {"ods"},
}
TEXT_TYPES = {"csv": "text/csv", "txt": "text/plain"}
MAX_NAME = 120


class UploadRefused(ValueError):
    """The file cannot be accepted; `code` says why (too_big, empty, bad_type, mismatch)."""

    def __init__(self, code, **details):
        super().__init__(code)
        self.code = code
        self.details = details


@dataclass(frozen=True)
class AcceptedFile:
    name: str
    extension: str
    content_type: str
    size: int


def sanitize_name(name):
    """A file name safe to show and to store: no folders, no control or odd characters, kept short."""
    name = unicodedata.normalize("NFC", str(name or "")).replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[\x00-\x1f\x7f<>:\"|?*;&$`']", "", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    stem = stem[: MAX_NAME - len(extension) - 1].strip(" .") or "file"
    return f"{stem}.{extension.lower()}" if extension else stem


def _looks_like_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        if error.start < len(head) - 4:
            try:
                head.decode("latin-1")
            except UnicodeDecodeError:
                return False
    return filetype.guess(head) is None


def check_upload(name, head, size, allowed_extensions, max_bytes):
    """Accept or refuse a file from its name, its first bytes (≥ 8 KB when the file has them) and its size."""
    clean_name = sanitize_name(name)
    extension = clean_name.rpartition(".")[2].lower() if "." in clean_name else ""
    allowed = {ext.lower().lstrip(".") for ext in allowed_extensions}
    if size <= 0:
        raise UploadRefused("empty")
    if size > max_bytes:
        raise UploadRefused("too_big", max_bytes=max_bytes)
    if extension not in allowed:
        raise UploadRefused("bad_type", extension=extension)
    if extension in TEXT_TYPES:
        if not _looks_like_text(head):
            raise UploadRefused("mismatch", extension=extension)
        return AcceptedFile(clean_name, extension, TEXT_TYPES[extension], size)
    kind = filetype.guess(head)
    if kind is None or extension not in EXTENSIONS_BY_MIME.get(kind.mime, set()):
        raise UploadRefused("mismatch", extension=extension)
    return AcceptedFile(clean_name, extension, kind.mime, size)


def storage():
    return storages[settings.PUENTES_ATTACHMENT_STORAGE]


def store(proposal_id, accepted, content):
    """Save the bytes under a path nobody can guess; return the path the storage chose."""
    path = f"puentes/proposals/{proposal_id}/{uuid.uuid4().hex}.{accepted.extension}"
    return storage().save(path, ContentFile(content))


def open_file(storage_path):
    return storage().open(storage_path, "rb")
