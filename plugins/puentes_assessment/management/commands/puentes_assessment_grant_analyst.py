"""Name a user an analyst of an instrument (or take the role back): they may then read its analysts' page,
exports and reports, and nothing else. Django admin (Analyst grants) does the same."""
import re

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ... import api
from ...urls import INSTRUMENT


class Command(BaseCommand):
    help = "puentes_assessment_grant_analyst <instrument> <username> [--revoke]"

    def add_arguments(self, parser):
        parser.add_argument("instrument")
        parser.add_argument("username")
        parser.add_argument("--revoke", action="store_true", help="take the role back")

    def handle(self, *args, **options):
        instrument = options["instrument"]
        if not re.fullmatch(INSTRUMENT, instrument):
            raise CommandError(f"{instrument!r} is not an instrument code (lower-case letters, digits, hyphens).")
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user named {options['username']!r}.")
        if options["revoke"]:
            api.revoke_analyst(instrument, user)
            self.stdout.write(f"{user.username} is no longer an analyst of {instrument}")
        else:
            api.grant_analyst(instrument, user)
            self.stdout.write(f"{user.username} is now an analyst of {instrument}")
