"""Celery tasks: the analytical report is long work, so it runs on a worker (the LMS's Celery)."""
from celery import shared_task

from . import reports


@shared_task(acks_late=True)
def build_report(report_id):
    reports.build(report_id)
    return report_id
