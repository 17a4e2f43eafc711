"""Freezing the draft as a version, which is also an edx-submissions team submission.
"""
import json

from django.db import transaction
from django.utils import timezone
from submissions import team_api

from . import rules, sections
from .errors import NotAllowed, NotFound
from .models import Proposal, ProposalVersion, TeamMembership
from .reading import is_member, version_record
from .status_log import log_status

ITEM_TYPE = "puentes_proposal"
ANSWER_LIMIT = 90 * 1024  # edx-submissions refuses answers over 100 KB; the version keeps the full text


def answer_size(answer):
    """The answer's size as edx-submissions measures it (serializers.py validate_answer: len(json.dumps(answer)),
    ASCII-escaped, so "á" counts six characters), against Submission.MAXSIZE."""
    return len(json.dumps(answer))


def submission_answer(proposal, number, template):
    """What edx-submissions keeps of a version: the answers when they fit, always a pointer back."""
    answer = {"proposal_id": proposal.id, "version": number, "title": proposal.answers.get("title", ""),
              "sections": {section["id"]: proposal.answers.get(section["id"]) for section in template}}
    if answer_size(answer) > ANSWER_LIMIT:
        answer.pop("sections")
    return answer


def submission_team_id(proposal):
    """The team a team submission names: the Open edX team, or one of our own for a team formed here."""
    return proposal.team_id or f"puentes-proposal-{proposal.pk}"


def submit(proposal_id, user_id, template, student_id, max_versions, last_moment, now=None, team_member_ids=None):
    """Freeze the draft as version N and lock it for review.

    The version is an edx-submissions team submission (`submissions.team_api`, as ORA2 team
    assignments submit): one individual submission per member, so the approved score reaches every
    member's gradebook. `team_member_ids` are the members' anonymous ids as the teams service gives
    them (team-set proposals); without it, the members who joined here. edx-submissions allows one
    active team submission per team and item, so a revision retires the previous one first.
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
        if team_member_ids is None:
            team_member_ids = list(TeamMembership.objects.filter(proposal=proposal).values_list("anonymous_id",
                                                                                                flat=True))
        previous = ProposalVersion.objects.filter(proposal=proposal, number=number - 1).values_list(
            "team_submission_uuid", flat=True).first()
        if previous:
            team_api.reset_scores(previous, clear_state=True)
        # A member not seen since the platform's team changed has no id here: the teams service's list has it.
        team_member_ids = sorted({member for member in team_member_ids if member} | {student_id})
        team_submission = team_api.create_submission_for_team(
            str(proposal.course_key), str(proposal.block_key), submission_team_id(proposal), user_id,
            team_member_ids, submission_answer(proposal, number, template),
            submitted_at=now, attempt_number=number, item_type=ITEM_TYPE)
        uuid = team_submission["team_submission_uuid"]
        version = ProposalVersion.objects.create(
            proposal=proposal, number=number, answers=proposal.answers, template=template,
            title=str(proposal.answers.get("title") or "")[:300],
            submission_uuid=uuid, team_submission_uuid=uuid, member_submissions=dict.fromkeys(team_member_ids, uuid),
            submitted_by_id=user_id, submitted_at=now)
        proposal.status = rules.next_status(proposal.status, rules.SUBMIT)
        proposal.versions_submitted = number
        proposal.submitted_at = now
        proposal.save(update_fields=["status", "versions_submitted", "submitted_at", "saved_at"])
        log_status(proposal, proposal.status, user_id, number)
    return version_record(ProposalVersion.objects.select_related("submitted_by").get(pk=version.pk))
