"""The awards pages' templates, compiled once per process whatever loaders the site configures.

Django wraps an engine's loaders in its cached loader only when the site names none
(django/template/engine.py, `Engine.__init__`); the LMS names its own (lms/envs/common.py TEMPLATES:
the theming loader, then edx-platform's Mako-aware loaders), so there every render would compile its
template again. These pages render through a copy of the site's Django engine whose loaders sit inside the
cached loader: a theme's override is still found, once, and kept for the life of the process.
"""
import functools

from django.http import HttpResponse
from django.template import Engine, engines
from django.template.backends.django import DjangoTemplates

CACHED_LOADER = "django.template.loaders.cached.Loader"


def _is_cached(loaders):
    first = loaders[0] if loaders else None
    return isinstance(first, (list, tuple)) and first[0] == CACHED_LOADER


@functools.cache
def _backend():
    site = next(backend for backend in engines.all() if isinstance(backend, DjangoTemplates))
    engine = site.engine
    if _is_cached(engine.loaders):
        return site
    return DjangoTemplates({"NAME": "puentes_awards_pages", "DIRS": engine.dirs, "APP_DIRS": False, "OPTIONS": {
        "loaders": [(CACHED_LOADER, list(engine.loaders))],
        "context_processors": engine.context_processors, "debug": engine.debug,
        "libraries": engine.libraries, "autoescape": engine.autoescape,
        "builtins": [name for name in engine.builtins if name not in Engine.default_builtins],
        "string_if_invalid": engine.string_if_invalid, "file_charset": engine.file_charset}})


def render(request, template_name, context=None, status=None):
    """As django.shortcuts.render, through the cached engine."""
    return HttpResponse(_backend().get_template(template_name).render(context, request), status=status)
