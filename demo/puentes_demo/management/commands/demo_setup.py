"""Prepare the demo site: users for every role, the three courses' key units, the block galleries, and a past
competition whose results are published."""
from django.core.management.base import BaseCommand

from puentes_demo import loading, past_competition, personas


class Command(BaseCommand):
    help = "Create the demo users and load the demo units (idempotent; --reload re-reads the OLX)."

    def add_arguments(self, parser):
        parser.add_argument("--reload", action="store_true", help="re-read course content from the files")

    def handle(self, *args, **options):
        users, course_keys = loading.load_everything(reload=options["reload"])
        past = past_competition.ensure_past_edition()
        self.stdout.write("Demo users (username / password):")
        for persona in personas.PERSONAS:
            self.stdout.write(f"  {str(persona['title']):<24} {persona['username']:<8} {persona['password']}")
        self.stdout.write(f"Courses: {', '.join(str(key) for key in course_keys)}")
        self.stdout.write(f"Published competition results: /puentes_awards/results/{past.slug}/")
