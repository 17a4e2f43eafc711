"""The outbox: rows that say what must still leave the site, claimed by one worker at a time.

A Celery message only nudges a worker; the row decides. A task lost with a killed worker or a broker
restart is found again by `relay`, and two tasks for one row never deliver at the same time (the lease).
"""
import logging
import uuid
from datetime import timedelta

from celery import signature
from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from . import delivery, inserts
from .models import OutboxMessage
from .outcomes import record
from .payload import entry_payload

log = logging.getLogger(__name__)
# A task may run a little before the retry time it was scheduled for (clock skew between hosts).
EARLY_TOLERANCE = timedelta(seconds=2)


def destinations():
    wanted = []
    if settings.PUENTES_AWARDS_DELIVERY_URL:
        wanted.append(OutboxMessage.HTTP)
    if settings.PUENTES_AWARDS_EVENT_BUS:
        wanted.append(OutboxMessage.EVENT_BUS)
    return wanted


def open_messages(entry, attachments):
    """The entry's outbox rows, created in the caller's transaction (the one that records the entry)."""
    payload = entry_payload(entry, attachments)
    keys = {OutboxMessage.HTTP: str(entry.uuid), OutboxMessage.EVENT_BUS: f"{entry.uuid}:event-bus"}
    return [inserts.insert(OutboxMessage(entry=entry, destination=destination, idempotency_key=keys[destination],
                                         payload=payload)) for destination in destinations()]


# The tasks are named, not imported: tasks.py sits above this module (it calls deliver and relay), and the
# app's ready() registers them, so the calls below are the tasks' own apply_async (eager in tests).
DELIVER_TASK = "puentes_awards.tasks.deliver_entry"
DRAIN_TASK = "puentes_awards.tasks.deliver_outbox"
NUDGE_KEY = "puentes_awards.outbox.drain_queued"
MARK_GRACE_SECONDS = 10  # how late a queued task may start on a busy worker and still be the window's only one


def _send(task, args=(), countdown=0):
    try:
        signature(task, args=args).apply_async(countdown=countdown)
    except Exception:  # noqa: BLE001 - the broker being down must not undo the entry; the relay resends
        log.exception("Could not queue %s%s; the relay will", task, args)


def dispatch(message_ids, countdown=0):
    """Queue delivery of these rows: one task per batch of them (they are due, or soon)."""
    size = settings.PUENTES_AWARDS_DELIVERY_BATCH_SIZE
    for start in range(0, len(message_ids), size):
        _send(DRAIN_TASK, args=(list(message_ids[start:start + size]),), countdown=countdown)


def nudge():
    """Make sure a delivery task runs within the batch window: the first new row of a window queues one task,
    which waits out the window and then takes every due row, so rows entered together leave together.

    The mark lives in Django's cache (shared by every process in an LMS; per process in the demo — then each
    process queues its own task) until the task has claimed, not just for the window: a mark that expired while
    its task waited for a busy worker would let the next row queue a second task for the same window. It still
    expires, so a task lost with its worker costs a wait (then the relay), never a delivery.
    """
    window = settings.PUENTES_AWARDS_DELIVERY_BATCH_WINDOW
    if caches[settings.PUENTES_AWARDS_DELIVERY_CACHE].add(NUDGE_KEY, True, timeout=window + MARK_GRACE_SECONDS):
        _send(DRAIN_TASK, countdown=window)


def nudge_on_commit():
    transaction.on_commit(nudge, robust=True)


def dispatch_on_commit(message_ids):
    if message_ids:
        transaction.on_commit(lambda: dispatch(message_ids), robust=True)


def lease_seconds(batch=1):
    """Long enough for a batch of posts that each take the whole timeout."""
    connect, read = settings.PUENTES_AWARDS_DELIVERY_TIMEOUTS
    return (connect + read) * batch + 5


def _claimable(now):
    free = Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lt=now)
    return OutboxMessage.objects.filter(free, status=OutboxMessage.PENDING, next_attempt_at__lte=now + EARLY_TOLERANCE)


def claim(now, limit, message_ids=None):
    """Up to `limit` pending, due rows nobody else holds (of `message_ids`, or the oldest due), in one claim.

    The attempt is counted before it is made. A token marks the rows this claim won, so two workers claiming
    at once each get their own rows; on MariaDB the candidates are read with SKIP LOCKED so they rarely collide.
    """
    claimable = _claimable(now)
    if message_ids is not None:
        claimable = claimable.filter(pk__in=message_ids)
    token = uuid.uuid4().hex
    with transaction.atomic():
        candidates = claimable.order_by("next_attempt_at", "pk")
        if connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        chosen = list(candidates.values_list("pk", flat=True)[:limit])
        if not chosen:
            return []
        claimable.filter(pk__in=chosen).update(
            lease_token=token, lease_expires_at=now + timedelta(seconds=lease_seconds(len(chosen))),
            attempts=F("attempts") + 1)
    # The rows alone: a post needs the payload and key, not the entry (whose snapshot would be decoded again).
    return list(OutboxMessage.objects.filter(lease_token=token, pk__in=chosen))


def deliver_claimed(messages):
    """Try each claimed row once over the worker's kept-alive connection; record every outcome in one
    statement. Returns the seconds until the earliest retry, or None."""
    results = []
    for message in messages:
        try:
            result = delivery.deliver(message)
        except Exception as exc:  # noqa: BLE001 - whatever broke, the attempt is recorded and retried
            log.exception("Delivering outbox message %s failed", message.pk)
            result = delivery.DeliveryResult(None, error=f"{type(exc).__name__}: {exc}"[:2000])
        results.append((message, result))
    return record(results)


def drain(message_ids=None):
    """One task's work: a batch of these rows, or of the oldest due ones. Returns how many it claimed.

    A full batch means more may wait, so another task is queued before posting, to take the next batch on
    another worker meanwhile. A short batch means the window's rows are out: the mark goes, so a new row
    queues a task again, and one more look closes the gap between the last claim and the mark's removal —
    through nudge, so rows that keep trickling in still leave one task per window, not one per row.
    """
    limit = settings.PUENTES_AWARDS_DELIVERY_BATCH_SIZE
    messages = claim(timezone.now(), limit, message_ids)
    if message_ids is None and len(messages) == limit:
        _send(DRAIN_TASK)
    retry_in = deliver_claimed(messages)
    if retry_in is not None:
        _send(DRAIN_TASK, countdown=retry_in)
    if message_ids is None and len(messages) < limit:
        caches[settings.PUENTES_AWARDS_DELIVERY_CACHE].delete(NUDGE_KEY)
        if _claimable(timezone.now()).exists():
            nudge()
    return len(messages)


def deliver(message_id):
    """Try one row once. Returns the seconds to wait before the next try, or None when there is nothing more to do."""
    return deliver_claimed(claim(timezone.now(), 1, [message_id]))


def lost_messages(now, grace_seconds, limit):
    """Pending rows past due by more than the grace period, with no live lease: their task is gone."""
    free = Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lt=now)
    return list(OutboxMessage.objects.filter(free, status=OutboxMessage.PENDING,
                                             next_attempt_at__lte=now - timedelta(seconds=grace_seconds))
                .order_by("next_attempt_at").values_list("pk", flat=True)[:limit])


def relay(grace_seconds=None, limit=1000):
    grace = settings.PUENTES_AWARDS_RELAY_GRACE_SECONDS if grace_seconds is None else grace_seconds
    message_ids = lost_messages(timezone.now(), grace, limit)
    dispatch(message_ids)
    return len(message_ids)


def redrive(messages):
    """Dead letters back to pending with a fresh count of attempts, queued now. Returns how many."""
    message_ids = list(messages.filter(status=OutboxMessage.DEAD).values_list("pk", flat=True))
    OutboxMessage.objects.filter(pk__in=message_ids, status=OutboxMessage.DEAD).update(
        status=OutboxMessage.PENDING, attempts=0, next_attempt_at=timezone.now(), lease_expires_at=None)
    if transaction.get_connection().in_atomic_block:
        dispatch_on_commit(message_ids)
    else:
        dispatch(message_ids)
    return len(message_ids)
