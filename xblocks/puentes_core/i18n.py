"""Translation helpers for blocks: each block's catalogue for Python and templates, a compiled
catalogue per language for JavaScript.

Catalogues live in each block's package (`<module>/translations/<lang>/LC_MESSAGES/text.mo` and
`<module>/public/js/translations/<lang>/text.js`), built by `make translations`.

The platform's i18n service prefers `conf/plugins-locale/xblock.v1/<module>` whenever that folder
exists, and a Tutor image always has it, empty unless atlas found a catalogue for the module; with no
catalogue there it falls back to Django's global one, which lacks our strings. So a block uses the
service's catalogue only when the service found one, and otherwise reads the catalogue it ships.
"""
import functools
import gettext
import importlib.resources

from django.utils import translation

# The catalogues we ship; every Spanish or Portuguese the platform may hand over reads one of them
# (the LMS offers es-419, es-ar, es-ec, es-es, es-mx, es-pe, pt-br, pt-pt); English needs none.
SHIPPED_BY_LANGUAGE = {"es": "es_419", "pt": "pt_BR"}


def shipped_locale(language_code):
    """The catalogue folder for a Django language code in any spelling ('es-MX', 'pt_PT', 'es'), or None."""
    language = (language_code or "").replace("_", "-").split("-")[0].lower()
    return SHIPPED_BY_LANGUAGE.get(language)


def package_of(block):
    """The top-level package that defines the block's class (runtimes mix the class into others)."""
    return getattr(type(block), "unmixed_class", type(block)).__module__.split(".")[0]


@functools.cache
def shipped_catalogue(package, locale):
    """`package`'s own compiled catalogue for `locale` (English, i.e. no translation, if it has none)."""
    if not locale:
        return gettext.NullTranslations()
    directory = importlib.resources.files(package) / "translations"
    return gettext.translation("text", str(directory), [locale], fallback=True)


def core_gettext(text):
    """puentes_core's own strings (the shared handlers' errors) in the active language.

    A block's catalogue holds only that block's strings, so the shared code ships and reads its own.
    """
    return shipped_catalogue("puentes_core", shipped_locale(translation.get_language())).gettext(text)


def block_service(block):
    """The runtime's i18n service for `block`, kept on the block for the active language: the LMS builds a
    new one (reading the locale folders) on every `runtime.service` call, and a page asks for dozens of
    strings. A block lives for one request."""
    language = translation.get_language()
    kept = block.__dict__.get("_puentes_i18n")
    if kept is None or kept[0] != language:
        kept = block.__dict__["_puentes_i18n"] = (language, block.runtime.service(block, "i18n"))
    return kept[1]


def block_catalogue(block):
    """The gettext catalogue `block` speaks in the active language.

    The runtime's i18n service when it found a catalogue for the block (a `_catalog`, the mark Django's
    translations and XBlock's `{% trans %}` merge on): an operator's or atlas's catalogue wins.
    Otherwise the one the block ships, for whatever spelling of Spanish or Portuguese is active.
    """
    service = block_service(block)
    if getattr(service, "_catalog", None):
        return service
    return shipped_catalogue(package_of(block), shipped_locale(translation.get_language()))


def core_ngettext(singular, plural, number):
    """Plural forms of puentes_core's own strings, like core_gettext."""
    return shipped_catalogue("puentes_core", shipped_locale(translation.get_language())).ngettext(
        singular, plural, number)


class I18nMixin:
    """`ugettext` for a block, from its catalogue (block_catalogue)."""

    def ugettext(self, text):
        return block_catalogue(self).gettext(text)

    def ungettext(self, singular, plural, number):
        return block_catalogue(self).ngettext(singular, plural, number)

    def js_catalog_url(self):
        """Where the browser gets this block's JavaScript strings in the active language, or None."""
        service = block_service(self)
        platform_url = getattr(service, "get_javascript_i18n_catalog_url", None)
        if platform_url:
            url = platform_url(self)
            if url:
                return url
        locale = shipped_locale(translation.get_language())
        if not locale:
            return None
        resource = f"public/js/translations/{locale}/text.js"
        if not importlib.resources.files(package_of(self)).joinpath(resource).is_file():
            return None
        return self.runtime.local_resource_url(self, resource)
