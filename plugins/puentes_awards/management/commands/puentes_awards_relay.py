"""Queue again every pending delivery whose Celery task was lost (run from cron, or once after an outage)."""
import time

from django.core.management.base import BaseCommand

from puentes_awards import outbox


class Command(BaseCommand):
    help = "Find pending outbox messages that are overdue and queue their delivery again."

    def add_arguments(self, parser):
        parser.add_argument("--grace", type=float, help="seconds overdue before a message counts as lost "
                                                        "(default PUENTES_AWARDS_RELAY_GRACE_SECONDS)")
        parser.add_argument("--loop", type=float, metavar="SECONDS", help="keep running, every SECONDS")

    def handle(self, *args, **options):
        while True:
            count = outbox.relay(grace_seconds=options["grace"])
            self.stdout.write(f"{count} message(s) queued")
            if not options["loop"]:
                return
            time.sleep(options["loop"])
