"""The tutors' side as other packages call it: claims, the queue, rubric reviews, workload.

The work is in claims.py, queue.py, reviewing.py and workload.py; these turn their refusals into
ProposalErrors.
"""
from django.contrib.auth import get_user_model
from django.utils import timezone

from . import claims, queue, reviewing, workload
from .errors import NotAllowed, NotFound
from .reading import grant_tutor


def _refused(refused):
    if refused.code == "not_found":
        return NotFound()
    return NotAllowed(refused.code, holder=refused.holder)


def claim_proposal(proposal_id, tutor_id, is_course_staff=False, now=None, take_over_from=None):
    """Claim (or renew a claim on) a proposal for review; NotAllowed("held_by_other", holder=…) if taken.

    Course staff taking over pass the holder they saw as `take_over_from`; NotAllowed("claim_changed",
    holder=whoever holds it now, or "") if that is no longer so.
    """
    try:
        row = claims.claim(proposal_id, tutor_id, is_course_staff, now, take_over_from=take_over_from)
    except claims.ClaimRefused as refused:
        raise _refused(refused) from None
    return queue.claim_record(claims.held_claim(row.proposal_id), now or timezone.now())


def release_claim(proposal_id, user_id, is_course_staff=False):
    try:
        claims.release(proposal_id, user_id, is_course_staff)
    except claims.ClaimRefused as refused:
        raise _refused(refused) from None


def current_claim(proposal_id, now=None):
    """Who holds the proposal (ClaimRecord, `live` False once the lease ran out), or None."""
    return queue.claim_record(claims.held_claim(proposal_id), now or timezone.now())


def review_queue(course_key, filters, viewer_id=None, block_keys=(), now=None):
    """A QueuePage of the course's proposals (or of `block_keys`') for the review block."""
    return queue.page(course_key, filters, viewer_id, block_keys, now)


def queue_facets(course_key, block_keys=()):
    """(countries, thematic areas) present in the queue."""
    return queue.facets(course_key, block_keys)


def assign_tutor(course_key, username, countries=(), cohorts=()):
    """Make `username` a tutor of the course, looking after these countries and cohorts (NotFound: no such user)."""
    user = get_user_model().objects.filter(username=str(username or "").strip(), is_active=True).first()
    if user is None:
        raise NotFound("no_such_user")
    grant_tutor(course_key, user.id)
    queue.assign(course_key, user.id, countries, cohorts)


def course_tutors(course_key):
    """[(username, countries, cohorts)] of the tutors granted in the app for this course."""
    return queue.tutors(course_key)


def tutor_assignment(course_key, user_id):
    return queue.assignment(course_key, user_id)


def save_review_draft(proposal_id, tutor_id, rubric, levels=None, section_comments=None, overall_comment="",
                      decision="", reason=""):
    """Keep the tutor's review of the latest version as a draft; needs their live claim."""
    try:
        return reviewing.save_draft(proposal_id, tutor_id, rubric, levels, section_comments, overall_comment,
                                    decision, reason)
    except claims.ClaimRefused as refused:
        raise _refused(refused) from None


def send_rubric_review(proposal_id, tutor_id, rubric, levels=None, section_comments=None, overall_comment="",
                       decision="", reason="", language=None, gradebook_points=None):
    """Check the decision rule and the claim, send the review, end the claim, tell the team.

    `gradebook_points` is what the proposal block says it is worth (its max_score): an approval's rubric
    points reach the gradebook scaled to it, so the learner sees one denominator before and after."""
    try:
        return reviewing.send(proposal_id, tutor_id, rubric, levels, section_comments, overall_comment, decision,
                              reason, language, gradebook_points)
    except claims.ClaimRefused as refused:
        raise _refused(refused) from None


def review_draft(proposal_id, tutor_id):
    """(ReviewRecord, levels) of the tutor's unsent review of the latest version, or (None, {})."""
    return reviewing.draft_of(proposal_id, tutor_id)


def review_sheets(review_ids):
    """review id -> {"rubric", "levels"}: the rubric each review was scored on and the levels chosen."""
    return reviewing.sheets(review_ids)


def tutor_workload(course_key, block_keys=(), now=None):
    return workload.workload(course_key, block_keys, now)


def reviews_csv(course_key, block_keys=()):
    """The CSV export of every review in the course, as chunks of text."""
    return workload.reviews_csv(course_key, block_keys)
