"""A real Celery worker on the Redis broker delivers to a real local server: exactly once, whatever fails."""
import math
import os
import re
import subprocess
import sys
import time

import pytest
from django.db import transaction

from puentes_awards import api
from puentes_awards.models import OutboxMessage
from tests.awards_handoff.conftest import SECRET, build_snapshot, make_edition
from tests.awards_handoff.harness import REPO, CeleryWorker, PartnerServer, wait_for, worker_env

pytestmark = pytest.mark.worker
# The broker database is flushed per test: engineers sharing a Redis pick their own.
BROKER = os.environ.get("PUENTES_TEST_BROKER", "redis://127.0.0.1:6379/5")


@pytest.fixture
def handoff(shared_database, celery_on_redis, settings, tmp_path):
    """This process and a worker share the database, the broker and the cache (Redis, as in Tutor: one "a task
    is queued" mark for every process); the partner server is chosen per test."""
    celery_on_redis(BROKER)
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": BROKER}}
    workers = []

    def start(partner, max_attempts=8):
        awards = {"PUENTES_AWARDS_DELIVERY_URL": partner.url, "PUENTES_AWARDS_SIGNING_SECRET": SECRET,
                  "PUENTES_AWARDS_DELIVERY_TIMEOUTS": [0.5, 1.0], "PUENTES_AWARDS_DELIVERY_BACKOFF": [0.2, 1.0],
                  "PUENTES_AWARDS_DELIVERY_MAX_ATTEMPTS": max_attempts}
        for name, value in awards.items():
            setattr(settings, name, tuple(value) if isinstance(value, list) else value)
        env = worker_env({**shared_database, "PUENTES_CACHE_URL": BROKER}, BROKER, awards)

        def new_worker(concurrency=1):
            worker = CeleryWorker(env, tmp_path / "worker.log", concurrency=concurrency).start()
            workers.append(worker)
            return worker
        return env, new_worker

    yield start
    for worker in workers:
        worker.stop()


def statuses():
    return sorted(OutboxMessage.objects.values_list("status", flat=True))


def test_fails_twice_times_out_once_then_accepts_and_the_entry_arrives_once(handoff):
    make_edition()
    with PartnerServer(SECRET, ["fail", "fail", "timeout"], slow_seconds=2.0) as partner:
        _env, new_worker = handoff(partner)
        new_worker()
        entry = api.enter_proposal(build_snapshot())
        message = wait_for(lambda: OutboxMessage.objects.filter(status="delivered").first(), 60,
                           message="the delivery")
        assert [r["step"] for r in partner.requests] == ["fail", "fail", "timeout", "ok"]
        assert {r["key"] for r in partner.requests} == {entry.uuid} and all(r["signed"] for r in partner.requests)
        assert list(partner.stored) == [entry.uuid], "stored once, although the timed-out attempt also arrived"
        assert message.attempts == 4 and message.response_status == 200 and message.last_error == ""


def test_worker_killed_mid_delivery_loses_nothing_and_doubles_nothing(handoff):
    make_edition()
    with PartnerServer(SECRET, ["hold"]) as partner:
        env, new_worker = handoff(partner)
        worker = new_worker()
        entries = [api.enter_proposal(build_snapshot(proposal_id)) for proposal_id in (1, 2, 3)]
        assert partner.held.wait(30), "the first delivery reached the partner"
        worker.kill()  # kill -9, in the middle of the POST; the other two tasks were queued or prefetched
        partner.release()  # the partner finishes storing what it was sent
        assert statuses() == ["pending"] * 3
        new_worker()
        # The first message's lease runs out; the relay (as cron would run it) re-queues whatever was lost.
        relay = [sys.executable, "manage.py", "puentes_awards_relay", "--grace", "0", "--loop", "1"]
        relay_process = subprocess.Popen(relay, cwd=REPO / "demo", env=env, stdout=subprocess.DEVNULL)
        try:
            wait_for(lambda: statuses() == ["delivered"] * 3, 60, message="all three delivered")
        finally:
            relay_process.terminate()
            relay_process.wait(10)
        assert sorted(partner.stored) == sorted(entry.uuid for entry in entries)
        assert len(partner.stored) == 3
        first = OutboxMessage.objects.get(idempotency_key=entries[0].uuid)
        assert first.attempts == 2, "one attempt died with the worker, one delivered"


def test_worker_killed_in_the_middle_of_a_batch_posts_the_unrecorded_rows_again_and_each_is_stored_once(handoff):
    make_edition()
    with PartnerServer(SECRET, ["ok", "ok", "hold"]) as partner:
        env, new_worker = handoff(partner)
        worker = new_worker()
        with transaction.atomic():  # one commit, one nudge: the five rows leave in one batch
            entries = [api.enter_proposal(build_snapshot(proposal_id)) for proposal_id in range(1, 6)]
        assert partner.held.wait(30), "the batch's third post reached the partner"
        worker.kill()  # two posted and stored, one in flight, two not sent; the batch's outcomes never recorded
        partner.release()  # the partner still stores what it was sent
        wait_for(lambda: len(partner.stored) == 3, 10, message="the partner storing the held post")
        assert statuses() == ["pending"] * 5
        new_worker()
        relay = [sys.executable, "manage.py", "puentes_awards_relay", "--grace", "0", "--loop", "1"]
        relay_process = subprocess.Popen(relay, cwd=REPO / "demo", env=env, stdout=subprocess.DEVNULL)
        try:
            wait_for(lambda: statuses() == ["delivered"] * 5, 60, message="all five delivered")
        finally:
            relay_process.terminate()
            relay_process.wait(10)
        keys = [request["key"] for request in partner.requests]
        assert sorted(set(keys)) == sorted(entry.uuid for entry in entries)
        assert len(keys) == 8, "the three the dead worker sent were posted again, the two others once"
        assert sorted(partner.stored) == sorted(entry.uuid for entry in entries), "each stored once"
        assert sorted(OutboxMessage.objects.values_list("attempts", flat=True)) == [2, 2, 2, 2, 2]


def test_a_receiver_that_never_accepts_ends_in_the_dead_letter_state(handoff):
    make_edition()
    with PartnerServer(SECRET, ["fail"] * 10) as partner:
        _env, new_worker = handoff(partner, max_attempts=3)
        new_worker()
        api.enter_proposal(build_snapshot())
        message = wait_for(lambda: OutboxMessage.objects.filter(status="dead").first(), 60, message="dead letter")
        assert message.attempts == 3 and len(partner.requests) == 3 and partner.stored == {}


def test_a_burst_leaves_in_batches_each_entry_posted_once_over_kept_alive_connections(handoff, settings):
    make_edition()
    with PartnerServer(SECRET) as partner:
        _env, new_worker = handoff(partner)
        worker = new_worker(concurrency=2)  # prefork, as the LMS worker runs
        started = time.monotonic()
        entries = [api.enter_proposal(build_snapshot(proposal_id)) for proposal_id in range(1, 121)]
        windows = math.ceil((time.monotonic() - started) / settings.PUENTES_AWARDS_DELIVERY_BATCH_WINDOW)
        wait_for(lambda: statuses() == ["delivered"] * 120, 120, message="all 120 delivered")
        keys = [request["key"] for request in partner.requests]
        assert sorted(keys) == sorted(entry.uuid for entry in entries), "each entry posted exactly once"
        assert sorted(partner.stored) == sorted(entry.uuid for entry in entries)
        assert sum(OutboxMessage.objects.values_list("attempts", flat=True)) == 120
        assert len({request["connection"] for request in partner.requests}) <= 2, "one kept-alive connection each"
        tasks = re.findall(r"deliver_outbox\[[0-9a-f-]+\] received", worker.tail_all())
        # A task per batch of up to 50 rows, or per batch window while entries trickle in (a loaded machine enters
        # slowly, so count the windows entering took): not one per entry.
        assert 0 < len(tasks) <= windows + 120 // 50 + 2, (len(tasks), windows)
