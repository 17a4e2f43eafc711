"""Production: the operator (the Tutor plugin) sets values in ENV_TOKENS; the common defaults fill the rest."""
from . import common


def plugin_settings(settings):
    tokens = getattr(settings, "ENV_TOKENS", {}) or {}
    for name in common.DEFAULTS:
        if name in tokens and not hasattr(settings, name):
            setattr(settings, name, tokens[name])
    common.plugin_settings(settings)
