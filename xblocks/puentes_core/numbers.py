"""Numbers as people type and read them: in their own locale, read by Babel, never guessed.

Latin America writes one thousand five hundred and a half both as "1.500,5" (Argentina, Brazil,
Chile, Colombia…) and as "1,500.5" (Mexico, Central America, Peru…), in the same language. So:

- the reader's locale is the first of their browser's languages in the page's language that names a
  country ("es-CL"); only then is one convention certain;
- without a country ("es-419"), a text is read in every convention of that language across the
  Americas, and a text two conventions read differently ("1.500": 1500 or 1.5) is refused as
  ambiguous rather than guessed.

`read_number` is the one place the server turns typed text into a Decimal; bounds and precision
belong to the caller. Formatting (`format_number`, `format_money`) uses the same locale.
"""
import functools
import re
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.numbers import (
    NumberFormatError,
    format_currency,
    format_decimal,
    get_decimal_symbol,
    get_group_symbol,
    parse_decimal,
)
from django.utils.translation import gettext_noop

from .countries import AMERICAS
from .i18n import core_gettext as _

COUNTRY = re.compile(r"^[A-Z]{2}$")
SPACES = re.compile(r"[\s\u00a0\u202f]+")
NUMBER_CHARACTERS = re.compile(r"^[+-]?[\d.,'\s\u00a0\u202f\u2019]+$")   # no letters: Babel would take '1e5'


# Also sent to the browser (`browser_settings`), which fills the {placeholders} the same way.
INVALID = gettext_noop("“{text}” is not a number. Type it like this: {example}.")
AMBIGUOUS = gettext_noop("“{text}” can be read two ways. Type {first} or {second}, whichever you mean.")


class NumberError(ValueError):
    """Typed text that is not one number for this reader; the message says what to type instead."""


def _locale(tag):
    try:
        return Locale.parse(str(tag).replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def reader_locale(language, preferred=()):
    """The reader's Babel locale: the first preferred tag in `language` that names a country, else `language`.

    `language` is the page's language (Django's 'es-419'); `preferred` the browser's languages
    (navigator.languages, or Accept-Language) in order.
    """
    page = _locale(language or "en") or Locale("en")
    for tag in preferred or ():
        locale = _locale(tag)
        if locale and locale.language == page.language and COUNTRY.match(locale.territory or ""):
            return locale
    return page


def request_locale(request):
    """The reader's locale for a Django request: the active language and the browser's Accept-Language."""
    from django.utils.translation import get_language
    from django.utils.translation.trans_real import parse_accept_lang_header
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "") if request is not None else ""
    return reader_locale(get_language(), [tag for tag, _quality in parse_accept_lang_header(header)])


def locale_tag(locale):
    """'es_AR' -> 'es-AR', as the browser's Intl names it."""
    return str(locale).replace("_", "-")


@functools.cache
def conventions(locale_name):
    """The locales whose separators a reader in `locale_name` may be typing, one per distinct pair."""
    locale = _locale(locale_name)
    if COUNTRY.match(locale.territory or ""):
        return (locale,)
    found, seen = [locale], {_symbols(locale)}
    for country in AMERICAS:
        candidate = _locale(f"{locale.language}_{country}")
        if candidate and candidate.territory == country and _symbols(candidate) not in seen:
            seen.add(_symbols(candidate))
            found.append(candidate)
    return tuple(found)


def _symbols(locale):
    return get_decimal_symbol(locale), get_group_symbol(locale)


def _read_in(text, locale):
    decimal, group = _symbols(locale)
    if SPACES.fullmatch(group):
        text = SPACES.sub(group, text)   # any space typed where this convention groups with a space
    try:
        return parse_decimal(text, locale, strict=True)
    except NumberFormatError:
        return None


def read_number(value, locale):
    """The number in `value` (typed text, or a JSON number) for a reader in `locale`, as a Decimal.

    None for an empty value. NumberError when the text is no number in the reader's conventions, or
    when two of them read it differently.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise NumberError(_("Enter a number."))
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(str(value))
        if not number.is_finite():
            raise NumberError(_("Enter a number."))
        return number
    text = str(value).strip()
    locale = locale if isinstance(locale, Locale) else reader_locale(locale)
    readings = {}
    for convention in conventions(str(locale)) if NUMBER_CHARACTERS.match(text) else ():
        number = _read_in(text, convention)
        if number is not None and number.is_finite():
            readings.setdefault(number, convention)
    if len(readings) == 1:
        return next(iter(readings))
    if not readings:
        raise NumberError(_(INVALID).format(
            text=text, example=format_decimal(Decimal("1234.5"), locale=conventions(str(locale))[0])))
    first, second = sorted(readings)[:2]
    raise NumberError(_(AMBIGUOUS).format(
        text=text, first=plain_number(first, readings[first]), second=plain_number(second, readings[second])))


def plain_number(number, locale):
    """A number with no thousands separator, as a form field shows it so it reads back the same."""
    return format_decimal(number, locale=locale, group_separator=False, decimal_quantization=False)


def format_number(number, locale, decimals=2):
    """A number for reading: the reader's separators, at most `decimals` decimals."""
    if number is None:
        return ""
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return format_decimal(Decimal(str(number)), format=pattern, locale=locale)


def format_money(amount, currency, locale, whole=False):
    """An amount with its currency, the local way ('US$ 30.000,00', 'USD 30,000.00').

    whole: an amount without cents is written without them, in the locale's own pattern ('US$ 30.000')."""
    if amount is None:
        return ""
    amount = Decimal(str(amount))
    if whole and amount == amount.to_integral_value():
        pattern = Locale.parse(locale).currency_formats["standard"].pattern
        return format_currency(amount, currency or "USD", locale=locale, currency_digits=False,
                               format=re.sub(r"\.0+", "", pattern))
    return format_currency(amount, currency or "USD", locale=locale)


def browser_settings(language):
    """What numbers.js needs to read like `read_number`: the page's language, the conventions a reader
    without a country may type, and the two refusals in the page's language."""
    return {"language": locale_tag(reader_locale(language)),
            "conventions": [locale_tag(locale) for locale in conventions(str(reader_locale(language)))],
            "messages": {"invalid": _(INVALID), "ambiguous": _(AMBIGUOUS)}}
