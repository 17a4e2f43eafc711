"""puentes_core.numbers: typed numbers read in the reader's locale with Babel, ambiguity refused, not guessed."""
from decimal import Decimal

import pytest
from django.utils import translation

from puentes_core.numbers import (
    NumberError,
    browser_settings,
    conventions,
    format_money,
    format_number,
    plain_number,
    read_number,
    reader_locale,
)

ARGENTINA = reader_locale("es-419", ["es-AR"])
MEXICO = reader_locale("es-419", ["es-MX"])
BRAZIL = reader_locale("pt-br")


@pytest.mark.parametrize("typed, locale, expected", [
    ("1.500", ARGENTINA, Decimal("1500")),
    ("2.500,50", ARGENTINA, Decimal("2500.50")),
    ("1.234.567,89", ARGENTINA, Decimal("1234567.89")),
    ("1,5", ARGENTINA, Decimal("1.5")),
    ("-3,5", ARGENTINA, Decimal("-3.5")),
    ("1.500", BRAZIL, Decimal("1500")),
    ("2.500,50", BRAZIL, Decimal("2500.50")),
    ("10.501,50", BRAZIL, Decimal("10501.50")),
    ("1,500", MEXICO, Decimal("1500")),
    ("2,500.50", MEXICO, Decimal("2500.50")),
    ("1.5", MEXICO, Decimal("1.5")),
    (" 12 ", MEXICO, Decimal("12")),
    (1500, BRAZIL, Decimal("1500")),
    (2.5, BRAZIL, Decimal("2.5")),
    ("", BRAZIL, None),
    (None, BRAZIL, None),
])
def test_a_reader_with_a_country_types_their_own_way(typed, locale, expected):
    assert read_number(typed, locale) == expected


@pytest.mark.parametrize("typed, locale", [
    ("1.5", ARGENTINA), ("1.5", BRAZIL), ("2.500,50", MEXICO), ("1e5", MEXICO), ("abc", BRAZIL),
    ("1.2.3", BRAZIL), ("12,34,5", MEXICO), (True, BRAZIL), ("NaN", MEXICO), (float("inf"), BRAZIL),
])
def test_what_is_no_number_for_that_reader_is_refused_with_an_example(typed, locale):
    with pytest.raises(NumberError):
        read_number(typed, locale)


def test_the_refusal_shows_how_this_reader_writes_a_number():
    with translation.override("en"), pytest.raises(NumberError) as error:
        read_number("1.5", BRAZIL)
    assert "1.234,5" in str(error.value)


def test_without_a_country_every_american_convention_is_read_and_two_readings_are_refused():
    spanish = reader_locale("es-419", ["es-419", "en-US"])
    assert str(spanish) == "es_419"
    assert {str(locale) for locale in conventions(str(spanish))} >= {"es_419", "es_AR"}
    assert read_number("2.500,50", spanish) == Decimal("2500.50")   # only one convention reads it
    assert read_number("2,500.50", spanish) == Decimal("2500.50")
    assert read_number("1.500.000", spanish) == Decimal("1500000")
    assert read_number("1500", spanish) == Decimal("1500")
    with translation.override("en"), pytest.raises(NumberError) as error:
        read_number("1.500", spanish)                                # 1.5 in Mexico, 1500 in Chile
    assert "1.5" in str(error.value) and "1500" in str(error.value)
    with pytest.raises(NumberError):
        read_number("1,500", spanish)


def test_the_reader_locale_is_the_first_browser_language_of_the_page_language_with_a_country():
    assert str(reader_locale("es-419", ["en-US", "es-CL", "es-MX"])) == "es_CL"
    assert str(reader_locale("pt-br", ["es-AR", "pt"])) == "pt_BR"
    assert str(reader_locale("es-419", [None, "../../etc/passwd", {"x": 1}, "zz-ZZ"])) == "es_419"
    assert str(reader_locale("es-419", [])) == "es_419"
    assert str(reader_locale(None)) == "en"


def test_numbers_and_money_are_written_the_local_way():
    assert format_number(Decimal("10501.5"), BRAZIL) == "10.501,5"
    assert format_number(Decimal("10501.5"), MEXICO) == "10,501.5"
    assert plain_number(Decimal("2500.5"), ARGENTINA) == "2500,5"
    assert read_number(plain_number(Decimal("2500.5"), ARGENTINA), ARGENTINA) == Decimal("2500.5")
    assert format_money(30000, "USD", BRAZIL) == "US$\xa030.000,00"
    assert format_money(Decimal("30000"), "USD", MEXICO) == "USD\xa030,000.00".replace("\xa0", "")


def test_the_browser_gets_the_same_conventions_and_translated_refusals():
    with translation.override("es-419"):
        settings = browser_settings("es-419")
    assert settings["language"] == "es-419"
    assert "es-AR" in settings["conventions"]
    assert "{text}" in settings["messages"]["ambiguous"] and "{text}" in settings["messages"]["invalid"]
