"""Production: the operator (the Tutor plugin) sets the PUENTES_AWARDS_* values; we only fill gaps."""
from . import common


def plugin_settings(settings):
    common.plugin_settings(settings)
