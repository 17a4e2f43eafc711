"""Staff exports of proposals for the project's analytical report: CSV and JSON, one row per version."""
import csv
import io
import json

from opaque_keys.edx.keys import CourseKey, UsageKey

from puentes_core.csv_cells import safe_cell

from .competition import total_budget
from .models import ProposalVersion, Review, TeamMembership

EXPORT_FIELDS = ["proposal_id", "version", "status", "course_key", "block_key", "title", "submitted_at",
                 "submitted_by", "team", "municipality", "country", "total_budget", "currency", "approved_at",
                 "entered_at", "decisions", "sections"]


def export_rows(course_key, block_key=None, batch_size=500):
    """One dict per submitted version of a course's proposals (streamed in batches, for CSV or JSON)."""
    versions_qs = ProposalVersion.objects.filter(proposal__course_key=CourseKey.from_string(str(course_key)))
    if block_key:
        versions_qs = versions_qs.filter(proposal__block_key=UsageKey.from_string(str(block_key)))
    versions_qs = versions_qs.select_related("proposal", "submitted_by")
    last_id = 0
    while True:
        batch = list(versions_qs.filter(pk__gt=last_id).order_by("pk")[:batch_size])
        if not batch:
            return
        last_id = batch[-1].pk
        proposal_ids = {row.proposal_id for row in batch}
        teams, decisions = {}, {}
        for member in TeamMembership.objects.filter(proposal_id__in=proposal_ids).select_related("user"):
            teams.setdefault(member.proposal_id, []).append(member.user.username)
        for review in Review.objects.filter(proposal_id__in=proposal_ids, state=Review.SENT).values(
                "version_id", "decision"):
            decisions.setdefault(review["version_id"], []).append(review["decision"])
        for row in batch:
            proposal = row.proposal
            total = total_budget(row.template, row.answers)
            yield {
                "proposal_id": proposal.id, "version": row.number, "status": proposal.status,
                "course_key": str(proposal.course_key), "block_key": str(proposal.block_key), "title": row.title,
                "submitted_at": row.submitted_at.isoformat(), "submitted_by": row.submitted_by.username,
                "team": teams.get(proposal.id, []), "municipality": proposal.municipality,
                "country": proposal.country, "total_budget": str(total) if total is not None else "",
                "currency": proposal.currency,
                "approved_at": proposal.approved_at.isoformat() if proposal.approved_at else "",
                "entered_at": proposal.entered_at.isoformat() if proposal.entered_at else "",
                "decisions": decisions.get(row.id, []),
                "sections": {section["id"]: row.answers.get(section["id"]) for section in row.template},
            }


def _flat(row):
    """A CSV row: lists joined, the sections' answers as one JSON column (spreadsheets keep it intact)."""
    flat = dict(row)
    flat["team"] = " ".join(row["team"])
    flat["decisions"] = " ".join(row["decisions"])
    flat["sections"] = json.dumps(row["sections"], ensure_ascii=False)
    return {key: safe_cell(value) for key, value in flat.items()}


def csv_lines(course_key, block_key=None):
    """The CSV export, line by line (a streaming response sends it without holding it all)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_FIELDS)
    writer.writeheader()
    for row in export_rows(course_key, block_key):
        writer.writerow(_flat(row))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def json_chunks(course_key, block_key=None):
    """The JSON export as a list of objects, chunk by chunk."""
    yield "["
    first = True
    for row in export_rows(course_key, block_key):
        yield ("" if first else ",\n") + json.dumps(row, ensure_ascii=False)
        first = False
    yield "]\n"
