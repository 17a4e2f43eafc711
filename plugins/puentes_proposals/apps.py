"""The plugin app's registration with the LMS and Studio (edx-django-utils plugin_app, as in openedx/sample-plugin)."""
from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "puentes_proposals"
    verbose_name = "Puentes proposals"
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = {
        "url_config": {
            "lms.djangoapp": {"namespace": "puentes_proposals", "regex": r"^api/puentes_proposals/",
                              "relative_path": "urls"},
            "cms.djangoapp": {"namespace": "puentes_proposals", "regex": r"^api/puentes_proposals/",
                              "relative_path": "urls"},
        },
        "settings_config": {
            project: {
                "common": {"relative_path": "settings.common"},
                "test": {"relative_path": "settings.test"},
                "production": {"relative_path": "settings.production"},
            }
            for project in ("lms.djangoapp", "cms.djangoapp")
        },
        "signals_config": {
            # The module defines PROPOSAL_FINISHED; this app sends it and listens to nothing.
            project: {"relative_path": "signals", "receivers": []}
            for project in ("lms.djangoapp", "cms.djangoapp")
        },
    }

    def ready(self):
        from . import tasks  # noqa: F401 - registers the tasks that submitting.py names
