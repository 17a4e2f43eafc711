"""Plain records that cross the app's boundary (OEP-49). Other packages import these and api.py only.

The awards app relies on ProposalFinishedData (the event payload) and ProposalSnapshot (what
`api.get_snapshot` returns); change them only together with puentes_awards.
"""
from datetime import datetime
from typing import List  # noqa: UP035 - openedx-events builds its Avro schema from typing.List

import attr


@attr.s(frozen=True)
class ProposalFinishedData:
    """Payload of org.puentes.proposal.finished.v1: an approved proposal whose team entered the competition."""

    proposal_id = attr.ib(type=int)
    version = attr.ib(type=int)
    course_key = attr.ib(type=str)
    block_key = attr.ib(type=str)
    team_anonymous_ids = attr.ib(type=List[str])  # noqa: UP006
    submitted_at = attr.ib(type=datetime)
    approved_at = attr.ib(type=datetime)


@attr.s(frozen=True)
class SectionAnswer:
    section_id = attr.ib(type=str)
    title = attr.ib(type=str)
    # short_text, long_text, number, money, date_range, choice, budget, indicators, attachments
    section_type = attr.ib(type=str)
    value = attr.ib()                  # JSON-serialisable, shape per section_type


@attr.s(frozen=True)
class AttachmentRecord:
    attachment_id = attr.ib(type=int)
    name = attr.ib(type=str)           # sanitised file name shown to people
    content_type = attr.ib(type=str)
    size = attr.ib(type=int)
    storage_path = attr.ib(type=str)   # path in the attachment storage (PUENTES_ATTACHMENT_STORAGE)


@attr.s(frozen=True)
class TeamMember:
    user_id = attr.ib(type=int)
    username = attr.ib(type=str)
    anonymous_id = attr.ib(type=str)
    full_name = attr.ib(type=str)
    email = attr.ib(type=str)


@attr.s(frozen=True)
class ProposalSnapshot:
    """One submitted version of a proposal, complete enough to be judged without the course."""

    proposal_id = attr.ib(type=int)
    version = attr.ib(type=int)
    course_key = attr.ib(type=str)
    block_key = attr.ib(type=str)
    title = attr.ib(type=str)
    municipality = attr.ib(type=str)
    country = attr.ib(type=str)        # ISO 3166-1 alpha-2
    thematic_area = attr.ib(type=str)
    total_budget = attr.ib()           # Decimal or None
    currency = attr.ib(type=str)
    sections = attr.ib(type=list)      # [SectionAnswer]
    attachments = attr.ib(type=list)   # [AttachmentRecord]
    team = attr.ib(type=list)          # [TeamMember]
    reviewer_usernames = attr.ib(type=list)  # tutors who reviewed any version (conflicts of interest)
    submitted_at = attr.ib(type=datetime)
    approved_at = attr.ib(type=datetime)
