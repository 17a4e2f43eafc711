"""Proposals, versions and reviews as the records of data.py, and who may read them.
"""
from decimal import Decimal

from django.db.models import Prefetch
from opaque_keys.edx.keys import CourseKey, UsageKey

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
                      full_name=user.get_full_name() or user.username, email=user.email)


def attachment_record(row):
    return AttachmentRecord(attachment_id=row.id, name=row.name, content_type=row.content_type, size=row.size,
                            storage_path=row.storage_path)


def proposal_record(proposal):
    return ProposalRecord(
        proposal_id=proposal.id, course_key=str(proposal.course_key), block_key=str(proposal.block_key),
        status=proposal.status, invitation_code=proposal.invitation_code, answers=proposal.answers,
        revision=proposal.revision, section_revisions=proposal.section_revisions,
        versions_submitted=proposal.versions_submitted, saved_at=proposal.saved_at,
        saved_by_username=proposal.saved_by.username if proposal.saved_by_id else "",
        submitted_at=proposal.submitted_at, approved_at=proposal.approved_at, entered_at=proposal.entered_at,
        municipality=proposal.municipality, country=proposal.country,
        team=[member_record(m) for m in proposal.members.all()],
        attachments=[attachment_record(a) for a in proposal.attachments.all()],
        teamset_id=proposal.teamset_id, team_id=proposal.team_id, currency=proposal.currency,
    )


def proposals_with_team():
    return Proposal.objects.select_related("saved_by").prefetch_related(
        Prefetch("members", queryset=TeamMembership.objects.select_related("user")),
        Prefetch("attachments", queryset=Attachment.objects.order_by("id")))


def proposal_for_member(block_key, user_id):
    """The proposal of the team `user_id` belongs to in this block, or None."""
    proposal = proposals_with_team().filter(members__block_key=UsageKey.from_string(str(block_key)),
                                   members__user_id=user_id).first()
    return proposal_record(proposal) if proposal else None


def proposal_id_for_member(block_key, user_id):
    """The id of the proposal `user_id`'s team has in this block, or None: one query, for a caller that reads
    the proposal itself afterwards (a submit locks and reads it)."""
    return TeamMembership.objects.filter(block_key=UsageKey.from_string(str(block_key)), user_id=user_id) \
        .values_list("proposal_id", flat=True).first()


def get_proposal(proposal_id, course_key=None):
    """The proposal's record; with `course_key` (the caller's course), NotFound unless it is that course's."""
    rows = proposals_with_team().filter(pk=proposal_id)
    if course_key is not None:
        rows = rows.filter(course_key=CourseKey.from_string(str(course_key)))
    proposal = rows.first()
    if proposal is None:
        raise NotFound()
    return proposal_record(proposal)


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
    return [StatusEntry(status=row.status, version_number=row.version_number,
                        actor_username=row.actor.username if row.actor else "", at=row.at)
            for row in StatusChange.objects.filter(proposal_id=proposal_id).select_related("actor")]


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
