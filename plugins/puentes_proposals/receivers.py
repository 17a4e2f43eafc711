"""What happens on the tutors' side when a team submits a version: the queue's facts, the tutors told.

Connected in ProposalsConfig.ready(), so the submit code in api.py needs no call of its own.
"""
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import translation

from . import notifications, queue
from .cohorts import cohort_of
from .models import ProposalVersion


@receiver(post_save, sender=ProposalVersion, dispatch_uid="puentes_review_version_submitted")
def version_submitted(sender, instance, created, **kwargs):
    if not created:
        return
    cohort = cohort_of(instance.submitted_by, instance.proposal.course_key)
    queue.store_facts([instance], cohorts={instance.proposal_id: cohort})
    language = translation.get_language()
    transaction.on_commit(lambda: notifications.submission_waiting(instance.pk, language))
