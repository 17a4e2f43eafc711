"""Defaults for every environment. Set only what nobody else set (operators and other plugins win)."""

DEFAULTS = {
    # A figure drawn from fewer municipalities than this is not shown in any page or export.
    "PUENTES_ASSESSMENT_MIN_MUNICIPALITIES": 5,
    "PUENTES_ASSESSMENT_REPORT_STORAGE": "default",  # a STORAGES alias for the built reports
}


def plugin_settings(settings):
    for name, value in DEFAULTS.items():
        if not hasattr(settings, name):
            setattr(settings, name, value)
