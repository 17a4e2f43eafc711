"""Template filters that show the library's codes and numbers the reader's way (Babel, the reader's language)."""
from babel.dates import format_date
from babel.numbers import format_currency
from django import template
from django.utils import timezone
from django.utils.translation import get_language, to_locale

from .. import countries
from ..vocabulary import AWARDS, BUDGET_BAND_LABELS, GROUPS_SERVED, LANGUAGES, THEMATIC_AREAS

register = template.Library()


def _locale():
    return to_locale(get_language() or "en")


@register.filter
def country_name(code):
    return countries.name(code)


@register.filter
def area_label(code):
    return THEMATIC_AREAS.get(code, code)


@register.filter
def group_label(code):
    return GROUPS_SERVED.get(code, code)


@register.filter
def band_label(code):
    return BUDGET_BAND_LABELS.get(code, "")


@register.filter
def language_label(code):
    return LANGUAGES.get(code, code)


@register.filter
def award_label(code):
    return AWARDS.get(code, "")


@register.filter
def money(practice):
    if practice.budget_total is None:
        return ""
    return format_currency(practice.budget_total, practice.currency, locale=_locale())


@register.filter
def local_date(value):
    if not value:
        return ""
    return format_date(timezone.localtime(value).date(), format="long", locale=_locale())
