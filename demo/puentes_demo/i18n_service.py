"""The XBlock `i18n` service as the LMS and Studio build it, per block (XBlockI18nService in
openedx-platform's xmodule/modulestore/django.py, with its helpers in xmodule/modulestore/api.py).

Where the platform looks, in order:
1. `REPO_ROOT/conf/plugins-locale/xblock.v1/<module>/`, domain `django`, whenever that folder
   exists — even empty, as atlas leaves it in a Tutor image for a module it found nothing for;
2. otherwise the package's own `<module>/translations/`, domain `text`.
It opens the catalogue for exactly `to_locale(get_language())` (gettext then also tries the bare
language) and, when there is none, falls back to Django's global translations. The JavaScript
catalogue URL is offered only when `STATICI18N_ROOT/js/xblock.v1-i18n/<module>/<locale>.js` exists.
"""
import gettext
import importlib.resources
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.utils import translation


def _module_of(block):
    return getattr(type(block), "unmixed_class", type(block)).__module__.split(".")[0]


def _locale():
    return translation.to_locale(translation.get_language() or settings.LANGUAGE_CODE)


def python_locale(block):
    """(domain, folder) where the platform looks for the block's Python catalogue."""
    module = _module_of(block)
    pulled = Path(settings.REPO_ROOT) / "conf" / "plugins-locale" / "xblock.v1" / module
    if pulled.is_dir():
        return "django", pulled
    return "text", importlib.resources.files(module) / "translations"


class XBlockI18nService:
    """The block's catalogue for the active language, or Django's translations when there is none."""

    def __init__(self, block):
        self.translator = translation
        domain, folder = python_locale(block)
        try:
            self.translator = gettext.translation(domain, str(folder), [_locale()])
        except OSError:
            pass  # as the platform: no catalogue for this block and language

    def get_javascript_i18n_catalog_url(self, block):
        relative = f"js/xblock.v1-i18n/{_module_of(block)}/{_locale()}.js"
        if (Path(settings.STATICI18N_ROOT) / relative).exists():
            return staticfiles_storage.url(relative)
        return None

    def __getattr__(self, name):
        return getattr(self.translator, "gettext" if name == "ugettext" else name)
