"""Celery tasks: deliver outbox messages a batch per task, find messages whose task was lost, and enter
finished proposals whose event was lost."""
from celery import shared_task

from . import outbox, reconcile


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None, ignore_result=True)
def deliver_entry(self, message_id):
    """One message (tasks queued before batches existed). acks_late: a worker killed mid-delivery leaves the
    message for another. The row counts the attempts."""
    delay = outbox.deliver(message_id)
    if delay is not None:
        raise self.retry(countdown=delay)


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def deliver_outbox(message_ids=None):
    """A batch: these rows, or the oldest due ones. acks_late: a worker killed mid-batch leaves the task for
    another; the rows' leases keep it from posting what the dead worker may still have in flight."""
    return outbox.drain(message_ids)


@shared_task(ignore_result=True)
def relay_outbox():
    """Run periodically (celery beat) so a message whose task was lost is still delivered."""
    return outbox.relay()


@shared_task(ignore_result=True)
def reconcile_entries(edition_slug=None, since=None):
    """Enter finished proposals the in-process event missed. `since`: an ISO date-time string (JSON-safe)."""
    report = reconcile.reconcile(edition_slug, reconcile.parse_since(since) if since else None)
    return {"entered": report.entered, "present": report.present, "failed": report.failed}
