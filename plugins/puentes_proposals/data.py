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
class FinishedProposal:
    """A proposal whose team entered the competition, as `api.finished_proposals` lists it."""

    proposal = attr.ib(type=ProposalFinishedData)  # the payload the finished event carried
    entered_at = attr.ib(type=datetime)            # when the team confirmed: the moment the event stands for


@attr.s(frozen=True)
class SectionAnswer:
    section_id = attr.ib(type=str)
    title = attr.ib(type=str)
    # short_text, long_text, number, money, date_range, choice, budget, indicators, attachments
    section_type = attr.ib(type=str)
    value = attr.ib()                  # JSON-serialisable, shape per section_type
    # A choice section's options as the team read them, [{"value", "label"}], so a juror reads a label,
    # never the stored value; empty for other types (and in snapshots made before entries carried them).
    choices = attr.ib(factory=list)


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


# Records for the blocks (learner and tutor side). Plain values, no models.

@attr.s(frozen=True)
class StatusEntry:
    status = attr.ib(type=str)
    version_number = attr.ib()         # int or None
    actor_username = attr.ib(type=str)
    at = attr.ib(type=datetime)


@attr.s(frozen=True)
class ReviewRecord:
    review_id = attr.ib(type=int)
    proposal_id = attr.ib(type=int)
    version_number = attr.ib(type=int)
    tutor_username = attr.ib(type=str)
    rubric_scores = attr.ib(type=dict)
    section_comments = attr.ib(type=dict)
    overall_comment = attr.ib(type=str)
    decision = attr.ib(type=str)       # revision_requested, approved, ineligible
    reason = attr.ib(type=str)
    points_earned = attr.ib()
    points_possible = attr.ib()
    state = attr.ib(type=str)          # draft or sent
    created_at = attr.ib(type=datetime)
    sent_at = attr.ib()


@attr.s(frozen=True)
class VersionRecord:
    proposal_id = attr.ib(type=int)
    number = attr.ib(type=int)
    title = attr.ib(type=str)
    answers = attr.ib(type=dict)
    template = attr.ib(type=list)
    submission_uuid = attr.ib(type=str)   # "" until the worker records it (recording.py)
    submitted_by_username = attr.ib(type=str)
    submitted_at = attr.ib(type=datetime)


@attr.s(frozen=True)
class ProposalRecord:
    """The team's proposal as its members (and its tutors) see it."""

    proposal_id = attr.ib(type=int)
    course_key = attr.ib(type=str)
    block_key = attr.ib(type=str)
    status = attr.ib(type=str)
    invitation_code = attr.ib(type=str)
    answers = attr.ib(type=dict)
    revision = attr.ib(type=int)
    section_revisions = attr.ib(type=dict)
    versions_submitted = attr.ib(type=int)
    saved_at = attr.ib(type=datetime)
    saved_by_username = attr.ib(type=str)
    submitted_at = attr.ib()
    approved_at = attr.ib()
    entered_at = attr.ib()
    municipality = attr.ib(type=str)
    country = attr.ib(type=str)
    team = attr.ib(type=list)          # [TeamMember]
    attachments = attr.ib(type=list)   # [AttachmentRecord]; None where not read (a submit's SubmitResult)
    teamset_id = attr.ib(type=str, default="")   # "" when the team formed here by invitation
    team_id = attr.ib(default=None)              # the Open edX team's id, or None
    currency = attr.ib(type=str, default="USD")  # the budget's currency (ISO 4217)


@attr.s(frozen=True)
class SubmitResult:
    """What a submit made: the new version, and the proposal as it stands after it (no second read; its
    attachments not read, None)."""

    version = attr.ib(type=VersionRecord)
    proposal = attr.ib(type=ProposalRecord)


@attr.s(frozen=True)
class InvitationRecord:
    """An invitation to join a proposal's team, as the invitee and the team see it."""

    invitation_id = attr.ib(type=int)
    proposal_id = attr.ib(type=int)
    proposal_title = attr.ib(type=str)
    invitee_username = attr.ib(type=str)
    invitee_name = attr.ib(type=str)
    invited_by_username = attr.ib(type=str)
    invited_by_name = attr.ib(type=str)
    state = attr.ib(type=str)          # pending, accepted, declined, withdrawn
    created_at = attr.ib(type=datetime)


@attr.s(frozen=True)
class TeamChangeRecord:
    """Someone joined or left the team (or was invited, or declined): the team's part of the timeline."""

    username = attr.ib(type=str)
    full_name = attr.ib(type=str)
    kind = attr.ib(type=str)           # joined, left, invited, declined
    actor_username = attr.ib(type=str)  # "" when the platform's team changed, not an action here
    at = attr.ib(type=datetime)


@attr.s(frozen=True)
class SaveResult:
    revision = attr.ib(type=int)
    saved_at = attr.ib(type=datetime)
    saved = attr.ib(type=dict)         # section id -> the answer as stored (cleaned)


# Records for the tutor-review block: the queue, claims, workload.

@attr.s(frozen=True)
class ClaimRecord:
    proposal_id = attr.ib(type=int)
    tutor_username = attr.ib(type=str)
    claimed_at = attr.ib(type=datetime)
    expires_at = attr.ib(type=datetime)
    live = attr.ib(type=bool)          # False once the lease ran out (anyone may claim it then)


@attr.s(frozen=True)
class QueueFilters:
    """What a tutor asks the queue for. Empty values filter nothing."""

    statuses = attr.ib(factory=tuple)  # default: the ones awaiting review
    country = attr.ib(default="")
    thematic_area = attr.ib(default="")
    tutor = attr.ib(default="")        # username: claimed by them now, or reviewed by them
    waiting_days = attr.ib(default=0)  # waiting at least this many days
    search = attr.ib(default="")       # title, municipality, team member, or proposal number
    page = attr.ib(default=1)
    page_size = attr.ib(default=25)


@attr.s(frozen=True)
class QueueItem:
    proposal_id = attr.ib(type=int)
    block_key = attr.ib(type=str)
    status = attr.ib(type=str)
    title = attr.ib(type=str)
    country = attr.ib(type=str)
    thematic_area = attr.ib(type=str)
    cohort = attr.ib(type=str)
    municipality = attr.ib(type=str)
    versions_submitted = attr.ib(type=int)
    submitted_at = attr.ib()
    team_usernames = attr.ib(type=list)
    claim = attr.ib()                  # ClaimRecord or None
    assigned = attr.ib(type=bool)      # in the viewing tutor's countries or cohorts


@attr.s(frozen=True)
class QueuePage:
    items = attr.ib(type=list)         # [QueueItem]
    total = attr.ib(type=int)          # matching the filters
    page = attr.ib(type=int)
    pages = attr.ib(type=int)
    counts = attr.ib(type=dict)        # status -> proposals in the course (or the blocks), before filters


@attr.s(frozen=True)
class TutorWorkload:
    username = attr.ib(type=str)
    reviewed = attr.ib(type=int)       # reviews sent
    waiting = attr.ib(type=int)        # proposals they hold now, review not sent yet
    median_hours = attr.ib()           # submission to review sent, or None
    overdue = attr.ib(type=int)        # claims that ran out before they sent a review
