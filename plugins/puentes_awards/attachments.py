"""Copy an entered version's files into the awards storage, so later edits in the course never touch the entry."""
import hashlib
import re
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils.crypto import salted_hmac

from .storage import attachment_storage, awards_storage

CHUNK = 1024 * 1024


class AttachmentMissing(Exception):
    """The proposals app names a file its storage does not have."""


@dataclass(frozen=True)
class CopiedFile:
    attachment_id: int
    name: str
    content_type: str
    size: int
    sha256: str
    path: str


def destination_path(edition_slug, proposal_id, version, attachment_id, name):
    """Deterministic, so copying again (a retried event) finds the file instead of making a second one, and
    unguessable: the folder is a keyed hash (the site's SECRET_KEY) of the ids, which are sequential (L5)."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "file"
    folder = salted_hmac("puentes_awards.attachment_copy", f"{edition_slug}|{proposal_id}|{version}|{attachment_id}",
                         algorithm="sha256").hexdigest()[:40]
    return f"puentes_awards/{edition_slug}/{folder}/{safe[:120]}"


def _read(storage, path):
    digest, chunks = hashlib.sha256(), []
    with storage.open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
            chunks.append(chunk)
    return b"".join(chunks), digest.hexdigest()


def copy_attachment(edition_slug, proposal_id, version, record):
    source, target = attachment_storage(), awards_storage()
    if not source.exists(record.storage_path):
        raise AttachmentMissing(f"attachment {record.attachment_id} of proposal {proposal_id} v{version} "
                                f"is not in the attachment storage at {record.storage_path!r}")
    content, sha256 = _read(source, record.storage_path)
    path = destination_path(edition_slug, proposal_id, version, record.attachment_id, record.name)
    if not (target.exists(path) and target.size(path) == len(content)):
        if target.exists(path):
            target.delete(path)  # a partial copy from an interrupted run
        path = target.save(path, ContentFile(content))
    return CopiedFile(record.attachment_id, record.name, record.content_type, len(content), sha256, path)


def copy_all(edition_slug, snapshot):
    return [copy_attachment(edition_slug, snapshot.proposal_id, snapshot.version, record)
            for record in snapshot.attachments]
