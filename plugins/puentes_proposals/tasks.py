"""Celery tasks: a submitted version's edx-submissions team submission and the tutors' e-mail, after the submit.
"""
from celery import shared_task

from . import notifications, recording


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=5, ignore_result=True)
def record_submissions(self, proposal_id):
    """Record the proposal's versions still without a team submission (recording.record_versions). Idempotent,
    so acks_late is safe: a worker killed mid-task leaves it for another, which records only what is missing."""
    try:
        recording.record_versions(proposal_id)
    except Exception as error:
        # The approval and `puentes_proposals_record` record it anyway; retries only shorten the wait.
        raise self.retry(exc=error, countdown=30 * 2 ** self.request.retries) from error


@shared_task(ignore_result=True)
def tell_tutors(version_id, language):
    """E-mail the tutors that a version waits, in the language the submitter's request was in (their fallback)."""
    notifications.tell_tutors_of_version(version_id, language)
