"""Record the versions whose edx-submissions team submission the worker has not written (a broker or worker down)."""
import logging

from django.core.management.base import BaseCommand, CommandError

from puentes_proposals import recording
from puentes_proposals.management.arguments import course_key

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = ("Write the edx-submissions team submission of every submitted version still without one (their task "
            "was lost or the worker was down), in order, as the worker would. Safe to run again, and while the "
            "worker runs.")

    def add_arguments(self, parser):
        parser.add_argument("--course", type=course_key, help="only this course run (default: every course)")

    def handle(self, *args, **options):
        recorded, failed = 0, []
        for proposal_id in recording.unrecorded_proposal_ids(options["course"]):
            try:
                recording.record_versions(proposal_id)
            except Exception:  # noqa: BLE001 - one proposal's trouble must not stop the others; the log says why
                log.exception("Could not record the versions of proposal %s", proposal_id)
                failed.append(proposal_id)
            else:
                recorded += 1
        self.stdout.write(f"{recorded} proposal(s) recorded, {len(failed)} failed"
                          + (f": {' '.join(map(str, failed))}" if failed else ""))
        if failed:
            raise CommandError("some proposals could not be recorded; see the log")
