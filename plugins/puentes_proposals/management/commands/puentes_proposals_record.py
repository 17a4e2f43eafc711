"""Record the versions whose edx-submissions team submission the worker has not written (a broker or worker down)."""
import logging

from django.core.management.base import BaseCommand, CommandError
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from puentes_proposals import recording

log = logging.getLogger(__name__)


def _course(value):
    try:
        return CourseKey.from_string(value)
    except InvalidKeyError:
        raise CommandError(f"{value!r} is not a course key such as course-v1:OAS+PUENTES-ES+2027") from None


class Command(BaseCommand):
    help = ("Write the edx-submissions team submission of every submitted version still without one (their task "
            "was lost or the worker was down), in order, as the worker would. Safe to run again, and while the "
            "worker runs.")

    def add_arguments(self, parser):
        parser.add_argument("--course", type=_course, help="only this course run (default: every course)")

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
