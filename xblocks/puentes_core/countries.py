"""Countries as people choose them: names in the reader's language (Babel's CLDR data), ISO 3166-1
alpha-2 codes stored, the member states of the OAS first (the course's readers), then the world.

`is_country` is the server's check; `country_choices` what a select lists; `country_name` what a page
shows instead of a code.
"""
import functools
import unicodedata

from babel import Locale

# The member states of the Organization of American States.
AMERICAS = (
    "AG", "AR", "BS", "BB", "BZ", "BO", "BR", "CA", "CL", "CO", "CR", "CU", "DM", "DO", "EC", "SV",
    "GD", "GT", "GY", "HT", "HN", "JM", "MX", "NI", "PA", "PY", "PE", "KN", "LC", "VC", "SR", "TT",
    "US", "UY", "VE",
)
# CLDR names these too, but they are no ISO 3166-1 country: groupings, reserved and private-use codes.
NOT_COUNTRIES = {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"}


def _locale(language):
    try:
        return Locale.parse(str(language or "en").replace("-", "_"))
    except (ValueError, TypeError, LookupError):
        return Locale("en")


@functools.cache
def codes():
    territories = Locale("en").territories
    return frozenset(code for code in territories if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES)


def is_country(code):
    return isinstance(code, str) and code in codes()


def country_name(code, language):
    """The country's name in `language` ('GY' -> 'Guyana'), or the code itself if it is none."""
    return _names(str(language or "en")).get(code, code) if is_country(code) else (code or "")


@functools.cache
def _names(language):
    """CLDR's territory names in `language`, parsed once per language: a list of 100 rows names 100 countries."""
    return _locale(language).territories


def _sort_key(name):
    # Alphabetical as a reader expects: "Perú" between "Paraguay" and "Saint Kitts", not after "Z".
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


@functools.cache
def country_choices(language):
    """(americas, others): two lists of (code, name) in `language`, each in alphabetical order."""
    names = _locale(language).territories
    americas = sorted(((code, names.get(code, code)) for code in AMERICAS), key=lambda item: _sort_key(item[1]))
    others = sorted(((code, names.get(code, code)) for code in codes() - set(AMERICAS)),
                    key=lambda item: _sort_key(item[1]))
    return americas, others
