"""The proposal form's fieldsets, one per section, and the empty rows its script adds, built in Python.

A template loop over 15 sections runs ~630 template nodes per page, 40 % of the page's time (issue 19);
these functions write the same markup (byte for byte: tests/proposals/test_section_fields.py renders both)
with the escaping Django's template gives it: every value through `shown` (localized, then escaped), the
block's words from its catalogue (puentes_core.template_i18n.translate, as the page's `{% trans %}` tags),
inserted as they are, as `{% trans "…" %}` inserts them; values inside a sentence escaped, as
`{% blocktrans %}` does. `_` and `ngettext` are the names `make translations` extracts.
"""
import html

from django.template.defaultfilters import filesizeformat, linebreaksbr
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from puentes_core.template_i18n import translate
from puentes_proposals import sections


def shown(value):
    """`{{ value }}` in an autoescaped template: localized, as text, escaped."""
    if type(value) is str:  # most values: plain text, which localize leaves as it is (escape is html.escape)
        return html.escape(value)
    value = localize(value)
    return conditional_escape(value if isinstance(value, str) else str(value))


def unlocalized(value):
    """`{{ value|default_if_none:''|unlocalize }}`: the number as code writes it, for data-number."""
    return "" if value is None else conditional_escape(str(localize(value, use_l10n=False)))


def phrasebook(catalogue):
    """(`_`, `ngettext`) answering from the block's `catalogue`; keyword values are escaped into the sentence."""

    def fill(text, source, values):
        escaped = {name: shown(value) for name, value in values.items()}
        try:
            return text % escaped if values else text
        except (KeyError, ValueError):  # a broken translation: the source sentence, as {% blocktrans %} falls back
            return source % escaped

    def gettext(text, **values):
        return fill(translate(catalogue, text), text, values)

    def ngettext(singular, plural, count, **values):
        values["n"] = count
        return fill(translate(catalogue, singular, plural, count), singular if count == 1 else plural, values)

    return gettext, ngettext


def page_words(_, currency):
    """The form's fixed words, translated once per render (outside f-strings, where `make translations` finds
    them)."""
    return {
        "item": _("Item"), "quantity": _("Quantity"), "unit_cost_in": _("Unit cost (%(currency)s)", currency=currency),
        "unit_cost": _("Unit cost"), "subtotal": _("Subtotal"), "remove": _("Remove"), "total": _("Total"),
        "add_line": _("Add a budget line"), "indicator": _("Indicator"), "baseline": _("Baseline"),
        "target": _("Target"), "source": _("Source of data"), "add_indicator": _("Add an indicator"),
        "formatting": _("Formatting"), "bold": _("Bold"), "italic": _("Italic"), "bulleted": _("Bulleted list"),
        "start": _("Start"), "end": _("End"), "choose": _("Choose…"), "add_file": _("Add a file"),
        "tutor": _("Tutor:"), "required": _("required"),
    }


def _budget_row(w, row=None):
    """A budget line's cells; without `row`, the empty line the script adds."""
    item = quantity = unit_cost = ""
    if row is not None:
        item = f' value="{shown(row.get("item", ""))}"'
        quantity = (f' value="{shown(row.get("quantity_text", ""))}"'
                    f' data-number="{unlocalized(row.get("quantity"))}"')
        unit_cost = (f' value="{shown(row.get("unit_cost_text", ""))}"'
                     f' data-number="{unlocalized(row.get("unit_cost"))}"')
    return (f'<tr><td data-label="{w["item"]}"><input data-field="item" aria-label="{w["item"]}"{item}></td>'
            f'<td data-label="{w["quantity"]}"><input data-field="quantity" inputmode="decimal" '
            f'aria-label="{w["quantity"]}"{quantity}></td>'
            f'<td data-label="{w["unit_cost_in"]}"><input data-field="unit_cost" '
            f'inputmode="decimal" aria-label="{w["unit_cost"]}"{unit_cost}></td>'
            f'<td class="pp-subtotal" data-label="{w["subtotal"]}"></td>'
            f'<td><button type="button" class="pp-remove-row">{w["remove"]}</button></td></tr>')


INDICATOR_FIELDS = ("name", "baseline", "target", "source")


def _indicator_row(w, row=None):
    """An indicator's cells; without `row`, the empty line the script adds."""
    labels = (w["indicator"], w["baseline"], w["target"], w["source"])
    cells = "".join(
        f'<td data-label="{label}"><input data-field="{field}" aria-label="{label}"'
        + ("" if row is None else f' value="{shown(row.get(field, ""))}"') + "></td>"
        for field, label in zip(INDICATOR_FIELDS, labels, strict=True))
    return f'<tr>{cells}<td><button type="button" class="pp-remove-row">{w["remove"]}</button></td></tr>'


def _short_text(section, form):
    return (f'\n        <input class="pp-input" aria-label="{shown(section["title"])}" '
            f'aria-describedby="pp-help-{shown(section["id"])}" maxlength="300" '
            f'value="{shown(section["value"] or "")}">\n      ')


def _long_text(section, form):
    w = form.words
    _, ngettext = form.gettext, form.ngettext
    sid = shown(section["id"])
    minimum, maximum = section.get("min_words"), section.get("max_words")
    limits = ""
    if minimum or maximum:
        limits = " (" + (_("at least %(n)s", n=minimum) if minimum else "") + (", " if minimum and maximum else "") \
            + (_("at most %(n)s", n=maximum) if maximum else "") + ")"
    count = ngettext("%(n)s word", "%(n)s words", section["words"])
    return (f'\n        <div class="pp-toolbar" role="toolbar" aria-label="{w["formatting"]}">\n'
            f'          <button type="button" data-command="bold" aria-label="{w["bold"]}"><b>B</b></button>\n'
            f'          <button type="button" data-command="italic" aria-label="{w["italic"]}"><i>I</i></button>\n'
            f'          <button type="button" data-command="insertUnorderedList" '
            f'aria-label="{w["bulleted"]}">•</button>\n'
            f'        </div>\n'
            f'        <div class="pp-rich" role="textbox" aria-multiline="true" tabindex="0" '
            f'aria-label="{shown(section["title"])}" aria-describedby="pp-help-{sid} pp-words-{sid}"'
            + (' contenteditable="true"' if form.editable else "")
            # Rich text is cleaned when it is saved (drafting.save_answers → sections.clean): shown as stored.
            + f'>{section["value"] or ""}</div>\n'
            f'        <p class="pp-words" id="pp-words-{sid}"><span class="pp-word-count" aria-live="polite">'
            f'{count}</span>{limits}</p>\n      ')


def _number(section, form):
    money = section["type"] == sections.MONEY
    return (f'\n        <input class="pp-input" inputmode="decimal" aria-label="{shown(section["title"])}'
            + (f' ({shown(form.currency)})' if money else "")
            + f'" value="{shown(section.get("text", ""))}" data-number="{unlocalized(section["value"])}">'
            + (f' <span>{shown(form.currency)}</span>' if money else "") + "\n      ")


def _date_range(section, form):
    w = form.words
    return (f'\n        <label>{w["start"]} <input type="date" class="pp-start" value="{shown(section["start"])}">'
            f'</label>\n        <label>{w["end"]} <input type="date" class="pp-end" value="{shown(section["end"])}">'
            f'</label>\n      ')


def _choice(section, form):
    w = form.words
    options = "".join(
        f'<option value="{shown(choice.get("value", ""))}"'
        + (" selected" if choice.get("value") == section["value"] else "")
        + f'>{shown(choice.get("label", ""))}</option>' for choice in section.get("choices", []))
    return (f'\n        <select class="pp-input" aria-label="{shown(section["title"])}">\n'
            f'          <option value="">{w["choose"]}</option>\n'
            f'          {options}\n        </select>\n      ')


def _rows_table(section, form, kind, columns, rows, add_label, foot=""):
    """A budget's or indicators' editable rows: a captioned table, its column headings, a button adding a row."""
    w = form.words
    headings = "".join(f'<th scope="col">{w[column]}</th>' for column in columns)
    return (f'\n        <table class="pp-table pp-rows" data-kind="{kind}"><caption class="pp-sr">'
            f'{shown(section["title"])}</caption>\n'
            f'          <thead><tr>{headings}<th scope="col"><span class="pp-sr">{w["remove"]}</span></th>'
            f'</tr></thead>\n'
            f'          <tbody>{rows}</tbody>\n'
            f'{foot}'
            f'        </table>\n'
            f'        <button type="button" class="pp-add-row">{w[add_label]}</button>\n      ')


def _budget(section, form):
    w = form.words
    total = conditional_escape(str(localize(section["total"], use_l10n=False)))
    foot = (f'          <tfoot><tr><th scope="row" colspan="3">{w["total"]}</th><td class="pp-total" colspan="2" '
            f'aria-live="polite" data-number="{total}">{shown(section["total_text"])}</td></tr></tfoot>\n')
    return _rows_table(section, form, "budget", ("item", "quantity", "unit_cost_in", "subtotal"),
                       "".join(_budget_row(w, row) for row in section["rows"]), "add_line", foot)


def _indicators(section, form):
    return _rows_table(section, form, "indicators", ("indicator", "baseline", "target", "source"),
                       "".join(_indicator_row(form.words, row) for row in section["rows"]), "add_indicator")


ACCEPTED_FILES = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.odt,.xls,.xlsx,.ods,.csv,.txt"


def _attachments(section, form):
    w = form.words
    _ = form.gettext
    named = [(file, _("Remove %(name)s", name=file.name)) for file in section["files"]]
    files = "".join(
        f'<li data-id="{shown(file.attachment_id)}"><a href="#" class="pp-file" data-id="{shown(file.attachment_id)}">'
        f'{shown(file.name)}</a> <span>({conditional_escape(filesizeformat(file.size))})</span> '
        f'<button type="button" class="pp-remove-file" aria-label="{remove}">{w["remove"]}</button></li>'
        for file, remove in named)
    return (f'\n        <ul class="pp-files">{files}</ul>\n'
            f'        <label>{w["add_file"]} <input type="file" class="pp-upload" accept="{ACCEPTED_FILES}">'
            f'</label>\n      ')


KINDS = {
    sections.SHORT_TEXT: _short_text, sections.LONG_TEXT: _long_text, sections.NUMBER: _number,
    sections.MONEY: _number, sections.DATE_RANGE: _date_range, sections.CHOICE: _choice,
    sections.BUDGET: _budget, sections.INDICATORS: _indicators, sections.ATTACHMENTS: _attachments,
}


class Form:
    """What the fieldsets of one render share: the block's words in the reader's language, the currency, and
    whether the team may edit."""

    def __init__(self, catalogue, editable, currency):
        self.gettext, self.ngettext = phrasebook(catalogue)
        self.words = page_words(self.gettext, currency)
        self.editable, self.currency = editable, currency


def _fieldset(number, section, form):
    w = form.words
    sid = shown(section["id"])
    minimum, maximum = section.get("min_words"), section.get("max_words")
    kind = KINDS.get(section["type"])
    comments = "".join(f'<p class="pp-tutor-comment"><strong>{w["tutor"]}</strong> '
                       f'{linebreaksbr(comment, autoescape=True)}</p>' for comment in section["comments"])
    return (f'\n    <fieldset class="pp-section" data-section="{sid}" data-type="{shown(section["type"])}"'
            + (f' data-min-words="{shown(minimum)}"' if minimum else "")
            + (f' data-max-words="{shown(maximum)}"' if maximum else "")
            + ("" if form.editable else " disabled")
            + f'>\n      <legend>{shown(number)}. {shown(section["title"])}'
            + (f' <span class="pp-required">({w["required"]})</span>' if section.get("required") else "")
            + "</legend>\n      "
            + (f'<p class="pp-help" id="pp-help-{sid}">{shown(section["help"])}</p>' if section.get("help") else "")
            + "\n      " + (kind(section, form) if kind else "")
            + f'\n      <div class="pp-conflict" hidden></div>\n      {comments}\n    </fieldset>\n    ')


def section_fieldsets(section_views, catalogue, editable, currency):
    """The form's fieldsets for `section_views` (ProposalBlock._section_view's dicts), in order."""
    form = Form(catalogue, editable, currency)
    return SafeString("".join(_fieldset(number, section, form) for number, section in enumerate(section_views, 1)))


def empty_rows(catalogue, currency):
    """The `<template>`s holding an empty budget line and an empty indicator, which the script copies."""
    words = Form(catalogue, True, currency).words
    return SafeString(f'<template class="pp-row-budget">{_budget_row(words)}</template>\n'
                      f'  <template class="pp-row-indicators">{_indicator_row(words)}</template>')
