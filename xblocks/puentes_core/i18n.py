"""Translation helpers for blocks: the runtime's `i18n` service for Python and templates, a compiled
catalogue per language for JavaScript.

Catalogues live in each block's package (`<module>/translations/<lang>/LC_MESSAGES/text.mo` and
`<module>/public/js/translations/<lang>/text.js`), built by `make translations`.
"""
import functools
import gettext
import importlib.resources

from django.utils import translation

# Open edX's locale codes for the languages we ship; everything else falls back to English.
SHIPPED = {"es": "es_419", "es-419": "es_419", "es_419": "es_419", "pt": "pt_BR", "pt-br": "pt_BR", "pt_br": "pt_BR"}


def shipped_locale(language_code):
    """The catalogue folder for a Django language code ('es-419' -> 'es_419'), or None for English."""
    code = (language_code or "").lower()
    return SHIPPED.get(code) or SHIPPED.get(code.split("-")[0])


@functools.cache
def _core_catalogue(locale):
    directory = importlib.resources.files("puentes_core") / "translations"
    return gettext.translation("text", str(directory), [locale], fallback=True)


def core_gettext(text):
    """puentes_core's own strings (the shared handlers' errors) in the active language.

    A block's i18n service reads only that block's catalogue, so the shared code ships and reads its own.
    """
    locale = shipped_locale(translation.get_language())
    return _core_catalogue(locale).gettext(text) if locale else text


class I18nMixin:
    """`ugettext` for a block, from the runtime's i18n service (the LMS's XBlockI18nService)."""

    def _i18n(self):
        return self.runtime.service(self, "i18n")

    def ugettext(self, text):
        return self._i18n().gettext(text)

    def ungettext(self, singular, plural, number):
        return self._i18n().ngettext(singular, plural, number)

    def js_catalog_url(self):
        """Where the browser gets this block's JavaScript strings in the active language, or None."""
        service = self._i18n()
        platform_url = getattr(service, "get_javascript_i18n_catalog_url", None)
        if platform_url:
            url = platform_url(self)
            if url:
                return url
        locale = shipped_locale(translation.get_language())
        if not locale:
            return None
        resource = f"public/js/translations/{locale}/text.js"
        package = getattr(type(self), "unmixed_class", type(self)).__module__.split(".")[0]
        if not importlib.resources.files(package).joinpath(resource).is_file():
            return None
        return self.runtime.local_resource_url(self, resource)
