"""Template helpers for the awards pages: numbers, money, moments and countries the way the reader reads them.

`{% load puentes_reading %}` then `{% money amount currency %}` (`whole=True`: a whole amount without its cents),
`{% number value %}` (both in the reader's locale: the page's language and the browser's country,
puentes_core.numbers), `{% moment value %}` (a date and time: written in UTC, saying so, and moved to the
reader's own zone by `{% local_times %}` at the end of the page), `{{ code|country_name }}`
('GY' -> 'Guyana' in the page's language).
"""
import functools
import importlib.resources
from datetime import UTC

from babel.dates import format_datetime
from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from puentes_core.countries import country_name as _country_name
from puentes_core.numbers import format_money, format_number, request_locale

register = template.Library()


@register.simple_tag(takes_context=True)
def money(context, amount, currency, whole=False):
    """whole=True: a whole amount without its cents ('US$ 30.000'), as prizes are announced."""
    return format_money(amount, currency, request_locale(context.get("request")), whole=whole)


@register.simple_tag(takes_context=True)
def number(context, value, decimals=2):
    return format_number(value, request_locale(context.get("request")), decimals)


@register.simple_tag(takes_context=True)
def moment(context, value):
    """A moment in the reader's locale, in UTC and saying so, inside <time datetime data-local>: the page's
    `{% local_times %}` rewrites it in the reader's zone (as the proposal page does); without script it stays UTC."""
    if value is None:
        return ""
    shown = format_datetime(value, "long", tzinfo=UTC, locale=request_locale(context.get("request")))
    return format_html('<time datetime="{}" data-local>{}</time>', value.astimezone(UTC).isoformat(), shown)


@functools.cache
def _numbers_js():
    return (importlib.resources.files("puentes_core") / "static" / "js" / "numbers.js").read_text("utf-8")


@register.simple_tag
def local_times():
    """In the page (a theme's base.html keeps it beside {% shared_css %}): every {% moment %} rewritten in the
    reader's own zone, naming it, by the puentes_core numbers.js the blocks use (the browser knows the zone)."""
    call = ('document.addEventListener("DOMContentLoaded", function () {'
            " PuentesNumbers.localTimes(document, PuentesNumbers.reader(document.documentElement.lang).tag); });")
    return format_html("<script>{}\n{}</script>", mark_safe(_numbers_js()), mark_safe(call))  # our own file


@register.filter
def country_name(code):
    return _country_name(code, get_language())
