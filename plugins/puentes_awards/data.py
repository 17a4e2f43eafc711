"""Plain records that cross the app's boundary (OEP-49): what api.py returns and what the event bus carries."""
from datetime import datetime

import attr


@attr.s(frozen=True)
class EntryRecord:
    """An entry as other apps see it (e.g. the proposal timeline's "entered in the competition")."""

    uuid = attr.ib(type=str)
    edition_slug = attr.ib(type=str)
    edition_name = attr.ib(type=str)
    proposal_id = attr.ib(type=int)
    version = attr.ib(type=int)
    title = attr.ib(type=str)
    municipality = attr.ib(type=str)
    country = attr.ib(type=str)
    eligible = attr.ib(type=bool)
    ineligibility = attr.ib(type=list)   # [{"code": ..., ...}]; see eligibility.describe
    entered_at = attr.ib(type=datetime)


@attr.s(frozen=True)
class LibraryEntry:
    """An eligible entry as the library of good practices takes it: its snapshot (the proposal's JSON) and prize."""

    uuid = attr.ib(type=str)
    edition_slug = attr.ib(type=str)
    edition_name = attr.ib(type=str)
    title = attr.ib(type=str)
    municipality = attr.ib(type=str)
    country = attr.ib(type=str)
    language = attr.ib(type=str)
    place = attr.ib()                    # 1-3 when the entry won a confirmed prize, else None
    snapshot = attr.ib(type=dict)


@attr.s(frozen=True)
class AwardEntryData:
    """Payload of org.puentes.award.entry.recorded.v1 on the event bus: the same JSON the HTTP delivery sends."""

    entry_uuid = attr.ib(type=str)
    edition_slug = attr.ib(type=str)
    proposal_id = attr.ib(type=int)
    version = attr.ib(type=int)
    course_key = attr.ib(type=str)
    municipality = attr.ib(type=str)
    country = attr.ib(type=str)
    payload_json = attr.ib(type=str)
