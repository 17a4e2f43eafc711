"""Enter a finished proposal by hand: when the in-process event failed (the log names this command)."""
from django.core.management.base import BaseCommand, CommandError

from puentes_awards import api


class Command(BaseCommand):
    help = "Enter version VERSION of proposal PROPOSAL_ID in the competition (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("proposal_id", type=int)
        parser.add_argument("version", type=int)

    def handle(self, *args, **options):
        from puentes_proposals.api import get_snapshot
        try:
            snapshot = get_snapshot(options["proposal_id"], options["version"])
        except Exception as exc:  # noqa: BLE001 - the proposals app's own error, shown to the operator
            raise CommandError(f"The proposals app has no such version: {exc}") from None
        entry = api.enter_proposal(snapshot)
        if entry is None:
            raise CommandError(f"No competition edition draws from {snapshot.course_key}")
        self.stdout.write(f"{entry.uuid} {'eligible' if entry.eligible else 'not eligible'}")
