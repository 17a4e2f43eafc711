"""The plugin apps load as the LMS and Studio load them: entry points, settings types, URLs."""
import types

import pytest
from django.urls import get_resolver
from edx_django_utils.plugins import add_plugins, get_plugin_apps

PLUGIN_APPS = {"puentes_proposals", "puentes_awards"}
PROJECT_TYPES = ("lms.djangoapp", "cms.djangoapp")
SETTINGS_TYPES = ("common", "test", "production")


@pytest.mark.parametrize("project_type", PROJECT_TYPES)
def test_entry_points_name_both_apps(project_type):
    assert PLUGIN_APPS <= {app.split(".")[0] for app in get_plugin_apps(project_type)}


def _settings_module(**preset):
    module = types.ModuleType("fake_settings")
    module.__dict__.update(preset)
    return module


@pytest.mark.parametrize("project_type", PROJECT_TYPES)
@pytest.mark.parametrize("settings_type", SETTINGS_TYPES)
def test_plugin_settings_load_for_every_settings_type(project_type, settings_type, monkeypatch):
    import sys
    module = _settings_module()
    monkeypatch.setitem(sys.modules, "fake_settings", module)
    add_plugins("fake_settings", project_type, "common")
    if settings_type != "common":
        add_plugins("fake_settings", project_type, settings_type)
    assert module.PUENTES_ATTACHMENT_MAX_BYTES > 0
    assert module.PUENTES_CLAIM_LEASE_HOURS == 8


def test_plugin_settings_never_clobber_what_others_set(monkeypatch):
    import sys
    queues = {"other_plugin.tasks.work": {"queue": "edx.lms.core.default"}}
    module = _settings_module(PUENTES_ATTACHMENT_MAX_BYTES=1234, PUENTES_AWARDS_DELIVERY_URL="https://awards.example",
                              EXPLICIT_QUEUES=queues, PUENTES_CLAIM_LEASE_HOURS=2)
    monkeypatch.setitem(sys.modules, "fake_settings", module)
    for settings_type in SETTINGS_TYPES:
        add_plugins("fake_settings", "lms.djangoapp", settings_type)
    assert module.PUENTES_ATTACHMENT_MAX_BYTES == 1234
    assert module.PUENTES_AWARDS_DELIVERY_URL == "https://awards.example"
    assert module.PUENTES_CLAIM_LEASE_HOURS == 2
    assert module.EXPLICIT_QUEUES["other_plugin.tasks.work"] == {"queue": "edx.lms.core.default"}


def test_url_namespaces_resolve():
    namespaces = set(get_resolver().namespace_dict)
    assert PLUGIN_APPS <= namespaces
