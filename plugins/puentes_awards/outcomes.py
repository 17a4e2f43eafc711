"""Record what a batch of delivery attempts came to: each row's status, retry time and answer, in few statements."""
import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Case, Value, When
from django.utils import timezone

from . import backoff
from .models import OutboxMessage

log = logging.getLogger(__name__)

COMMON_FIELDS = ["status", "lease_expires_at", "lease_token", "last_error", "response_status", "response_body"]
# Only what the outcome changed: a delivered row keeps its next_attempt_at, a retried one has no delivered_at.
FIELDS_BY_STATUS = {OutboxMessage.DELIVERED: [*COMMON_FIELDS, "delivered_at"],
                    OutboxMessage.PENDING: [*COMMON_FIELDS, "next_attempt_at"],
                    OutboxMessage.DEAD: COMMON_FIELDS}


def settle(message, result, now):
    """Apply one attempt's result to the row in memory. Returns the seconds until its retry, or None."""
    if message.destination == OutboxMessage.EVENT_BUS:
        verdict = backoff.RETRY if result.error else backoff.DELIVERED
    else:
        verdict = backoff.outcome(result.status_code)
    message.status = backoff.next_status(verdict, message.attempts, settings.PUENTES_AWARDS_DELIVERY_MAX_ATTEMPTS)
    base, cap = settings.PUENTES_AWARDS_DELIVERY_BACKOFF
    delay = backoff.retry_delay(message.attempts, base, cap) if message.status == OutboxMessage.PENDING else None
    message.lease_expires_at, message.last_error = None, result.error
    message.response_status, message.response_body = result.status_code, result.body
    if message.status == OutboxMessage.DELIVERED:
        message.delivered_at = now
    if delay is not None:
        message.next_attempt_at = now + timedelta(seconds=delay)
    if message.status == OutboxMessage.DEAD:
        log.error("Outbox message %s is dead after %s attempts: %s", message.pk, message.attempts, result.error)
    return delay


def assignments(messages, fields):
    """UPDATE values for `messages`: a plain value where they all agree, a CASE on the id only where they differ.

    Django's bulk_update writes a CASE of one WHEN per row for every field, and building those cost more CPU
    than posting the batch; in a delivered batch only the partner's answer differs from row to row.
    """
    values = {}
    for name in fields:
        first = getattr(messages[0], name)
        if all(getattr(message, name) == first for message in messages):
            values[name] = first
        else:
            field = OutboxMessage._meta.get_field(name)
            values[name] = Case(*[When(pk=message.pk, then=Value(getattr(message, name), output_field=field))
                                  for message in messages], output_field=field)
    return values


def record(results):
    """Every (message, result) of one claim: one UPDATE per outcome (delivered, retried, dead).
    Returns the seconds until the earliest retry, or None.

    Only still-pending rows this claim holds change: a late worker must not undo another's delivery.
    """
    if not results:
        return None
    now = timezone.now()
    delays = [settle(message, result, now) for message, result in results]
    token = results[0][0].lease_token
    by_status = {}
    for message, _result in results:
        message.lease_token = ""
        by_status.setdefault(message.status, []).append(message)
    held = OutboxMessage.objects.filter(status=OutboxMessage.PENDING, lease_token=token)
    for status, messages in by_status.items():
        held.filter(pk__in=[message.pk for message in messages]).update(
            **assignments(messages, FIELDS_BY_STATUS[status]))
    retries = [delay for delay in delays if delay is not None]
    return min(retries) if retries else None
