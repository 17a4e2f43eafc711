"""Production: the operator (the Tutor plugin) sets PUENTES_PRACTICES_* values; we only fill gaps."""
from . import common


def plugin_settings(settings):
    common.plugin_settings(settings)
