"""A tutor's review as the review block works it: a draft kept under a live claim, then sent once.

Builds on reviews.record_review / reviews.send_review (the status moves, the score in edx-submissions): here
are the claim check, the decision rule (decisions.py), the rubric sheet kept with the review, the
claim ended by sending, and the team told.
"""
from django.db import transaction
from django.utils import timezone

from . import claims, decisions, notifications, reviews
from .errors import NotFound, ProposalError
from .models import Proposal, Review, ReviewSheet
from .reading import review_record


class ReviewRefused(ProposalError):
    """The review cannot be saved or sent as it is: `problems` is {field: code}."""

    code = "review_refused"


def _locked_proposal(proposal_id):
    proposal = Proposal.objects.select_for_update().filter(pk=proposal_id).first()
    if proposal is None:
        raise NotFound()
    return proposal


def _clean_levels(rubric, levels):
    levels = {str(k): str(v) for k, v in (levels or {}).items() if v not in (None, "")}
    if decisions.level_problems(rubric, levels):
        raise ReviewRefused(problems={"rubric": decisions.UNKNOWN_LEVEL})
    return levels


def save_draft(proposal_id, tutor_id, rubric, levels=None, section_comments=None, overall_comment="",
               decision="", reason=""):
    """Keep the tutor's work on the latest version as a draft review (needs their live claim)."""
    levels = _clean_levels(rubric, levels)
    if decision and decision not in decisions.rules.DECISIONS:
        raise ReviewRefused(problems={"decision": decisions.CHOOSE_DECISION})
    earned, possible = decisions.points(rubric, levels)
    with transaction.atomic():
        proposal = _locked_proposal(proposal_id)
        claims.check_holder(proposal, tutor_id)
        record = reviews.record_review(
            proposal_id, tutor_id, rubric_scores=decisions.scores_by_criterion(rubric, levels),
            section_comments=section_comments or {}, overall_comment=overall_comment or "", decision=decision or "",
            reason=reason or "", points_earned=earned, points_possible=possible)
        ReviewSheet.objects.update_or_create(review_id=record.review_id, defaults={"rubric": rubric, "levels": levels})
    return record


def send(proposal_id, tutor_id, rubric, levels=None, section_comments=None, overall_comment="", decision="",
         reason="", language_of=None, gradebook_points=None):
    """Save and send in one step: the decision rule first, the claim checked under the proposal's lock."""
    levels = _clean_levels(rubric, levels)
    problems = decisions.review_problems(decision, rubric, levels, overall_comment, section_comments, reason)
    if problems:
        raise ReviewRefused(problems=problems)
    now = timezone.now()
    with transaction.atomic():
        proposal = _locked_proposal(proposal_id)
        current = claims.check_holder(proposal, tutor_id, now)
        draft = save_draft(proposal_id, tutor_id, rubric, levels, section_comments, overall_comment, decision,
                           reason)
        sent = reviews.send_review(draft.review_id, tutor_id, gradebook_points)
        claims.end_after_sending(current, tutor_id, now)
        transaction.on_commit(lambda: notifications.review_sent(sent.review_id, language_of))
    return sent


def draft_of(proposal_id, tutor_id):
    """The tutor's unsent review of the latest version, with its sheet, or None."""
    row = (Review.objects.filter(proposal_id=proposal_id, tutor_id=tutor_id, state=Review.DRAFT,
                                 version__number=Proposal.objects.filter(pk=proposal_id).values("versions_submitted")[:1])
           .select_related("version", "tutor", "sheet").order_by("-id").first())
    if row is None:
        return None, {}
    levels = row.sheet.levels if hasattr(row, "sheet") else {}
    return review_record(row), levels


def sheets(review_ids):
    """review id -> {"rubric", "levels"} for reviews scored on a rubric (the learner block names the criteria)."""
    return {sheet.review_id: {"rubric": sheet.rubric, "levels": sheet.levels}
            for sheet in ReviewSheet.objects.filter(review_id__in=list(review_ids))}
