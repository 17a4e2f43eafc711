"""Words for the app's codes (statuses, decisions, refusals, review problems) in the tutor's language.

Each function takes the block's `ugettext` as `_`; gettext_noop marks the strings for `make translations`.
"""
from django.utils.translation import gettext_noop

STATUS_ORDER = ("submitted", "in_review", "resubmitted", "revision_requested", "approved", "entered", "ineligible",
                "draft")
STATUSES = {
    "draft": gettext_noop("Draft"),
    "submitted": gettext_noop("Submitted"),
    "in_review": gettext_noop("In review"),
    "revision_requested": gettext_noop("Revision requested"),
    "resubmitted": gettext_noop("Resubmitted"),
    "approved": gettext_noop("Approved"),
    "entered": gettext_noop("Entered in the competition"),
    "ineligible": gettext_noop("Ineligible"),
}
DECISIONS = {
    "revision_requested": gettext_noop("Request a revision"),
    "approved": gettext_noop("Approve"),
    "ineligible": gettext_noop("Mark as ineligible"),
}
REFUSALS = {
    "held_by_other": gettext_noop(
        "{holder} is reviewing this proposal. You can claim it once they release it or their claim runs out."),
    "not_waiting": gettext_noop("This proposal is not waiting for a review any more. Reload the queue."),
    "not_holder": gettext_noop("Claim this proposal before you review it."),
    "expired": gettext_noop("Your claim on this proposal ran out. Claim it again to go on; your draft is kept."),
    "not_yours": gettext_noop("Only the tutor who holds this claim, or course staff, can release it."),
    "stale_version": gettext_noop(
        "The team submitted a new version since you opened it. Reload to review the new version."),
    "already_sent": gettext_noop("This review was already sent."),
    "own_proposal": gettext_noop(
        "You are on this proposal's team, so another tutor must review it. Choose another proposal."),
    "claim_changed": gettext_noop(
        "The claim on this proposal changed since you loaded the page, so nothing was taken over. "
        "Reload the queue to see who holds it now."),
}
PROBLEMS = {
    "choose_decision": gettext_noop("Choose a decision: request a revision, approve, or mark as ineligible."),
    "comment_required": gettext_noop("Write a comment so the team knows what to revise."),
    "score_every_criterion": gettext_noop("Score every rubric criterion before you approve. Missing: {names}."),
    "reason_required": gettext_noop("Give the reason the proposal is ineligible."),
    "unknown_level": gettext_noop("A rubric score does not match this rubric. Reload the page and score again."),
    "bad_decision": gettext_noop("Choose a decision: request a revision, approve, or mark as ineligible."),
    "needs_points": gettext_noop("Score every rubric criterion before you approve. Missing: {names}."),
    "not_found": gettext_noop("There is no such proposal in this course. Reload the queue."),
    "not_waiting": gettext_noop("This proposal is not waiting for a review any more. Reload the queue."),
}


def status_labels(_):
    return {status: _(STATUSES[status]) for status in STATUS_ORDER}


def decision_labels(_):
    return {decision: _(label) for decision, label in DECISIONS.items()}


def refusal(code, _, holder="", **details):
    template = REFUSALS.get(code) or PROBLEMS.get(code) or gettext_noop("This cannot be done now. Reload the page.")
    return _(template).format(holder=holder or _("Another tutor"))


def problem(code, _, rubric=(), levels=None):
    template = PROBLEMS.get(code) or REFUSALS.get(code) or gettext_noop("This cannot be done now. Reload the page.")
    missing = [criterion["label"] for criterion in rubric if criterion["id"] not in (levels or {})]
    return _(template).format(names=", ".join(missing), holder=_("Another tutor"))


