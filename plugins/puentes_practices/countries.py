"""Countries by ISO 3166-1 alpha-2 code, named in the reader's language (Babel's CLDR data)."""
from babel import Locale, UnknownLocaleError
from django.utils.translation import get_language, to_locale

# The Americas (OAS member states and the region's territories that took part), listed first in choices.
AMERICAS = ("AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT US "
            "UY VE AI AW BM BQ VG KY CW GF GP MQ MS PR BL MF SX TC VI").split()


def _locale(language=None):
    try:
        return Locale.parse(to_locale(language or get_language() or "en"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def name(code, language=None):
    return _locale(language).territories.get(str(code or "").upper(), str(code or ""))


def is_country(code):
    code = str(code or "").upper()
    return len(code) == 2 and code.isalpha() and code in Locale.parse("en").territories


def choices(language=None):
    """[(code, name)]: the Americas first, then the rest of the world, each alphabetical in the reader's language."""
    territories = _locale(language).territories
    countries = [(code, label) for code, label in territories.items() if len(code) == 2 and code.isalpha()
                 and code not in ("ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "XK")]
    americas = sorted((c for c in countries if c[0] in AMERICAS), key=lambda c: c[1])
    rest = sorted((c for c in countries if c[0] not in AMERICAS), key=lambda c: c[1])
    return americas + rest
