"""Enter every finished proposal the in-process event missed.

openedx-events sends with send_robust: when our receiver raises (a database hiccup, a missing file) the
exception is only logged. This pass lists the proposals that finished in the editions' courses and enters
those without an entry, through the receiver's own path, so running it again changes nothing.
"""
import logging
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from . import entries
from .models import Edition, EditionCourse, Entry

log = logging.getLogger(__name__)


@dataclass
class Reconciliation:
    entered: int = 0                            # entries this pass created
    present: int = 0                            # finished proposals that already had an entry
    failed: list = field(default_factory=list)  # proposal ids that still could not enter (the log says why)

    def __str__(self):
        failed = f", failed: {' '.join(map(str, self.failed))}" if self.failed else ""
        return f"{self.entered} entered, {self.present} already entered, {len(self.failed)} failed{failed}"


def parse_since(value):
    """An ISO date or date-time (a Celery argument or the command's --since); naive means the site's time zone."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{value!r} is not a date such as 2027-03-01 or 2027-03-01T12:00") from None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, timezone.get_default_timezone())


def course_keys(edition_slug=None):
    editions = Edition.objects.all()
    if edition_slug:
        editions = editions.filter(slug=edition_slug)
        if not editions.exists():
            raise Edition.DoesNotExist(f"No edition with slug {edition_slug!r}")
    return sorted(set(EditionCourse.objects.filter(edition__in=editions).values_list("course_key", flat=True)))


def reconcile(edition_slug=None, since=None, batch_size=500):
    """Enter the finished proposals of the edition's courses (all editions' by default) that have no entry."""
    from puentes_proposals.api import finished_proposals
    report = Reconciliation()
    for batch in finished_proposals(course_keys(edition_slug), since=since, batch_size=batch_size):
        entered = set(Entry.objects.filter(proposal_id__in=[finished.proposal.proposal_id for finished in batch])
                      .values_list("proposal_id", flat=True))
        for finished in batch:
            if finished.proposal.proposal_id in entered:
                report.present += 1
            else:
                enter_missing(finished, report)
    if report.entered or report.failed:
        log.warning("Reconciling competition entries: %s", report)
    return report


def enter_missing(finished, report):
    """The receiver's path (snapshot, then entries.enter), at the moment the team confirmed, not now:
    the call dates judge when the proposal entered, however late this pass finds it."""
    from puentes_proposals.api import get_snapshot
    proposal = finished.proposal
    try:
        entry, created = entries.enter(get_snapshot(proposal.proposal_id, proposal.version), finished.entered_at)
    except Exception:  # noqa: BLE001 - one broken proposal must not stop the others; the next pass tries again
        log.exception("Proposal %s v%s still cannot enter the competition", proposal.proposal_id, proposal.version)
        report.failed.append(proposal.proposal_id)
        return
    if created:
        report.entered += 1
    elif entry is not None:
        report.present += 1  # the receiver entered it after this batch was read; the constraints keep it single
