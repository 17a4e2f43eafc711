"""Proposals, versions and reviews as the records of data.py, and who may read them.
"""
from decimal import Decimal

from opaque_keys.edx.keys import CourseKey, UsageKey

from puentes_core.compiled_read import CompiledRead, Slot
from puentes_core.ids import parse_id

from . import rules, sections
from .data import AttachmentRecord, ProposalRecord, ReviewRecord, StatusEntry, TeamMember, VersionRecord
from .errors import NotFound
from .models import (
    Attachment,
    CourseTutor,
    Proposal,
    ProposalVersion,
    Review,
    StatusChange,
    TeamChange,
    TeamMembership,
)


def member_record(membership):
    user = membership.user
    return TeamMember(user_id=user.id, username=user.username, anonymous_id=membership.anonymous_id,
                      full_name=full_name(user.first_name, user.last_name, user.username), email=user.email)


def attachment_record(row):
    return AttachmentRecord(attachment_id=row.id, name=row.name, content_type=row.content_type, size=row.size,
                            storage_path=row.storage_path)


def proposal_record(proposal, members=None, with_attachments=True, team=None):
    """The record of a Proposal already read with its members (and their users) and, `with_attachments`, its
    attachments; without, the record's `attachments` is None (not read: the submit's record). `members`: the
    memberships (with their users) when they were read apart from the proposal; `team`: their TeamMember
    records, when they were read as such (team_records)."""
    return ProposalRecord(
        proposal_id=proposal.id, course_key=str(proposal.course_key), block_key=str(proposal.block_key),
        status=proposal.status, invitation_code=proposal.invitation_code, answers=proposal.answers,
        revision=proposal.revision, section_revisions=proposal.section_revisions,
        versions_submitted=proposal.versions_submitted, saved_at=proposal.saved_at,
        saved_by_username=proposal.saved_by.username if proposal.saved_by_id else "",
        submitted_at=proposal.submitted_at, approved_at=proposal.approved_at, entered_at=proposal.entered_at,
        municipality=proposal.municipality, country=proposal.country,
        team=team if team is not None else [
            member_record(m) for m in (proposal.members.all() if members is None else members)],
        attachments=[attachment_record(a) for a in proposal.attachments.all()] if with_attachments else None,
        teamset_id=proposal.teamset_id, team_id=proposal.team_id, currency=proposal.currency,
    )


# A learner's page reads its proposal on every open: rows as values, not model instances (a third of the
# ORM's work per query), in three queries whatever the team's size; the member's proposal, its members and
# files run SQL compiled once (below).
PROPOSAL_COLUMNS = ("id", "course_key", "block_key", "status", "invitation_code", "answers", "revision",
                    "section_revisions", "versions_submitted", "saved_at", "saved_by__username", "submitted_at",
                    "approved_at", "entered_at", "municipality", "country", "teamset_id", "team_id", "currency")
MEMBER_COLUMNS = ("user_id", "user__username", "user__first_name", "user__last_name", "user__email", "anonymous_id")
ATTACHMENT_COLUMNS = ("id", "name", "content_type", "size", "storage_path")


def full_name(first_name, last_name, username):
    """As the user model's get_full_name(), or the username when there is none."""
    return f"{first_name} {last_name}".strip() or username


# The page's reads, compiled once (puentes_core.compiled_read): a proposal's members, files and history.
PROPOSAL_SLOT = Slot(-730_001)   # a proposal id no row has
MEMBERS = CompiledRead(TeamMembership, lambda proposal_id: TeamMembership.objects.filter(
    proposal_id=proposal_id).values_list(*MEMBER_COLUMNS), PROPOSAL_SLOT)
FILES = CompiledRead(Attachment, lambda proposal_id: Attachment.objects.filter(
    proposal_id=proposal_id).order_by("id").values_list(*ATTACHMENT_COLUMNS), PROPOSAL_SLOT)
HISTORY = CompiledRead(StatusChange, lambda proposal_id: StatusChange.objects.filter(
    proposal_id=proposal_id).values_list("status", "version_number", "actor__username", "at"), PROPOSAL_SLOT)
_SOME_BLOCK = UsageKey.from_string("block-v1:slot+slot+slot+type@puentes_proposal+block@slot")
PROPOSAL_OF_MEMBER = CompiledRead(Proposal, lambda block_key, user_id: Proposal.objects.filter(
    members__block_key=block_key, members__user_id=user_id).order_by("pk").values_list(*PROPOSAL_COLUMNS)[:1],
    Slot(_SOME_BLOCK, str(_SOME_BLOCK)), Slot(-730_002))
# One membership per learner and block (a unique constraint): no ORDER BY to build or run.
PROPOSAL_ID_OF_MEMBER = CompiledRead(TeamMembership, lambda block_key, user_id: TeamMembership.objects.filter(
    block_key=block_key, user_id=user_id).order_by().values_list("proposal_id")[:1],
    Slot(_SOME_BLOCK, str(_SOME_BLOCK)), Slot(-730_002))


def first_record(proposals):
    """The first proposal of the queryset `proposals` as a ProposalRecord, or None."""
    row = proposals.values_list(*PROPOSAL_COLUMNS).first()
    return None if row is None else _record(row)


def _record(row):
    """The ProposalRecord of a row of PROPOSAL_COLUMNS, with its members and files (two more queries)."""
    (proposal_id, course_key, block_key, status, invitation_code, answers, revision, section_revisions,
     versions_submitted, saved_at, saved_by_username, submitted_at, approved_at, entered_at, municipality, country,
     teamset_id, team_id, currency) = row
    return ProposalRecord(
        proposal_id=proposal_id, course_key=str(course_key), block_key=str(block_key), status=status,
        invitation_code=invitation_code, answers=answers, revision=revision, section_revisions=section_revisions,
        versions_submitted=versions_submitted, saved_at=saved_at, saved_by_username=saved_by_username or "",
        submitted_at=submitted_at, approved_at=approved_at, entered_at=entered_at, municipality=municipality,
        country=country,
        team=team_records(proposal_id),
        attachments=[AttachmentRecord(attachment_id=pk, name=name, content_type=content_type, size=size,
                                      storage_path=path)
                     for pk, name, content_type, size, path in FILES.rows(proposal_id)],
        teamset_id=teamset_id, team_id=team_id, currency=currency,
    )


def team_records(proposal_id):
    """The proposal's members as TeamMember records: one query, its SQL compiled once (MEMBERS)."""
    return [TeamMember(user_id=user_id, username=username, anonymous_id=anonymous_id,
                       full_name=full_name(first, last, username), email=email)
            for user_id, username, first, last, email, anonymous_id in MEMBERS.rows(proposal_id)]


def proposal_for_member(block_key, user_id):
    """The proposal of the team `user_id` belongs to in this block, or None."""
    rows = PROPOSAL_OF_MEMBER.rows(str(UsageKey.from_string(str(block_key))), int(user_id))
    return _record(rows[0]) if rows else None


def proposal_id_for_member(block_key, user_id):
    """The id of the proposal `user_id`'s team has in this block, or None: one query, for a caller that reads
    the proposal itself afterwards (a submit locks and reads it)."""
    rows = PROPOSAL_ID_OF_MEMBER.rows(str(UsageKey.from_string(str(block_key))), int(user_id))
    return rows[0][0] if rows else None


def get_proposal(proposal_id, course_key=None):
    """The proposal's record; with `course_key` (the caller's course), NotFound unless it is that course's."""
    rows = Proposal.objects.filter(pk=proposal_id)
    if course_key is not None:
        rows = rows.filter(course_key=CourseKey.from_string(str(course_key)))
    record = first_record(rows)
    if record is None:
        raise NotFound()
    return record


def is_member(proposal_id, user_id):
    if parse_id(proposal_id) is None:   # an id from a URL past any key (9 × 30) is nobody's proposal
        return False
    return TeamMembership.objects.filter(proposal_id=proposal_id, user_id=user_id).exists()


def was_ever_in_team(proposal_id, user_id):
    """In the team now, or at any time before (joined and left, on the platform or here), or its starter:
    someone who wrote part of a proposal never reviews it, even after leaving the team (conflicts)."""
    return (is_member(proposal_id, user_id)
            or TeamChange.objects.filter(proposal_id=proposal_id, user_id=user_id,
                                         kind__in=(TeamChange.JOINED, TeamChange.LEFT)).exists()
            or Proposal.objects.filter(pk=proposal_id, created_by_id=user_id).exists())


def is_tutor(course_key, user_id):
    return CourseTutor.objects.filter(course_key=CourseKey.from_string(str(course_key)), user_id=user_id).exists()


def grant_tutor(course_key, user_id):
    CourseTutor.objects.get_or_create(course_key=CourseKey.from_string(str(course_key)), user_id=user_id)


def in_course(proposal_id, course_key):
    """Is the proposal one of this course's? The one check every id from a request goes through."""
    return Proposal.objects.filter(pk=proposal_id, course_key=CourseKey.from_string(str(course_key))).exists()


def may_read(proposal_id, user_id, course_key, is_course_staff=False):
    """May the caller, in `course_key` (the course of the block they call), read this proposal and its files?

    Roles count only in their own course: staff or tutors of another course read nothing here (rules.may_read).
    """
    if not in_course(proposal_id, course_key):
        return False
    return rules.may_read(True, is_course_staff, is_member(proposal_id, user_id),
                          not is_course_staff and is_tutor(course_key, user_id))


def history(proposal_id):
    return [StatusEntry(status=status, version_number=version, actor_username=actor or "", at=at)
            for status, version, actor, at in HISTORY.rows(int(proposal_id))]


def version_record(row):
    return VersionRecord(proposal_id=row.proposal_id, number=row.number, title=row.title, answers=row.answers,
                         template=row.template, submission_uuid=row.submission_uuid,
                         submitted_by_username=row.submitted_by.username, submitted_at=row.submitted_at)


def versions(proposal_id):
    return [version_record(row) for row in
            ProposalVersion.objects.filter(proposal_id=proposal_id).select_related("submitted_by")]


def review_record(row):
    return ReviewRecord(
        review_id=row.id, proposal_id=row.proposal_id, version_number=row.version.number,
        tutor_username=row.tutor.username, rubric_scores=row.rubric_scores, section_comments=row.section_comments,
        overall_comment=row.overall_comment, decision=row.decision, reason=row.reason,
        points_earned=row.points_earned, points_possible=row.points_possible, state=row.state,
        created_at=row.created_at, sent_at=row.sent_at)


def sent_reviews(proposal_id):
    """What the team sees: every review a tutor sent, oldest version first."""
    rows = Review.objects.filter(proposal_id=proposal_id, state=Review.SENT).select_related("version", "tutor")
    return [review_record(row) for row in rows]


def budget_total(rows):
    """Total of a budget answer (for the block's display)."""
    return sections.budget_total(rows) if rows else Decimal(0)
