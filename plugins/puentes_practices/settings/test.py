"""Test settings: the common defaults."""
from . import common


def plugin_settings(settings):
    common.plugin_settings(settings)
