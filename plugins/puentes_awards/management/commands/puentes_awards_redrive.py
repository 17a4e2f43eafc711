"""Deliver dead letters again, after the cause (a wrong secret, a receiver down for days) has been fixed."""
from django.core.management.base import BaseCommand

from puentes_awards import outbox
from puentes_awards.models import OutboxMessage


class Command(BaseCommand):
    help = "Put dead outbox messages back to pending with a fresh attempt count, and queue them."

    def add_arguments(self, parser):
        parser.add_argument("--id", type=int, action="append", default=[], help="only this message; repeat")
        parser.add_argument("--edition", help="only messages of this edition's entries (slug)")
        parser.add_argument("--destination", choices=[OutboxMessage.HTTP, OutboxMessage.EVENT_BUS])

    def handle(self, *args, **options):
        messages = OutboxMessage.objects.filter(status=OutboxMessage.DEAD)
        if options["id"]:
            messages = messages.filter(pk__in=options["id"])
        if options["edition"]:
            messages = messages.filter(entry__edition__slug=options["edition"])
        if options["destination"]:
            messages = messages.filter(destination=options["destination"])
        self.stdout.write(f"{outbox.redrive(messages)} message(s) re-driven")
