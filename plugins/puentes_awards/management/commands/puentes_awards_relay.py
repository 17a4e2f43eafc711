"""Queue again every pending delivery whose Celery task was lost, and enter finished proposals the event missed
(run from cron, or as a service with --loop: Tutor's relay sidecar)."""
import time

from django.core.management.base import BaseCommand, CommandError

from puentes_awards import delivery, outbox, readiness, reconcile


def reconciles_on(loop, every):
    """The relay's loops that also reconcile: the first (catching up after a restart), then every `every`th."""
    return every > 0 and loop % every == 0


class Command(BaseCommand):
    help = ("Find pending outbox messages that are overdue and queue their delivery again; with --reconcile, "
            "or every --reconcile-every loops, also enter finished proposals that have no entry.")

    def add_arguments(self, parser):
        parser.add_argument("--grace", type=float, help="seconds overdue before a message counts as lost "
                                                        "(default PUENTES_AWARDS_RELAY_GRACE_SECONDS)")
        parser.add_argument("--loop", type=float, metavar="SECONDS", help="keep running, every SECONDS")
        parser.add_argument("--reconcile", action="store_true", help="also reconcile entries on this run")
        parser.add_argument("--reconcile-every", type=int, default=12, metavar="LOOPS",
                            help="with --loop: reconcile on the first loop and every LOOPS loops (0 = never; "
                                 "default 12, hourly at the 300 s Tutor uses)")

    def handle(self, *args, **options):
        problem = delivery.configuration_problem()
        if problem:
            raise CommandError(problem)   # the relay refuses to start rather than queue unsigned deliveries
        every, loops = options["reconcile_every"], 0
        if options["loop"]:  # a service: on a site's first launch it may start before the migrations
            readiness.wait_for_migrations(self.stdout.write)
        while True:
            count = outbox.relay(grace_seconds=options["grace"])
            self.stdout.write(f"{count} message(s) queued")
            # A full pass is a few queries per 500 proposals, so the loop can afford it now and then.
            if options["reconcile"] or (options["loop"] and reconciles_on(loops, every)):
                self.stdout.write(f"entries: {reconcile.reconcile()}")
            if not options["loop"]:
                return
            loops += 1
            time.sleep(options["loop"])
