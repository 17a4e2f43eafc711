"""Create (or update) a competition edition from the command line."""
from datetime import datetime, time
from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from puentes_awards import api
from puentes_core import rulebook


def _course(value):
    """'course-v1:ORG+COURSE+RUN' or 'course-v1:ORG+COURSE+RUN=es-419' (the language its teams are written in)."""
    key, _, language = value.partition("=")
    try:
        return str(CourseKey.from_string(key)), language or "en"
    except InvalidKeyError:
        raise CommandError(f"{key!r} is not a course key such as course-v1:OAS+PUENTES-ES+2027") from None


def _moment(value, end_of_day=False):
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date such as 2027-03-01 or 2027-03-01T12:00") from None
    if len(value) == 10 and end_of_day:
        moment = datetime.combine(moment.date(), time.max)
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, timezone.get_default_timezone())


def _amount(value):
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise CommandError(f"{value!r} is not an amount") from None
    if amount < 0:
        raise CommandError("Amounts cannot be negative")
    return amount


class Command(BaseCommand):
    help = "Create or update a competition edition: its courses, call dates, prizes and eligibility rules."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--slug")
        parser.add_argument("--course", action="append", required=True, type=_course,
                            help="course-v1:ORG+COURSE+RUN[=language]; repeat for each course run")
        dates = rulebook.load().dates
        parser.add_argument("--opens", default=dates.call_opens.isoformat(),
                            help="call opens (ISO date or date-time); the rulebook's date by default")
        parser.add_argument("--closes", default=dates.approvals_close.isoformat(),
                            help="call closes (ISO date = end of that day); the rulebook's date by default")
        parser.add_argument("--prizes", nargs=3, required=True, type=_amount, metavar=("FIRST", "SECOND", "THIRD"))
        parser.add_argument("--currency", default=rulebook.load().currency)
        parser.add_argument("--budget-cap", type=_amount)
        parser.add_argument("--country", action="append", default=[], help="ISO alpha-2 code; repeat; none = all")
        parser.add_argument("--organiser", action="append", default=[], help="username; repeat")

    def handle(self, *args, **options):
        from django.contrib.auth import get_user_model
        if len(options["currency"]) != 3:
            raise CommandError("--currency takes an ISO 4217 code such as USD")
        usernames = options["organiser"]
        organisers = list(get_user_model().objects.filter(username__in=usernames))
        missing = set(usernames) - {user.username for user in organisers}
        if missing:
            raise CommandError(f"No such user(s): {', '.join(sorted(missing))}")
        try:
            slug = api.create_edition(
                name=options["name"], slug=options["slug"], courses=options["course"],
                call_opens_at=_moment(options["opens"]), call_closes_at=_moment(options["closes"], end_of_day=True),
                prizes=options["prizes"], currency=options["currency"], budget_cap=options["budget_cap"],
                countries=options["country"], organisers=organisers)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(slug)
