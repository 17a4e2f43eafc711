"""How many of a course's proposals are in each status, read from StatusCount (a few rows per block).

Proposal.save() and delete() keep the counts in the transaction that changes a status (models.py); rebuild()
recounts them from the proposals, for rows written around save() (a queryset's update, a bulk load).
"""
from django.db import transaction
from django.db.models import Count
from opaque_keys.edx.keys import CourseKey, UsageKey

from . import rules
from .models import Proposal, StatusCount


def of_course(course_key, statuses, block_keys=()):
    """{status: proposals} of the course, or of these of its blocks, for `statuses`."""
    rows = StatusCount.objects.filter(course_key=CourseKey.from_string(str(course_key)), status__in=statuses)
    if block_keys:
        rows = rows.filter(block_key__in=[UsageKey.from_string(str(key)) for key in block_keys])
    counts = dict.fromkeys(statuses, 0)
    for status, proposals in rows.values_list("status", "proposals"):
        counts[status] += max(proposals, 0)
    return counts


def rebuild(course_key=None):
    """Recount every block's proposals by status (one course's, or every course's). Returns the rows written."""
    with transaction.atomic():
        stored, proposals = StatusCount.objects.all(), Proposal.objects.all()
        if course_key:
            key = CourseKey.from_string(str(course_key))
            stored, proposals = stored.filter(course_key=key), proposals.filter(course_key=key)
        stored.delete()   # first: its locks keep the writers of these counts waiting until the recount commits
        fresh = {}
        for course, block, status, n in proposals.values_list("course_key", "block_key", "status").annotate(
                n=Count("id")).order_by():
            fresh.setdefault((course, block), {})[status] = n
        rows = StatusCount.objects.bulk_create([   # every status of a block, as Proposal.save creates them
            StatusCount(course_key=course, block_key=block, status=status, proposals=counts.get(status, 0))
            for (course, block), counts in fresh.items() for status in rules.STATUSES], batch_size=1000)
    return len(rows)
