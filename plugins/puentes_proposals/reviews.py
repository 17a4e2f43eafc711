"""A tutor's review moves the proposal: start, draft, send; an approval sets the score in edx-submissions.
"""
from django.db import transaction
from django.utils import timezone
from opaque_keys.edx.keys import CourseKey
from submissions import api as submissions_api
from submissions import team_api

from . import recording, rules, sections
from .errors import InvalidAnswer, NotAllowed, NotFound
from .models import Proposal, ProposalVersion, Review
from .reading import review_record, was_ever_in_team
from .status_log import move_status


def awaiting_review(course_key, statuses=rules.AWAITING_REVIEW, limit=50, offset=0):
    """A page of a course's proposals waiting for review, oldest submission first (uses proposal_queue_idx)."""
    rows = (Proposal.objects.filter(course_key=CourseKey.from_string(str(course_key)), status__in=statuses)
            .order_by("submitted_at", "id").values("id", "status", "versions_submitted", "submitted_at")
            [offset:offset + limit])
    return list(rows)


def start_review(proposal_id, tutor_id):
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal_id)
        try:
            move_status(proposal, rules.START_REVIEW, tutor_id, proposal.versions_submitted)
        except rules.TransitionError:
            raise NotAllowed("not_waiting") from None
        proposal.save(update_fields=["status"])


def record_review(proposal_id, tutor_id, rubric_scores=None, section_comments=None, overall_comment="",
                  decision="", reason="", points_earned=None, points_possible=None):
    """Create or update this tutor's draft review of the latest version."""
    proposal = Proposal.objects.filter(pk=proposal_id).first()
    if proposal is None:
        raise NotFound()
    if not rules.may_review(proposal.status):
        raise NotAllowed("not_waiting")
    if rules.has_conflict(was_ever_in_team(proposal_id, tutor_id)):
        raise NotAllowed("own_proposal")
    if decision and decision not in rules.DECISIONS:
        raise InvalidAnswer("bad_decision")
    version = ProposalVersion.objects.get(proposal=proposal, number=proposal.versions_submitted)
    review = Review.objects.filter(version=version, tutor_id=tutor_id, state=Review.DRAFT).first() \
        or Review(proposal=proposal, version=version, tutor_id=tutor_id)
    review.rubric_scores = dict(rubric_scores or {})
    review.section_comments = {str(k): sections.plain(str(v)) for k, v in (section_comments or {}).items()}
    review.overall_comment = sections.plain(overall_comment)
    review.decision = decision
    review.reason = sections.plain(reason)
    review.points_earned, review.points_possible = points_earned, points_possible
    review.save()
    return review_record(Review.objects.select_related("version", "tutor").get(pk=review.pk))


def gradebook_score(earned, possible, gradebook_points):
    """The rubric's (earned, possible) as the gradebook must show them: scaled to the points the block
    declares (its max_score), in whole points, as edx-submissions stores them. The LMS takes a
    submissions score as already weighted (grades/signals/handlers.py submissions_score_set_handler)."""
    if not gradebook_points or not possible:
        return earned, possible
    return round(earned * gradebook_points / possible), gradebook_points


def send_review(review_id, tutor_id, gradebook_points=None):
    """Send a draft review: the proposal moves by its decision; an approval sets the score in edx-submissions."""
    with transaction.atomic():
        review = Review.objects.select_related("version").filter(pk=review_id, tutor_id=tutor_id).first()
        if review is None:
            raise NotFound()
        if review.state == Review.SENT:
            raise NotAllowed("already_sent")
        if review.decision not in rules.DECISIONS:
            raise InvalidAnswer("bad_decision")
        if review.decision == rules.APPROVED and (review.points_possible is None or review.points_earned is None):
            raise InvalidAnswer("needs_points")
        proposal = Proposal.objects.select_for_update().get(pk=review.proposal_id)
        if rules.has_conflict(was_ever_in_team(proposal.pk, tutor_id)):
            raise NotAllowed("own_proposal")
        if review.version.number != proposal.versions_submitted:
            raise NotAllowed("stale_version")
        try:
            move_status(proposal, rules.DECISIONS[review.decision], tutor_id, review.version.number)
        except rules.TransitionError:
            raise NotAllowed("not_waiting") from None
        now = timezone.now()
        if proposal.status == rules.APPROVED:
            proposal.approved_at = now
        if proposal.status == rules.REVISION_REQUESTED:
            proposal.answers = review.version.answers  # the draft reopens from the last version
        proposal.save(update_fields=["status", "approved_at", "answers"])
        review.state, review.sent_at = Review.SENT, now
        Review.objects.filter(pk=review.pk).update(state=Review.SENT, sent_at=now)
        if proposal.status == rules.APPROVED:
            set_score(review.version, *gradebook_score(review.points_earned, review.points_possible, gradebook_points),
                      annotation_creator=str(tutor_id), annotation_type="puentes_tutor_review",
                      annotation_reason=f"approved in tutor review {review.pk}")
    return review_record(Review.objects.select_related("version", "tutor").get(pk=review.pk))


def set_score(version, points_earned, points_possible, **annotation):
    """Score every member's submission of a version: through its team submission (each member who
    submitted with the team, as ORA2 team grading does), or one by one for versions from before.
    The version's team submission is recorded first if the worker has not yet (recording.py), in this
    transaction. The annotation needs a reason: without one edx-submissions drops the score silently."""
    team_submission_uuid = recording.record_versions(version.proposal_id).get(version.number)
    if team_submission_uuid:
        team_api.set_score(team_submission_uuid, points_earned, points_possible, **annotation)
        return
    for submission_uuid in version.member_submissions.values() or [version.submission_uuid]:
        submissions_api.set_score(submission_uuid, points_earned, points_possible, **annotation)
