"""Fill the tutors' queue facts (title, country, thematic area, cohort, search text) from the latest versions,
and recount its counts by status."""
from django.core.management.base import BaseCommand, CommandError
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from puentes_proposals import queue, status_counts


def _course(value):
    try:
        return str(CourseKey.from_string(value))
    except InvalidKeyError:
        raise CommandError(f"{value!r} is not a course key such as course-v1:OAS+PUENTES-ES+2027") from None


class Command(BaseCommand):
    help = ("Rebuild the tutors' queue facts from the latest submitted version of each proposal, for proposals "
            "submitted before the queue existed or whose facts are missing, and recount the proposals by status "
            "(after statuses were changed outside the app, e.g. by SQL). Safe to run again.")

    def add_arguments(self, parser):
        parser.add_argument("--course", type=_course, help="only this course run (default: every course)")
        parser.add_argument("--batch-size", type=int, default=500, help="proposals per batch (default 500)")

    def handle(self, *args, **options):
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1")
        count = queue.rebuild_facts(options["course"], batch_size=options["batch_size"])
        self.stdout.write(f"{count} proposal(s) in the queue rebuilt")
        rows = status_counts.rebuild(options["course"])
        self.stdout.write(f"{rows} count(s) by block and status recounted")
