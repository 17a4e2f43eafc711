"""Freezing the draft as a version, which is also an edx-submissions submission per member.
"""
from django.db import transaction
from django.utils import timezone
from submissions import api as submissions_api

from . import rules, sections
from .errors import NotAllowed, NotFound
from .models import Proposal, ProposalVersion, TeamMembership
from .reading import is_member, version_record
from .status_log import log_status

ITEM_TYPE = "puentes_proposal"
ANSWER_LIMIT = 90 * 1024  # edx-submissions refuses answers over 100 KB; the version keeps the full text


def submission_answer(proposal, number, template):
    """What edx-submissions keeps of a version: the answers when they fit, always a pointer back."""
    answer = {"proposal_id": proposal.id, "version": number, "title": proposal.answers.get("title", ""),
              "sections": {section["id"]: proposal.answers.get(section["id"]) for section in template}}
    if len(str(answer)) > ANSWER_LIMIT:
        answer.pop("sections")
    return answer


def submit(proposal_id, user_id, template, student_id, max_versions, last_moment, now=None):
    """Freeze the draft as version N and lock it for review.

    The version is also an edx-submissions submission for the submitter (`student_id`, their
    anonymous id) and for each other member, so Open edX's tools and gradebook see it.
    """
    now = now or timezone.now()
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().filter(pk=proposal_id).first()
        if proposal is None or not is_member(proposal_id, user_id):
            raise NotFound()
        problems = sections.draft_problems(template, proposal.answers)
        verdict = rules.may_submit(proposal.status, proposal.versions_submitted, max_versions, now, last_moment,
                                   problems)
        if not verdict:
            raise NotAllowed(verdict.reason, problems=problems)
        number = proposal.versions_submitted + 1
        answer = submission_answer(proposal, number, template)
        member_submissions = {}
        for member_id in [student_id, *TeamMembership.objects.filter(proposal=proposal).exclude(
                anonymous_id=student_id).values_list("anonymous_id", flat=True)]:
            student_item = {"student_id": member_id, "course_id": str(proposal.course_key),
                            "item_id": str(proposal.block_key), "item_type": ITEM_TYPE}
            submission = submissions_api.create_submission(student_item, answer, submitted_at=now,
                                                           attempt_number=number)
            member_submissions[member_id] = submission["uuid"]
        version = ProposalVersion.objects.create(
            proposal=proposal, number=number, answers=proposal.answers, template=template,
            title=str(proposal.answers.get("title") or "")[:300], submission_uuid=member_submissions[student_id],
            member_submissions=member_submissions, submitted_by_id=user_id, submitted_at=now)
        proposal.status = rules.next_status(proposal.status, rules.SUBMIT)
        proposal.versions_submitted = number
        proposal.submitted_at = now
        proposal.save(update_fields=["status", "versions_submitted", "submitted_at", "saved_at"])
        log_status(proposal, proposal.status, user_id, number)
    return version_record(ProposalVersion.objects.select_related("submitted_by").get(pk=version.pk))
