"""Production defaults: what the apps' plugin_settings give an LMS or Studio with the `production`
settings type (as edx-django-utils add_plugins runs them) turns on no debug or test behaviour."""
import re
import sys
import types

import pytest
from edx_django_utils.plugins import add_plugins

# What a development or test environment wants and a site must never get from a default.
DEBUG_NAMES = re.compile(r"DEBUG|EAGER|ALWAYS|TEST|FAKE|INSECURE|DEMO", re.IGNORECASE)
LOCAL_VALUES = re.compile(r"127\.0\.0\.1|localhost|\[::1\]|example\.(org|com)", re.IGNORECASE)


def production_settings(project_type, **preset):
    """The names and values the plugin apps add to an otherwise empty production settings module."""
    module = types.ModuleType("production_settings")
    module.__dict__.update(preset)
    before = set(vars(module))
    sys.modules["production_settings"] = module
    try:
        add_plugins("production_settings", project_type, "common")
        add_plugins("production_settings", project_type, "production")
    finally:
        del sys.modules["production_settings"]
    return {name: value for name, value in vars(module).items() if name not in before}


def flat_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from flat_strings(item)
    elif isinstance(value, (list, tuple, set)):
        for item in value:
            yield from flat_strings(item)


@pytest.mark.parametrize("project_type", ["lms.djangoapp", "cms.djangoapp"])
def test_production_defaults_turn_on_no_debug_behaviour(project_type):
    added = production_settings(project_type)
    assert added, "the plugin apps set no defaults at all"
    assert not [name for name in added if DEBUG_NAMES.search(name)]
    assert not [f"{name}={value!r}" for name, value in added.items()
                if any(LOCAL_VALUES.search(text) for text in flat_strings(value))]
    # Switches that reach outside the site are off until an operator turns them on.
    assert not [name for name, value in added.items() if value is True]
    # Shared secrets are never defaulted to something an attacker could know.
    assert not [name for name, value in added.items() if "SECRET" in name and value]


def test_production_settings_set_nothing_the_common_ones_do_not():
    """The `production` type may only read operator tokens; it adds no behaviour of its own."""
    module = types.ModuleType("common_settings")
    sys.modules["common_settings"] = module
    try:
        add_plugins("common_settings", "lms.djangoapp", "common")
    finally:
        del sys.modules["common_settings"]
    assert set(production_settings("lms.djangoapp")) == set(vars(module)) - {"__name__", "__doc__", "__package__",
                                                                                "__loader__", "__spec__"}
