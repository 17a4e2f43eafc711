"""Numbers as the reader writes them (Babel, the active language's locale); a suppressed figure as a dash."""
from babel.numbers import format_decimal, format_percent
from django import template
from django.utils import translation

register = template.Library()


def _locale():
    return translation.to_locale(translation.get_language() or "en")


@register.filter
def num(value, digits=0):
    if value is None:
        return "—"
    return format_decimal(round(value, int(digits)), format="#,##0" + ("." + "0" * int(digits) if int(digits) else ""),
                          locale=_locale())


@register.filter
def pct(value):
    """A share out of 100 -> '42 %' / '42%' as the locale writes it."""
    return "—" if value is None else format_percent(value / 100.0, locale=_locale())


@register.filter
def signed(value):
    """A change in points: '+12' or '−3', in the locale's digits."""
    if value is None:
        return "—"
    text = format_decimal(round(abs(value)), locale=_locale())
    return ("+" if value >= 0 else "−") + text


@register.filter
def get_chart(charts, code):
    return charts.get(code, "")
