"""Freezing the draft as a version; its edx-submissions team submission follows in the worker (recording.py).

One submit is one transaction: the proposal locked and read with its team, the version,
the tutors' queue facts, the status and its log line. Everything the caller gets back is built from
the rows read or written there, so nothing is read twice. After the commit, one task for the LMS
worker: the tutors' e-mail and the version's team submission (recording.record_versions).
"""
from django.contrib.auth import get_user_model
from django.db import router, transaction
from django.utils import timezone, translation

from puentes_core.compiled_read import CompiledRead, Slot
from puentes_core.ids import parse_id

from . import queue, rules, sections
from .background import after_commit
from .cohorts import cohort_of
from .data import SubmitResult, VersionRecord
from .errors import NotAllowed, NotFound
from .models import Proposal, ProposalVersion
from .reading import proposal_record, team_records
from .status_log import log_status

# Named, not imported: tasks.py sits above this module (the app's ready() registers the task).
AFTER_SUBMIT_TASK = "puentes_proposals.tasks.after_submit"


# The proposal's row, locked, as a model (it is saved): its SQL compiled once (puentes_core.compiled_read).
PROPOSAL_FIELDS = [field.attname for field in Proposal._meta.concrete_fields]
LOCKED_PROPOSAL = CompiledRead(Proposal, lambda proposal_id: Proposal.objects.select_for_update().filter(
    pk=proposal_id).values_list(*PROPOSAL_FIELDS), Slot(-730_003), for_write=True)


def _locked_with_team(proposal_id):
    """(The proposal, locked, or None; its members as TeamMember records): two queries, their SQL compiled once
    (LOCKED_PROPOSAL, reading.team_records). The lock is on the proposal row alone (no join), so a member's user
    row is never locked by a submit. Its files are not read: the version keeps the answers, which name them, and
    the submit's caller needs none."""
    rows = LOCKED_PROPOSAL.rows(proposal_id)
    if not rows:
        return None, []
    proposal = Proposal.from_db(router.db_for_write(Proposal), PROPOSAL_FIELDS, rows[0])
    return proposal, team_records(proposal_id)


def _user(member):
    """A user instance for a member already read (its id and username), for what takes a user, not an id:
    the platform's cohort lookup (get_cohort reads user.id) and the proposal's last saver."""
    return get_user_model()(id=member.user_id, username=member.username)


def submit(proposal_id, user_id, template, student_id, max_versions, last_moment, now=None, team_member_ids=None):
    """Freeze the draft as version N and lock it for review; the version's record (see submit_proposal)."""
    return submit_proposal(proposal_id, user_id, template, student_id, max_versions, last_moment, now=now,
                           team_member_ids=team_member_ids).version


def submit_proposal(proposal_id, user_id, template, student_id, max_versions, last_moment, now=None,
                    team_member_ids=None):
    """Freeze the draft as version N and lock it for review: SubmitResult(the version, the proposal after it).

    The version is submitted for `team_member_ids`, the members' anonymous ids as the teams service
    gives them (team-set proposals); without it, the members who joined here. They are kept as
    `member_submissions`' keys; the edx-submissions team submission for them (one individual submission
    per member) is written after the commit by the worker, which fills in the uuids (recording.py says why).
    """
    now = now or timezone.now()
    proposal_id = parse_id(proposal_id)
    if proposal_id is None:
        raise NotFound()
    with transaction.atomic():
        proposal, members = _locked_with_team(proposal_id)
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
        # A member not seen since the platform's team changed has no id here: the teams service's list has it.
        team_member_ids = sorted({member for member in team_member_ids if member} | {student_id})
        version = ProposalVersion.objects.create(
            proposal=proposal, number=number, answers=proposal.answers, template=template,
            title=str(proposal.answers.get("title") or "")[:300],
            submission_uuid="", member_submissions=dict.fromkeys(team_member_ids, ""),
            submitted_by_id=submitter.user_id, submitted_at=now)
        # The tutors' side, in the same transaction: the queue's facts from the team already read.
        queue.store_version_facts(version, [member.username for member in members],
                                  cohort_of(_user(submitter), proposal.course_key), first=number == 1)
        proposal.status = rules.next_status(proposal.status, rules.SUBMIT)
        proposal.versions_submitted = number
        proposal.submitted_at = now
        proposal.save(update_fields=["status", "versions_submitted", "submitted_at", "saved_at"])
        log_status(proposal, proposal.status, user_id, number)
        # After the commit, one task: the tutors' e-mail, then the version's team submission (recording.py).
        after_commit(AFTER_SUBMIT_TASK, proposal.pk, version.pk, translation.get_language())
    saver = next((member for member in members if member.user_id == proposal.saved_by_id), None)
    if saver is not None:  # the last saver's username from the team already read: no query
        proposal.saved_by = _user(saver)
    return SubmitResult(version=VersionRecord(
        proposal_id=proposal.pk, number=number, title=version.title, answers=version.answers, template=template,
        submission_uuid="", submitted_by_username=submitter.username, submitted_at=now),
        proposal=proposal_record(proposal, team=members, with_attachments=False))
