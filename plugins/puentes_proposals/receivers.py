"""What happens on the tutors' side when a team submits a version: the queue's facts, the tutors told.

Connected in ProposalsConfig.ready(), so the submit code in api.py needs no call of its own.
"""
import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import translation

from . import notifications, queue
from .models import ProposalVersion

log = logging.getLogger(__name__)


def cohort_of(user, course_key):
    """The LMS cohort of the submitter (an LMS internal, imported only where it exists), or ""."""
    try:
        from openedx.core.djangoapps.course_groups.cohorts import get_cohort  # noqa: PLC0415
    except ImportError:
        return ""
    try:
        cohort = get_cohort(user, course_key, assign=False)
    except Exception:  # noqa: BLE001 - a missing cohort must not stop a submission
        log.exception("could not read the cohort of user %s", user.pk)
        return ""
    return cohort.name if cohort else ""


@receiver(post_save, sender=ProposalVersion, dispatch_uid="puentes_review_version_submitted")
def version_submitted(sender, instance, created, **kwargs):
    if not created:
        return
    queue.refresh_facts(instance, cohort=cohort_of(instance.submitted_by, instance.proposal.course_key))
    language = translation.get_language()
    transaction.on_commit(lambda: notifications.submission_waiting(instance.pk, language))
