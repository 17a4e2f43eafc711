"""Course staff's view of the tutors: reviews sent, proposals held, median time to review, claims let run out;
and the CSV export of every review."""
import csv
import io
import json
import statistics

from django.db.models import Count, Q
from django.utils import timezone

from puentes_core.csv_cells import safe_cell

from .data import TutorWorkload
from .models import Review, ReviewClaim
from .queue import course_proposals

EXPORT_FIELDS = ["review_id", "proposal_id", "block_key", "version", "tutor", "state", "decision", "points_earned",
                 "points_possible", "rubric_levels", "rubric_scores", "overall_comment", "section_comments", "reason",
                 "version_submitted_at", "created_at", "sent_at", "hours_to_review"]


def cell(text):
    """Free text as a CSV cell a spreadsheet shows and never runs."""
    return safe_cell(str(text or ""))


def median_hours(durations):
    """Median of timedeltas in hours (one decimal), or None when there are none."""
    hours = [d.total_seconds() / 3600 for d in durations]
    return round(statistics.median(hours), 1) if hours else None


def workload(course_key, block_keys=(), now=None):
    """One row per tutor who claimed or reviewed anything in the course, busiest first."""
    now = now or timezone.now()
    proposals = course_proposals(course_key, block_keys)
    claims = (ReviewClaim.objects.filter(proposal__in=proposals).values("tutor__username")
              .annotate(waiting=Count("id", filter=Q(held=True, expires_at__gt=now)),
                        overdue=Count("id", filter=Q(held=True, expires_at__lte=now)
                                      | Q(end_reason=ReviewClaim.EXPIRED))).order_by())
    durations = {}
    for username, submitted_at, sent_at in Review.objects.filter(
            proposal__in=proposals, state=Review.SENT).values_list("tutor__username", "version__submitted_at",
                                                                   "sent_at"):
        durations.setdefault(username, []).append(sent_at - submitted_at)
    by_tutor = {row["tutor__username"]: row for row in claims}
    rows = [TutorWorkload(username=username, reviewed=len(durations.get(username, [])),
                          waiting=by_tutor.get(username, {}).get("waiting", 0),
                          median_hours=median_hours(durations.get(username, [])),
                          overdue=by_tutor.get(username, {}).get("overdue", 0))
            for username in sorted(set(by_tutor) | set(durations))]
    return sorted(rows, key=lambda row: (-(row.reviewed + row.waiting), row.username))


def review_rows(course_key, block_keys=(), batch_size=500):
    """Every review of the course (drafts too, marked), oldest first, streamed in batches."""
    reviews = (Review.objects.filter(proposal__in=course_proposals(course_key, block_keys))
               .select_related("version", "tutor", "proposal", "sheet"))
    last_id = 0
    while True:
        batch = list(reviews.filter(pk__gt=last_id).order_by("pk")[:batch_size])
        if not batch:
            return
        last_id = batch[-1].pk
        for review in batch:
            sheet = getattr(review, "sheet", None) if hasattr(review, "sheet") else None
            waited = (review.sent_at - review.version.submitted_at) if review.sent_at else None
            yield {
                "review_id": review.pk, "proposal_id": review.proposal_id, "block_key": str(review.proposal.block_key),
                "version": review.version.number, "tutor": review.tutor.username, "state": review.state,
                "decision": review.decision, "points_earned": review.points_earned,
                "points_possible": review.points_possible,
                "rubric_levels": json.dumps(sheet.levels if sheet else {}, ensure_ascii=False),
                "rubric_scores": json.dumps(review.rubric_scores, ensure_ascii=False),
                "overall_comment": cell(review.overall_comment),
                "section_comments": cell(json.dumps(review.section_comments, ensure_ascii=False)),
                "reason": cell(review.reason), "version_submitted_at": review.version.submitted_at.isoformat(),
                "created_at": review.created_at.isoformat(),
                "sent_at": review.sent_at.isoformat() if review.sent_at else "",
                "hours_to_review": round(waited.total_seconds() / 3600, 2) if waited else "",
            }


def reviews_csv(course_key, block_keys=()):
    """The CSV export, chunk by chunk (a handler can stream it)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_FIELDS)
    writer.writeheader()
    for row in review_rows(course_key, block_keys):
        writer.writerow(row)
        if buffer.tell() > 64 * 1024:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
