"""Delivery a batch per task: one claim and one write per batch, disjoint claims, every entry posted once."""
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from puentes_awards import api, outbox
from puentes_awards.models import OutboxMessage
from tests.awards_handoff.conftest import build_snapshot

pytestmark = pytest.mark.django_db


def enter(first, count):
    for proposal_id in range(first, first + count):
        api.enter_proposal(build_snapshot(proposal_id))
    return list(OutboxMessage.objects.filter(entry__proposal_id__gte=first,
                                             entry__proposal_id__lt=first + count).values_list("pk", flat=True))


def test_two_claims_at_once_take_different_rows_and_count_one_attempt_each(edition, partner):
    partner()
    enter(1, 5)
    now = timezone.now()
    first, second = outbox.claim(now, 3), outbox.claim(now, 3)
    assert len(first) == 3 and len(second) == 2
    assert not {m.pk for m in first} & {m.pk for m in second}
    assert outbox.claim(now, 3) == [], "every row is held"
    assert sorted(OutboxMessage.objects.values_list("attempts", flat=True)) == [1] * 5


def test_a_batch_costs_the_same_queries_whatever_its_size(edition, partner, settings):
    server = partner()
    settings.PUENTES_AWARDS_DELIVERY_BATCH_SIZE = 50
    counts = []
    for first, size in ((1, 3), (100, 12)):
        enter(first, size)
        with CaptureQueriesContext(connection) as captured:
            assert outbox.deliver_claimed(outbox.claim(timezone.now(), 50)) is None
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], "one claim (read, update, read back) and one write per batch"
    assert OutboxMessage.objects.filter(status="delivered").count() == 15
    assert len(server.stored) == len(server.requests) == 15


def test_a_late_batch_does_not_undo_what_another_delivered(edition, partner):
    partner(script=["fail"] * 3)
    enter(1, 3)
    stale = outbox.claim(timezone.now(), 10)
    OutboxMessage.objects.update(lease_expires_at=timezone.now() - timedelta(seconds=1))  # its lease ran out
    assert outbox.deliver_claimed(outbox.claim(timezone.now(), 10)) is not None  # the partner failed: retry later
    OutboxMessage.objects.update(status="delivered")  # ...and a later attempt went through
    outbox.record([(message, outbox.delivery.DeliveryResult(503, error="HTTP 503")) for message in stale])
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"delivered"}


def test_entries_entered_one_after_another_each_leave_once(edition, partner, settings,
                                                           django_capture_on_commit_callbacks):
    server = partner()
    settings.PUENTES_AWARDS_DELIVERY_BATCH_SIZE = 2  # full batches queue the next task; the last one is short
    for proposal_id in range(1, 8):
        with django_capture_on_commit_callbacks(execute=True):
            api.enter_proposal(build_snapshot(proposal_id))
    assert OutboxMessage.objects.filter(status="delivered").count() == 7
    assert len(server.stored) == len(server.requests) == 7


def test_a_failure_inside_a_batch_retries_only_that_row_and_the_retry_stores_it_once(edition, partner):
    server = partner(script=["ok", "fail", "ok", "ok", "ok"])
    enter(1, 5)
    with CaptureQueriesContext(connection) as captured:
        retry_in = outbox.deliver_claimed(outbox.claim(timezone.now(), 50))
    assert retry_in is not None, "the failed row is retried later"
    updates = [query for query in captured.captured_queries if query["sql"].startswith("UPDATE")]
    assert len(updates) == 3, "the claim, then one write for the delivered rows and one for the retried row"
    rows = list(OutboxMessage.objects.order_by("next_attempt_at", "pk"))
    failed = [row for row in rows if row.status == "pending"]
    assert [row.status for row in rows].count("delivered") == 4 and len(failed) == 1
    assert failed[0].last_error == "HTTP 503" and failed[0].response_status == 503 and failed[0].lease_token == ""
    assert failed[0].next_attempt_at > timezone.now() and failed[0].lease_expires_at is None
    assert outbox.claim(timezone.now(), 50) == [], "nothing is due before the retry time"

    OutboxMessage.objects.filter(pk=failed[0].pk).update(next_attempt_at=timezone.now())  # the retry time came
    assert outbox.deliver_claimed(outbox.claim(timezone.now(), 50)) is None
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"delivered"}
    assert sorted(OutboxMessage.objects.values_list("attempts", flat=True)) == [1, 1, 1, 1, 2]
    keys = [request["key"] for request in server.requests]
    assert len(keys) == 6 and keys.count(failed[0].idempotency_key) == 2, "only the failed row was posted again"
    assert sorted(server.stored) == sorted(OutboxMessage.objects.values_list("idempotency_key", flat=True))


def test_a_batch_posted_by_a_worker_that_died_before_recording_is_posted_again_and_stored_once(edition, partner):
    server = partner()
    enter(1, 4)
    dead_claim = outbox.claim(timezone.now(), 50)
    for message in dead_claim[:3]:  # the worker posted three of its four rows, then was killed: nothing recorded
        assert outbox.delivery.deliver(message).status_code == 200
    assert outbox.claim(timezone.now(), 50) == [], "the dead worker's lease still holds the rows"
    OutboxMessage.objects.update(lease_expires_at=timezone.now() - timedelta(seconds=1))  # ...until it runs out

    assert outbox.drain() == 4, "the next task takes the whole batch again"
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"delivered"}
    assert sorted(OutboxMessage.objects.values_list("attempts", flat=True)) == [2, 2, 2, 2]
    assert len(server.requests) == 7, "three rows posted twice, one once"
    assert len(server.stored) == 4, "the partner stored each entry once: the key is the same on every post"
    # Had the dead worker come back and recorded its claim's failure, it would change nothing.
    outbox.record([(message, outbox.delivery.DeliveryResult(503, error="HTTP 503")) for message in dead_claim])
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"delivered"}
