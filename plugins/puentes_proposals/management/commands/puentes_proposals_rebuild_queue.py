"""Fill the tutors' queue facts (title, country, thematic area, cohort, search text) from the latest versions,
and recount its counts by status."""
from django.core.management.base import BaseCommand, CommandError

from puentes_proposals import queue, status_counts
from puentes_proposals.management.arguments import course_key


class Command(BaseCommand):
    help = ("Rebuild the tutors' queue facts from the latest submitted version of each proposal, for proposals "
            "submitted before the queue existed or whose facts are missing, and recount the proposals by status "
            "(after statuses were changed outside the app, e.g. by SQL). Safe to run again.")

    def add_arguments(self, parser):
        parser.add_argument("--course", type=course_key, help="only this course run (default: every course)")
        parser.add_argument("--batch-size", type=int, default=500, help="proposals per batch (default 500)")

    def handle(self, *args, **options):
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1")
        course = options["course"] and str(options["course"])
        count = queue.rebuild_facts(course, batch_size=options["batch_size"])
        self.stdout.write(f"{count} proposal(s) in the queue rebuilt")
        rows = status_counts.rebuild(course)
        self.stdout.write(f"{rows} count(s) by block and status recounted")
