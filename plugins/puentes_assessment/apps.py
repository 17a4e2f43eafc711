"""The plugin app's registration with the LMS and Studio (edx-django-utils plugin_app, as in openedx/sample-plugin)."""
from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "puentes_assessment"
    verbose_name = "Puentes needs assessment"
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = {
        "url_config": {
            project: {"namespace": "puentes_assessment", "regex": r"^puentes_assessment/", "relative_path": "urls"}
            for project in ("lms.djangoapp", "cms.djangoapp")
        },
        "settings_config": {
            project: {
                "common": {"relative_path": "settings.common"},
                "test": {"relative_path": "settings.test"},
                "production": {"relative_path": "settings.production"},
            }
            for project in ("lms.djangoapp", "cms.djangoapp")
        },
    }
