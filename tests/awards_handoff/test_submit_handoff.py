"""A proposal submit hands its edx-submissions team submission to a real Celery worker through Redis.

The submit commits its own rows and publishes one task (puentes_proposals.tasks.after_submit); the worker, another
process on the same database, writes the team submission. A version submitted while the worker is down waits in
the broker and is recorded, after the one before it, when a worker comes back.
"""
import os

import pytest
from django.contrib.auth import get_user_model
from opaque_keys.edx.keys import CourseKey, UsageKey
from submissions import team_api
from submissions.models import DELETED, TeamSubmission

from puentes_proposals import api, rules
from puentes_proposals.models import ProposalVersion
from tests.awards_handoff.conftest import COURSE
from tests.awards_handoff.harness import CeleryWorker, wait_for, worker_env

pytestmark = pytest.mark.worker
# Not the awards tests' broker database: each flushes its own (engineers sharing a Redis pick theirs).
BROKER = os.environ.get("PUENTES_TEST_SUBMIT_BROKER", "redis://127.0.0.1:6379/12")
TEMPLATE = [{"id": "title", "type": "short_text", "title": "Title", "required": True},
            {"id": "problem", "type": "long_text", "title": "Problem", "required": True}]


def save(proposal_id, user, answers):
    base = api.get_proposal(proposal_id).revision
    api.save_answers(proposal_id, user.id, [{"section": key, "value": value, "base_revision": base}
                                            for key, value in answers.items()], TEMPLATE)


def recorded(proposal_id, number):
    return ProposalVersion.objects.filter(proposal_id=proposal_id, number=number).exclude(
        submission_uuid="").values_list("team_submission_uuid", flat=True).first()


def test_the_worker_records_each_version_in_order_even_one_queued_while_it_was_down(
        shared_database, celery_on_redis, tmp_path):
    celery_on_redis(BROKER)
    env = worker_env(shared_database, BROKER, {})
    users = {name: get_user_model().objects.create(username=name, email=f"{name}@example.org")
             for name in ("ana", "bruno", "tutor")}
    course_key = CourseKey.from_string(COURSE)
    block_key = UsageKey.from_string("block-v1:OAS+PUENTES-ES+2027+type@puentes_proposal+block@p1")
    proposal = api.start_proposal(course_key, block_key, users["ana"].id, "anon-ana")
    api.join_with_code(block_key, proposal.invitation_code, users["bruno"].id, "anon-bruno", 3)
    save(proposal.proposal_id, users["ana"], {"title": "Casa de acogida",
                                              "problem": "Llegan trescientas familias por mes sin documentos."})
    worker = CeleryWorker(env, tmp_path / "worker.log").start()
    try:
        api.submit(proposal.proposal_id, users["ana"].id, TEMPLATE, "anon-ana", 3, None)
        first = wait_for(lambda: recorded(proposal.proposal_id, 1), 60, message="the worker's recording")
        assert sorted(team_api.get_team_submission_student_ids(first)) == ["anon-ana", "anon-bruno"]
    finally:
        worker.stop()
    api.start_review(proposal.proposal_id, users["tutor"].id)
    review = api.record_review(proposal.proposal_id, users["tutor"].id, decision=rules.REVISION_REQUESTED,
                               overall_comment="Nombre el barrio.")
    api.send_review(review.review_id, users["tutor"].id)
    save(proposal.proposal_id, users["bruno"], {"title": "Centro de empleo joven"})
    api.submit(proposal.proposal_id, users["bruno"].id, TEMPLATE, "anon-bruno", 3, None)  # no worker: it waits
    assert recorded(proposal.proposal_id, 2) is None
    worker = CeleryWorker(env, tmp_path / "worker.log").start()
    try:
        second = wait_for(lambda: recorded(proposal.proposal_id, 2), 60, message="the queued task's recording")
    finally:
        worker.stop()
    assert TeamSubmission._objects.get(uuid=first).status == DELETED  # objects hides soft-deleted ones
    active = team_api.get_team_submission_for_team(COURSE, str(block_key), f"puentes-proposal-{proposal.proposal_id}")
    assert active["team_submission_uuid"] == second and active["submitted_by"] == users["bruno"].id
