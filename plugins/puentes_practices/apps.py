"""The library of good practices: a plugin app of the LMS (public pages) and Studio (the same models)."""
from django.apps import AppConfig

_SETTINGS = {
    "common": {"relative_path": "settings.common"},
    "test": {"relative_path": "settings.test"},
    "production": {"relative_path": "settings.production"},
}
_URLS = {"namespace": "puentes_practices", "regex": r"^", "relative_path": "urls"}


class PracticesConfig(AppConfig):
    name = "puentes_practices"
    verbose_name = "Puentes library of good practices"
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = {
        "url_config": {"lms.djangoapp": _URLS, "cms.djangoapp": _URLS},
        "settings_config": {"lms.djangoapp": _SETTINGS, "cms.djangoapp": _SETTINGS},
    }
