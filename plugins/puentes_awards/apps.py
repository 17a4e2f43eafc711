"""The awards plugin app, registered in the LMS and Studio the way openedx/sample-plugin does it."""
from django.apps import AppConfig

RECEIVER_UID = "puentes_awards.enter_finished_proposal"

_SETTINGS = {
    "common": {"relative_path": "settings.common"},
    "test": {"relative_path": "settings.test"},
    "production": {"relative_path": "settings.production"},
}
_URLS = {"namespace": "puentes_awards", "regex": r"^", "relative_path": "urls"}
_SIGNALS = {
    "relative_path": "receivers",
    "receivers": [{
        "receiver_func_name": "enter_finished_proposal",
        "signal_path": "puentes_proposals.signals.PROPOSAL_FINISHED",
        "dispatch_uid": RECEIVER_UID,
    }],
}


class AwardsConfig(AppConfig):
    name = "puentes_awards"
    verbose_name = "Puentes award competition"
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = {
        "url_config": {"lms.djangoapp": _URLS, "cms.djangoapp": _URLS},
        "settings_config": {"lms.djangoapp": _SETTINGS, "cms.djangoapp": _SETTINGS},
        "signals_config": {"lms.djangoapp": _SIGNALS, "cms.djangoapp": _SIGNALS},
    }

    def ready(self):
        from django.core import checks

        from .checks import delivery_settings
        checks.register(delivery_settings, checks.Tags.security)

        # The LMS connects signals_config itself; sites that don't (the demo) get the same receiver here.
        # The shared dispatch_uid keeps it connected once either way.
        from puentes_proposals.signals import PROPOSAL_FINISHED

        from . import tasks  # noqa: F401 - registers the tasks that outbox.dispatch names
        from .receivers import enter_finished_proposal
        PROPOSAL_FINISHED.connect(enter_finished_proposal, dispatch_uid=RECEIVER_UID)
