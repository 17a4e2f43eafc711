"""Errors at the field on the awards pages: `{% load puentes_forms %}`, then

- `{% error_summary form_errors %}` at the top of the form: how many problems, a link to each field;
- `{% invalid_attrs form_errors "seed" %}` inside the field's tag: aria-invalid, aria-describedby and,
  on the first field in error, autofocus (focus lands there without any script);
- `{% field_error form_errors "seed" %}` right after the field: the message beside it;
- `{% shared_css %}` in the page's head: puentes_core's errors.css and tables.css, the blocks' own styles.
"""
import functools
import importlib.resources

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

register = template.Library()


@functools.cache
def _css():
    folder = importlib.resources.files("puentes_core") / "static" / "css"
    return "\n".join((folder / name).read_text("utf-8") for name in ("errors.css", "tables.css"))


@register.simple_tag
def shared_css():
    return format_html("<style>{}</style>", mark_safe(_css()))   # our own files, no user input


@register.simple_tag
def error_summary(form_errors):
    if not form_errors:
        return ""
    title = ngettext("Fix %(count)s problem before going on:", "Fix %(count)s problems before going on:",
                     len(form_errors)) % {"count": len(form_errors)}
    items = format_html_join("", "<li>{}</li>", (
        (format_html('<a href="#{}">{}</a>', field, message) if field else message,) for field, message in form_errors))
    return format_html('<div class="pu-error-summary" role="alert"><p class="pu-error-summary-title">{}</p>'
                       "<ul>{}</ul></div>", title, items)


@register.simple_tag
def invalid_attrs(form_errors, *parts, described=""):
    """`described`: the field's own aria-describedby (its help text), kept after the error's id."""
    field = "".join(str(part) for part in parts)   # ids built in the template: "weight-" row.code
    if not form_errors or not form_errors.message(field):
        return format_html(' aria-describedby="{}"', described) if described else ""
    focus = " autofocus" if form_errors.first_field == field else ""
    return format_html(' aria-invalid="true" aria-describedby="{}"{}', f"error-{field} {described}".strip(),
                       mark_safe(focus))


@register.simple_tag
def field_error(form_errors, *parts):
    field = "".join(str(part) for part in parts)
    message = form_errors.message(field) if form_errors else ""
    if not message:
        return ""
    return format_html('<span class="pu-field-error" id="error-{}">{}</span>', field, message)
