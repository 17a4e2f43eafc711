"""Enter every finished proposal that has no entry yet (the in-process event only logs a failed receiver)."""
from django.core.management.base import BaseCommand, CommandError

from puentes_awards import reconcile
from puentes_awards.models import Edition


class Command(BaseCommand):
    help = "Enter the finished proposals of the editions' courses that have no competition entry (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--edition", help="only this edition's courses (slug); default all editions")
        parser.add_argument("--since", help="only proposals entered at or after this ISO date or date-time")

    def handle(self, *args, **options):
        try:
            since = reconcile.parse_since(options["since"]) if options["since"] else None
            report = reconcile.reconcile(options["edition"], since)
        except (ValueError, Edition.DoesNotExist) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(str(report))
