"""The case-study package is also a small Django plugin app: the log of learners' submissions.

Why: the LMS gives a custom XBlock no way to read other learners' user_state, yet course staff need
every learner's reflections and choices (the CSV export). So each submission is appended here.
The app has no URLs, settings or signals of its own; the block's handler serves the CSV.
"""
from django.apps import AppConfig


class CaseStudyConfig(AppConfig):
    name = "puentes_casestudy"
    label = "puentes_casestudy"
    verbose_name = "Puentes case studies"
    default_auto_field = "django.db.models.BigAutoField"

    # Installed in the LMS (learners submit there) and Studio (the block is imported and previewed there).
    plugin_app = {}
