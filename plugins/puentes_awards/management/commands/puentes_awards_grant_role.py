"""Make a user an organiser or a juror of an edition (the admin can do the same)."""
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ...jury import services
from ...models import Edition


class Command(BaseCommand):
    help = "Grant a competition role: puentes_awards_grant_role <edition-slug> <username> organiser|juror"

    def add_arguments(self, parser):
        parser.add_argument("edition")
        parser.add_argument("username")
        parser.add_argument("role", choices=["organiser", "juror"])
        parser.add_argument("--municipality", default="", help="the juror's own municipality (conflicts)")
        parser.add_argument("--country", default="", help="the juror's country, ISO 3166-1 alpha-2 (conflicts)")

    def handle(self, *args, **options):
        edition = Edition.objects.filter(slug=options["edition"]).first()
        if edition is None:
            raise CommandError(f"No edition with slug {options['edition']!r}.")
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user named {options['username']!r}.")
        services.grant_role(edition, user, options["role"], municipality=options["municipality"],
                            country=options["country"])
        self.stdout.write(f"{user.username} is now {options['role']} of {edition.slug}")
