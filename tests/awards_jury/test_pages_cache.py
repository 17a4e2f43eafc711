"""The awards pages compile their templates once per process, also where the site's loaders do not cache (the LMS)."""
import pytest
from django.template import base

from puentes_awards import pages

UNCACHED = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": False,
    "OPTIONS": {"loaders": ["django.template.loaders.filesystem.Loader",
                            "django.template.loaders.app_directories.Loader"],
                "context_processors": ["django.template.context_processors.request",
                                       "django.contrib.auth.context_processors.auth",
                                       "django.contrib.messages.context_processors.messages",
                                       "django.template.context_processors.i18n"]},
}]


@pytest.fixture
def site_loaders_without_cache(settings):
    settings.TEMPLATES = UNCACHED
    pages._backend.cache_clear()
    yield
    pages._backend.cache_clear()


def test_results_page_compiles_its_templates_once(client, published, site_loaders_without_cache, monkeypatch):
    compiled = []
    original = base.Template.__init__
    monkeypatch.setattr(base.Template, "__init__",
                        lambda self, *args, **kwargs: compiled.append(args[0][:40]) or original(self, *args, **kwargs))
    first = client.get(f"/puentes_awards/results/{published.slug}/?lang=es")
    after_first = len(compiled)
    second = client.get(f"/puentes_awards/results/{published.slug}/?lang=es")
    assert first.status_code == second.status_code == 200
    assert after_first > 0 and len(compiled) == after_first, "the second render compiled nothing"
    assert "Primer premio" in second.content.decode()


def test_a_site_that_caches_already_is_used_as_it_is(settings):
    pages._backend.cache_clear()
    from django.template import engines
    assert pages._backend() is engines["django"]
    pages._backend.cache_clear()
