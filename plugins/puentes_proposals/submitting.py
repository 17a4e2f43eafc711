"""Freezing the draft as a version, which is also an edx-submissions team submission.

One submit is one transaction: the proposal locked and read with its team and files, the team
submission, the version, the tutors' queue facts, the status and its log line. Everything the
caller gets back is built from the rows read or written there, so nothing is read twice.
"""
import json

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone, translation
from submissions import team_api

from puentes_core.ids import parse_id

from . import notifications, queue, rules, sections
from .cohorts import cohort_of
from .data import SubmitResult, VersionRecord
from .errors import NotAllowed, NotFound
from .models import Attachment, Proposal, ProposalVersion, TeamMembership
from .reading import proposal_record
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


def _locked_with_team(proposal_id):
    """The proposal, locked, with its members (and their users) and files: three queries. The lock is on the
    proposal row alone (no join), so a member's user row is never locked by a submit."""
    return (Proposal.objects.select_for_update()
            .prefetch_related(Prefetch("members", queryset=TeamMembership.objects.select_related("user")),
                              Prefetch("attachments", queryset=Attachment.objects.order_by("id")))
            .filter(pk=proposal_id).first())


def _known_saver(proposal, members):
    """Give the proposal its last saver's user from the team already read (no query when they are a member)."""
    by_id = {member.user_id: member.user for member in members}
    if proposal.saved_by_id in by_id:
        proposal.saved_by = by_id[proposal.saved_by_id]


def submit(proposal_id, user_id, template, student_id, max_versions, last_moment, now=None, team_member_ids=None):
    """Freeze the draft as version N and lock it for review; the version's record (see submit_proposal)."""
    return submit_proposal(proposal_id, user_id, template, student_id, max_versions, last_moment, now=now,
                           team_member_ids=team_member_ids).version


def submit_proposal(proposal_id, user_id, template, student_id, max_versions, last_moment, now=None,
                    team_member_ids=None):
    """Freeze the draft as version N and lock it for review: SubmitResult(the version, the proposal after it).

    The version is an edx-submissions team submission (`submissions.team_api`, as ORA2 team
    assignments submit): one individual submission per member, so the approved score reaches every
    member's gradebook. `team_member_ids` are the members' anonymous ids as the teams service gives
    them (team-set proposals); without it, the members who joined here. edx-submissions allows one
    active team submission per team and item, so a revision retires the previous one first.
    edx-submissions offers no bulk write: `create_submission_for_team` creates each member's
    submission through `api.create_submission`, and that is the one way in we use.
    """
    now = now or timezone.now()
    if parse_id(proposal_id) is None:
        raise NotFound()
    with transaction.atomic():
        proposal = _locked_with_team(proposal_id)
        members = list(proposal.members.all()) if proposal is not None else []
        submitter = next((member for member in members if member.user_id == user_id), None)
        if submitter is None:
            raise NotFound()
        problems = sections.draft_problems(template, proposal.answers)
        verdict = rules.may_submit(proposal.status, proposal.versions_submitted, max_versions, now, last_moment,
                                   problems)
        if not verdict:
            raise NotAllowed(verdict.reason, problems=problems)
        number = proposal.versions_submitted + 1
        if team_member_ids is None:
            team_member_ids = [member.anonymous_id for member in members]
        if number > 1:
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
            submitted_by=submitter.user, submitted_at=now)
        # The tutors' side, in the same transaction: the queue's facts from the team already read.
        facts = queue.store_version_facts(version, [member.user.username for member in members],
                                          cohort_of(submitter.user, proposal.course_key), first=number == 1)
        proposal.status = rules.next_status(proposal.status, rules.SUBMIT)
        proposal.versions_submitted = number
        proposal.submitted_at = now
        proposal.save(update_fields=["status", "versions_submitted", "submitted_at", "saved_at"])
        log_status(proposal, proposal.status, user_id, number)
        language = translation.get_language()
        transaction.on_commit(lambda: notifications.submission_waiting(version, facts, language))
    _known_saver(proposal, members)
    return SubmitResult(version=VersionRecord(
        proposal_id=proposal.pk, number=number, title=version.title, answers=version.answers, template=template,
        submission_uuid=uuid, submitted_by_username=submitter.user.username, submitted_at=now),
        proposal=proposal_record(proposal))
