"""Recording versions as edx-submissions team submissions, after the submit, in the LMS's Celery worker.

A version is an edx-submissions team submission (`submissions.team_api`, as ORA2 team assignments
submit): one individual submission per member, so the approved score reaches every member's gradebook.
The submit (submitting.py) writes our own rows — the version with its frozen answers and the members it
was submitted for (`member_submissions`' keys, their values still empty), the queue's facts, the status —
and leaves `submission_uuid` empty; `record_versions` writes the team submissions afterwards.

Why not in the learner's request, as ORA2 does: edx-submissions offers no bulk write
(`create_submission_for_team` creates the TeamSubmission, then each member's StudentItem and Submission
through `api.create_submission`), and for a team of one that alone cost about 0.7 of ORA2's whole submit
(issue 19, .venv-ora2 `python -m benchmarks ora2_comparison`, SQLite), when the goal for ours is 0.5.
Nothing a learner or tutor sees needs the uuid before a score is set, and whatever needs it (an approval's
score) calls `record_versions` first, in its own transaction: a stopped worker delays nothing, it only moves
the cost into that request.

Versions are recorded in order, under the proposal's row lock, each one retiring the previous version's team
submission first (edx-submissions keeps one active team submission per team and item). A version superseded
before its task ran (v2 submitted while v1's task waited) is still recorded, then retired at once by v2's:
each version keeps its own uuid, exactly as if the worker had been on time, and only the latest is active.
Running it again, or twice at once, records nothing twice: the versions still without a uuid are read with a
locking read, under the lock, so the second run sees what the first wrote.
"""
import json

from django.db import transaction
from submissions import team_api

from .models import Proposal, ProposalVersion

ITEM_TYPE = "puentes_proposal"
ANSWER_LIMIT = 90 * 1024  # edx-submissions refuses answers over 100 KB; the version keeps the full text


def answer_size(answer):
    """The answer's size as edx-submissions measures it (serializers.py validate_answer: len(json.dumps(answer)),
    ASCII-escaped, so "á" counts six characters), against Submission.MAXSIZE."""
    return len(json.dumps(answer))


def submission_answer(proposal_id, number, answers, template):
    """What edx-submissions keeps of a version: the answers when they fit, always a pointer back."""
    answer = {"proposal_id": proposal_id, "version": number, "title": answers.get("title", ""),
              "sections": {section["id"]: answers.get(section["id"]) for section in template}}
    if answer_size(answer) > ANSWER_LIMIT:
        answer.pop("sections")
    return answer


def submission_team_id(proposal):
    """The team a team submission names: the Open edX team, or one of our own for a team formed here."""
    return proposal.team_id or f"puentes-proposal-{proposal.pk}"


def record_versions(proposal_id):
    """Give every version of the proposal that has none its team submission, in order; {number: the version's
    team submission uuid} for every version ("" for a version from before team submissions), read under the
    lock, so a caller in a longer transaction gets the uuids as they are now."""
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().only("id", "course_key", "block_key", "team_id").filter(
            pk=proposal_id).first()
        if proposal is None:
            return {}
        # A locking read: on MariaDB it sees what another transaction committed after ours began.
        rows = list(ProposalVersion.objects.select_for_update().filter(proposal_id=proposal_id).order_by("number")
                    .only("id", "number", "answers", "template", "submission_uuid", "team_submission_uuid",
                          "member_submissions", "submitted_by_id", "submitted_at"))
        uuids, previous = {}, ""
        for row in rows:
            if not row.submission_uuid:
                _record(proposal, row, previous)
            uuids[row.number] = previous = row.team_submission_uuid
    return uuids


def _record(proposal, row, previous):
    if previous:
        team_api.reset_scores(previous, clear_state=True)
    team_submission = team_api.create_submission_for_team(
        str(proposal.course_key), str(proposal.block_key), submission_team_id(proposal), row.submitted_by_id,
        list(row.member_submissions), submission_answer(proposal.pk, row.number, row.answers, row.template),
        submitted_at=row.submitted_at, attempt_number=row.number, item_type=ITEM_TYPE)
    uuid = team_submission["team_submission_uuid"]
    row.submission_uuid = row.team_submission_uuid = uuid
    row.member_submissions = dict.fromkeys(row.member_submissions, uuid)
    row.save(update_fields=["submission_uuid", "team_submission_uuid", "member_submissions"])


def unrecorded_proposal_ids(course_key=None):
    """The proposals with a version still waiting for its team submission (the reconcile pass's list)."""
    versions = ProposalVersion.objects.filter(submission_uuid="")
    if course_key:
        versions = versions.filter(proposal__course_key=course_key)
    return sorted(set(versions.values_list("proposal_id", flat=True)))
