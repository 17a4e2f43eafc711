"""The JSON an entry travels as: to the external awards system, on the event bus, into a receiving site."""
import json
from datetime import date, datetime
from decimal import Decimal

import attr
from django.conf import settings

SCHEMA = "org.puentes.award.entry.v1"
# What leaves the site about the team: names and pseudonymous ids the team agreed to publish, not e-mails.
PUBLIC_MEMBER_FIELDS = ("full_name", "anonymous_id")


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def snapshot_as_json(snapshot):
    """A ProposalSnapshot (attrs records all the way down) as JSON-safe dicts."""
    return json.loads(json.dumps(attr.asdict(snapshot, value_serializer=lambda _i, _a, v: _plain(v)),
                                 default=str))


def canonical_json(payload) -> bytes:
    """The exact bytes we sign and send: sorted keys and no spaces, so the same payload always signs alike."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sender_name():
    return settings.PUENTES_AWARDS_SENDER or getattr(settings, "LMS_BASE", "") or "puentes"


def entry_payload(entry, attachments):
    snapshot = dict(entry.snapshot)
    snapshot["team"] = [{key: member.get(key, "") for key in PUBLIC_MEMBER_FIELDS}
                        for member in snapshot.get("team", [])]
    snapshot.pop("reviewer_usernames", None)
    return {
        "schema": SCHEMA,
        "sender": sender_name(),
        "entry": {
            "uuid": str(entry.uuid),
            "edition": {"slug": entry.edition.slug, "name": entry.edition.name},
            "proposal_id": entry.proposal_id,
            "version": entry.version,
            "course_key": str(entry.course_key),
            "title": entry.title,
            "municipality": entry.municipality,
            "country": entry.country,
            "entered_at": entry.entered_at.isoformat(),
            "snapshot": snapshot,
            "attachments": [{"name": a.name, "content_type": a.content_type, "size": a.size, "sha256": a.sha256}
                            for a in attachments],
        },
    }
