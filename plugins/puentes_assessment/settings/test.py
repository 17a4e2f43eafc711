"""Test environment: the common defaults (tests override single values with pytest-django's `settings`)."""
from . import common


def plugin_settings(settings):
    common.plugin_settings(settings)
