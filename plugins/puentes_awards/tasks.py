"""Celery tasks: deliver one outbox message (retried with backoff), and find messages whose task was lost."""
from celery import shared_task

from . import outbox


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None, ignore_result=True)
def deliver_entry(self, message_id):
    """acks_late: a worker killed mid-delivery leaves the message for another. The row counts the attempts."""
    delay = outbox.deliver(message_id)
    if delay is not None:
        raise self.retry(countdown=delay)


@shared_task(ignore_result=True)
def relay_outbox():
    """Run periodically (celery beat) so a message whose task was lost is still delivered."""
    return outbox.relay()
