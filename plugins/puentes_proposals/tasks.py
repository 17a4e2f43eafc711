"""Celery tasks: what a submit leaves to the LMS worker (the tutors' e-mail, the version's edx-submissions team
submission)."""
import logging

from celery import shared_task

from . import notifications, recording

log = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=5, ignore_result=True)
def after_submit(self, proposal_id, version_id=None, language=None):
    """One task per submit (one publish in the learner's request): tell the tutors of the version (`version_id`,
    in the submitter's `language` where a tutor has none), then record the proposal's versions still without a
    team submission (recording.record_versions). acks_late: a worker killed mid-task leaves it for another, which
    records only what is missing (the e-mail may then go twice). A retry records only: the e-mail went."""
    if version_id is not None:
        try:
            notifications.tell_tutors_of_version(version_id, language)
        except Exception:  # noqa: BLE001 - the e-mail must not keep the version from the gradebook
            log.exception("Could not tell the tutors of version %s", version_id)
    try:
        recording.record_versions(proposal_id)
    except Exception as error:
        # The approval and `puentes_proposals_record` record it anyway; retries only shorten the wait.
        raise self.retry(args=(proposal_id,), kwargs={}, exc=error, countdown=30 * 2 ** self.request.retries) \
            from error
