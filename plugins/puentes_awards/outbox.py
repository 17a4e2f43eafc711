"""The outbox: rows that say what must still leave the site, claimed by one worker at a time.

A Celery message only nudges a worker; the row decides. A task lost with a killed worker or a broker
restart is found again by `relay`, and two tasks for one row never deliver at the same time (the lease).
"""
import logging
from datetime import timedelta

from celery import signature
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from . import backoff, delivery
from .models import OutboxMessage
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
    return [OutboxMessage.objects.create(entry=entry, destination=destination, idempotency_key=keys[destination],
                                         payload=payload) for destination in destinations()]


# The task is named, not imported: tasks.py sits above this module (it calls deliver and relay), and the
# app's ready() registers it, so the call below is the task's own apply_async (eager in tests).
DELIVER_TASK = "puentes_awards.tasks.deliver_entry"


def dispatch(message_ids, countdown=0):
    for message_id in message_ids:
        try:
            signature(DELIVER_TASK, args=(message_id,)).apply_async(countdown=countdown)
        except Exception:  # noqa: BLE001 - the broker being down must not undo the entry; the relay resends
            log.exception("Could not queue delivery of outbox message %s; the relay will", message_id)


def dispatch_on_commit(message_ids):
    if message_ids:
        transaction.on_commit(lambda: dispatch(message_ids), robust=True)


def lease_seconds():
    connect, read = settings.PUENTES_AWARDS_DELIVERY_TIMEOUTS
    return connect + read + 5


def claim(message_id, now):
    """The message, if it is pending, due and nobody else holds it; counts the attempt before making it."""
    free = Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lt=now)
    claimed = (OutboxMessage.objects
               .filter(free, pk=message_id, status=OutboxMessage.PENDING, next_attempt_at__lte=now + EARLY_TOLERANCE)
               .update(lease_expires_at=now + timedelta(seconds=lease_seconds()), attempts=F("attempts") + 1))
    return OutboxMessage.objects.select_related("entry").get(pk=message_id) if claimed else None


def deliver(message_id):
    """Try once. Returns the seconds to wait before the next try, or None when there is nothing more to do."""
    message = claim(message_id, timezone.now())
    if message is None:
        return None
    try:
        result = delivery.deliver(message)
    except Exception as exc:  # noqa: BLE001 - whatever broke, the attempt is recorded and retried
        log.exception("Delivering outbox message %s failed", message_id)
        result = delivery.DeliveryResult(None, error=f"{type(exc).__name__}: {exc}"[:2000])
    return record(message, result)


def record(message, result):
    now = timezone.now()
    if message.destination == OutboxMessage.EVENT_BUS:
        verdict = backoff.RETRY if result.error else backoff.DELIVERED
    else:
        verdict = backoff.outcome(result.status_code)
    status = backoff.next_status(verdict, message.attempts, settings.PUENTES_AWARDS_DELIVERY_MAX_ATTEMPTS)
    base, cap = settings.PUENTES_AWARDS_DELIVERY_BACKOFF
    delay = backoff.retry_delay(message.attempts, base, cap) if status == OutboxMessage.PENDING else None
    changes = {"status": status, "lease_expires_at": None, "last_error": result.error,
               "response_status": result.status_code, "response_body": result.body}
    if status == OutboxMessage.DELIVERED:
        changes["delivered_at"] = now
    if delay is not None:
        changes["next_attempt_at"] = now + timedelta(seconds=delay)
    # Only a still-pending row changes: a late worker must not undo another's delivery.
    OutboxMessage.objects.filter(pk=message.pk, status=OutboxMessage.PENDING).update(**changes)
    if status == OutboxMessage.DEAD:
        log.error("Outbox message %s is dead after %s attempts: %s", message.pk, message.attempts, result.error)
    return delay


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
