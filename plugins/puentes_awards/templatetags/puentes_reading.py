"""Template helpers for the awards pages: numbers, money and countries the way the reader reads them.

`{% load puentes_reading %}` then `{% money amount currency %}`, `{% number value %}` (both in the
reader's locale: the page's language and the browser's country, puentes_core.numbers) and
`{{ code|country_name }}` ('GY' -> 'Guyana' in the page's language).
"""
from django import template
from django.utils.translation import get_language

from puentes_core.countries import country_name as _country_name
from puentes_core.numbers import format_money, format_number, request_locale

register = template.Library()


@register.simple_tag(takes_context=True)
def money(context, amount, currency):
    return format_money(amount, currency, request_locale(context.get("request")))


@register.simple_tag(takes_context=True)
def number(context, value, decimals=2):
    return format_number(value, request_locale(context.get("request")), decimals)


@register.filter
def country_name(code):
    return _country_name(code, get_language())
