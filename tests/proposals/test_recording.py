"""A version's edx-submissions team submission is written after the submit, by the task it queues (recording.py).

Here the task's work runs in this process: eagerly when a test runs the submit's on-commit callbacks, or by
`record_versions` / the management command when a test stands for a worker that never ran (callbacks dropped).
tests/awards_handoff/test_submit_handoff.py hands it to a real Celery worker through Redis.
"""
import logging
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from opaque_keys.edx.keys import UsageKey
from submissions import api as submissions_api
from submissions import team_api
from submissions.models import ACTIVE, DELETED, TeamSubmission

from puentes_demo.celery import app, configure, settings_now
from puentes_proposals import api, rules
from puentes_proposals.models import ProposalVersion

from .conftest import SMALL_TEMPLATE, fill

pytestmark = pytest.mark.django_db


def submit(proposal_id, user, anonymous_id, worker_runs):
    """Submit; the queued task runs (worker_runs) or is lost with its broker (the callbacks dropped)."""
    with TestCase.captureOnCommitCallbacks(execute=worker_runs) as callbacks:
        version = api.submit(proposal_id, user.id, SMALL_TEMPLATE, anonymous_id, 3, None)
    assert len(callbacks) == 1
    return version


def review(proposal_id, tutor, decision, points=None):
    api.start_review(proposal_id, tutor.id)
    record = api.record_review(proposal_id, tutor.id, decision=decision, overall_comment="Nombre el barrio.",
                               points_earned=points, points_possible=100 if points is not None else None)
    return api.send_review(record.review_id, tutor.id)


def revise(proposal_id, user, title):
    base = api.get_proposal(proposal_id).revision
    fill(proposal_id, user.id, {"title": title}, base=base)


def rows(proposal_id):
    return list(ProposalVersion.objects.filter(proposal_id=proposal_id).order_by("number"))


def team_submission_status(uuid):
    """"active" or "deleted" (retired); `_objects`: edx-submissions' `objects` hides soft-deleted team
    submissions (submissions/models.py TeamSubmission.SoftDeletedManager)."""
    return {ACTIVE: "active", DELETED: "deleted"}[TeamSubmission._objects.get(uuid=uuid).status]


def active_for(team, course_key, block_key):
    return team_api.get_team_submission_for_team(str(course_key), str(block_key),
                                                 f"puentes-proposal-{team.proposal_id}")


def test_the_request_writes_the_version_and_leaves_the_team_submission_to_the_task(team, people):
    fill(team.proposal_id, people["ana"].id)
    version = submit(team.proposal_id, people["ana"], "anon-ana", worker_runs=False)
    [row] = rows(team.proposal_id)
    assert row.number == version.number == 1 and row.answers["title"] == "Casa de acogida"
    assert row.submission_uuid == row.team_submission_uuid == "" and version.submission_uuid == ""
    # The members it was submitted for are kept at once (the competition's team reads them).
    assert row.member_submissions == {"anon-ana": "", "anon-bruno": ""}
    assert api.get_proposal(team.proposal_id).status == rules.SUBMITTED
    assert not TeamSubmission.objects.exists()


def test_the_task_records_each_member_once_and_running_it_again_changes_nothing(team, people):
    fill(team.proposal_id, people["ana"].id)
    submit(team.proposal_id, people["ana"], "anon-ana", worker_runs=True)
    [row] = rows(team.proposal_id)
    assert row.submission_uuid == row.team_submission_uuid != ""
    assert row.member_submissions == dict.fromkeys(["anon-ana", "anon-bruno"], row.team_submission_uuid)
    assert sorted(team_api.get_team_submission_student_ids(row.team_submission_uuid)) == ["anon-ana", "anon-bruno"]
    again = api.record_versions(team.proposal_id)  # a redelivered task (acks_late), or the reconcile command
    assert again == {1: row.team_submission_uuid}
    assert TeamSubmission.objects.count() == 1 and rows(team.proposal_id)[0].submission_uuid == row.submission_uuid
    assert submissions_api.get_submissions({"student_id": "anon-bruno", "course_id": str(team.course_key),
                                            "item_id": str(team.block_key), "item_type": "puentes_proposal"})


def test_a_team_of_three_gets_three_member_submissions(team, people):
    api.join_with_code(team.block_key, team.invitation_code, people["carol"].id, "anon-carol", 3)
    fill(team.proposal_id, people["carol"].id)
    submit(team.proposal_id, people["carol"], "anon-carol", worker_runs=True)
    [row] = rows(team.proposal_id)
    assert sorted(team_api.get_team_submission_student_ids(row.team_submission_uuid)) == [
        "anon-ana", "anon-bruno", "anon-carol"]
    submission = team_api.get_team_submission(row.team_submission_uuid)
    assert len(submission["submission_uuids"]) == 3 and submission["submitted_by"] == people["carol"].id


def test_a_version_superseded_before_its_task_ran_is_recorded_then_retired_in_order(
        team, people, course_key, block_key):
    """v1's task lost; v2 submitted after a revision request; one pass records v1, retires it, records v2."""
    fill(team.proposal_id, people["ana"].id)
    submit(team.proposal_id, people["ana"], "anon-ana", worker_runs=False)
    review(team.proposal_id, people["tutor"], rules.REVISION_REQUESTED)
    revise(team.proposal_id, people["bruno"], "Centro de empleo joven")
    submit(team.proposal_id, people["bruno"], "anon-bruno", worker_runs=True)
    first, second = rows(team.proposal_id)
    assert first.submission_uuid and second.submission_uuid and first.submission_uuid != second.submission_uuid
    assert team_submission_status(first.team_submission_uuid) == "deleted"
    assert team_submission_status(second.team_submission_uuid) == "active"
    assert active_for(team, course_key, block_key)["team_submission_uuid"] == second.team_submission_uuid
    one, two = (TeamSubmission._objects.get(uuid=row.team_submission_uuid) for row in (first, second))
    assert (one.attempt_number, one.submitted_by_id, one.submitted_at) == (1, people["ana"].id, first.submitted_at)
    assert (two.attempt_number, two.submitted_by_id, two.submitted_at) == (2, people["bruno"].id, second.submitted_at)
    assert team_api.get_team_submission(second.team_submission_uuid)["answer"]["title"] == "Centro de empleo joven"
    # The history and exports still have both versions, as submitted.
    assert [(row["version"], row["title"]) for row in api.export_rows(course_key)] == [
        (1, "Casa de acogida"), (2, "Centro de empleo joven")]


def test_an_approval_records_what_the_worker_missed_and_scores_every_member(team, people):
    fill(team.proposal_id, people["ana"].id)
    submit(team.proposal_id, people["ana"], "anon-ana", worker_runs=False)  # the worker is down
    review(team.proposal_id, people["tutor"], rules.APPROVED, points=80)
    [row] = rows(team.proposal_id)
    assert row.team_submission_uuid and team_submission_status(row.team_submission_uuid) == "active"
    for anonymous_id in ("anon-ana", "anon-bruno"):
        score = submissions_api.get_score({"student_id": anonymous_id, "course_id": str(team.course_key),
                                           "item_id": str(team.block_key), "item_type": "puentes_proposal"})
        assert (score["points_earned"], score["points_possible"]) == (80, 100)


def test_an_approval_of_v2_with_both_tasks_lost_leaves_one_active_team_submission(
        team, people, course_key, block_key):
    fill(team.proposal_id, people["ana"].id)
    submit(team.proposal_id, people["ana"], "anon-ana", worker_runs=False)
    review(team.proposal_id, people["tutor"], rules.REVISION_REQUESTED)
    revise(team.proposal_id, people["ana"], "Centro de empleo joven")
    submit(team.proposal_id, people["ana"], "anon-ana", worker_runs=False)
    review(team.proposal_id, people["tutor"], rules.APPROVED, points=90)
    first, second = rows(team.proposal_id)
    assert [team_submission_status(row.team_submission_uuid) for row in (first, second)] == ["deleted", "active"]
    assert active_for(team, course_key, block_key)["team_submission_uuid"] == second.team_submission_uuid
    score = submissions_api.get_score({"student_id": "anon-bruno", "course_id": str(course_key),
                                       "item_id": str(block_key), "item_type": "puentes_proposal"})
    assert score["points_earned"] == 90


def test_the_reconcile_command_records_every_proposal_left_behind(team, people, course_key, block_key, capsys):
    fill(team.proposal_id, people["ana"].id)
    submit(team.proposal_id, people["ana"], "anon-ana", worker_runs=False)
    other_block = UsageKey.from_string(str(block_key).replace("block@p1", "block@p2"))
    other = api.start_proposal(course_key, other_block, people["carol"].id, "anon-carol")
    fill(other.proposal_id, people["carol"].id)
    submit(other.proposal_id, people["carol"], "anon-carol", worker_runs=False)
    call_command("puentes_proposals_record", "--course", str(course_key))
    assert "2 proposal(s) recorded, 0 failed" in capsys.readouterr().out
    assert not ProposalVersion.objects.filter(submission_uuid="").exists()
    call_command("puentes_proposals_record")
    assert "0 proposal(s) recorded" in capsys.readouterr().out
    assert TeamSubmission.objects.count() == 2


def drop_connections():
    """Producers are pooled per broker URL: drop them so the next publish uses the URL set now."""
    from kombu import pools
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


def test_a_broker_out_of_reach_logs_and_the_submit_stands(team, people, caplog):
    """Celery publishing to a Redis port nobody listens on: the submit answers, the version stays; the log says
    what was not queued (the reconcile command and the approval catch up)."""
    fill(team.proposal_id, people["ana"].id)
    saved = settings_now("broker_url", "task_always_eager")
    drop_connections()
    configure(broker_url="redis://127.0.0.1:9/0", task_always_eager=False)
    try:
        with caplog.at_level(logging.ERROR, logger="puentes_proposals.background"):
            version = submit(team.proposal_id, people["ana"], "anon-ana", worker_runs=True)
    finally:
        drop_connections()
        configure(**saved)
    assert version.number == 1 and rows(team.proposal_id)[0].submission_uuid == ""
    assert any("Could not queue puentes_proposals.tasks.after_submit" in record.getMessage()
               for record in caplog.records)
    assert api.record_versions(team.proposal_id)[1]


def test_the_tutors_email_goes_after_the_commit_in_the_submitters_language(team, people, course_key, mailoutbox):
    from django.utils import translation
    api.grant_tutor(course_key, people["tutor"].id)
    fill(team.proposal_id, people["ana"].id)
    with translation.override("es-419"):
        with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
            api.submit(team.proposal_id, people["ana"].id, SMALL_TEMPLATE, "anon-ana", 3,
                       timezone.now() + timedelta(days=1))
    assert mailoutbox == []  # nothing before the commit
    callbacks[0]()
    [mail] = mailoutbox
    assert mail.to == ["tutor@example.org"] and "espera" in mail.subject.lower()
