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

    words = {}  # a page asks for the same few words ~130 times

    def gettext(text, **values):
        if values:
            return fill(translate(catalogue, text), text, values)
        if text not in words:
            words[text] = translate(catalogue, text)
        return words[text]

    def ngettext(singular, plural, count, **values):
        values["n"] = count
        return fill(translate(catalogue, singular, plural, count), singular if count == 1 else plural, values)

    return gettext, ngettext


def _budget_row(_, currency, row=None):
    """A budget line's cells; without `row`, the empty line the script adds."""
    item = quantity = unit_cost = ""
    if row is not None:
        item = f' value="{shown(row.get("item", ""))}"'
        quantity = (f' value="{shown(row.get("quantity_text", ""))}"'
                    f' data-number="{unlocalized(row.get("quantity"))}"')
        unit_cost = (f' value="{shown(row.get("unit_cost_text", ""))}"'
                     f' data-number="{unlocalized(row.get("unit_cost"))}"')
    return (f'<tr><td data-label="{_("Item")}"><input data-field="item" aria-label="{_("Item")}"{item}></td>'
            f'<td data-label="{_("Quantity")}"><input data-field="quantity" inputmode="decimal" '
            f'aria-label="{_("Quantity")}"{quantity}></td>'
            f'<td data-label="{_("Unit cost (%(currency)s)", currency=currency)}"><input data-field="unit_cost" '
            f'inputmode="decimal" aria-label="{_("Unit cost")}"{unit_cost}></td>'
            f'<td class="pp-subtotal" data-label="{_("Subtotal")}"></td>'
            f'<td><button type="button" class="pp-remove-row">{_("Remove")}</button></td></tr>')


INDICATOR_FIELDS = ("name", "baseline", "target", "source")


def _indicator_row(_, row=None):
    """An indicator's cells; without `row`, the empty line the script adds."""
    labels = (_("Indicator"), _("Baseline"), _("Target"), _("Source of data"))
    cells = "".join(
        f'<td data-label="{label}"><input data-field="{field}" aria-label="{label}"'
        + ("" if row is None else f' value="{shown(row.get(field, ""))}"') + "></td>"
        for field, label in zip(INDICATOR_FIELDS, labels, strict=True))
    return f'<tr>{cells}<td><button type="button" class="pp-remove-row">{_("Remove")}</button></td></tr>'


def _short_text(section, _, ngettext, editable, currency):
    return (f'\n        <input class="pp-input" aria-label="{shown(section["title"])}" '
            f'aria-describedby="pp-help-{shown(section["id"])}" maxlength="300" '
            f'value="{shown(section["value"] or "")}">\n      ')


def _long_text(section, _, ngettext, editable, currency):
    sid = shown(section["id"])
    minimum, maximum = section.get("min_words"), section.get("max_words")
    limits = ""
    if minimum or maximum:
        limits = " (" + (_("at least %(n)s", n=minimum) if minimum else "") + (", " if minimum and maximum else "") \
            + (_("at most %(n)s", n=maximum) if maximum else "") + ")"
    return (f'\n        <div class="pp-toolbar" role="toolbar" aria-label="{_("Formatting")}">\n'
            f'          <button type="button" data-command="bold" aria-label="{_("Bold")}"><b>B</b></button>\n'
            f'          <button type="button" data-command="italic" aria-label="{_("Italic")}"><i>I</i></button>\n'
            f'          <button type="button" data-command="insertUnorderedList" '
            f'aria-label="{_("Bulleted list")}">•</button>\n'
            f'        </div>\n'
            f'        <div class="pp-rich" role="textbox" aria-multiline="true" tabindex="0" '
            f'aria-label="{shown(section["title"])}" aria-describedby="pp-help-{sid} pp-words-{sid}"'
            + (' contenteditable="true"' if editable else "")
            # Rich text is cleaned when it is saved (drafting.save_answers → sections.clean): shown as stored.
            + f'>{section["value"] or ""}</div>\n'
            f'        <p class="pp-words" id="pp-words-{sid}"><span class="pp-word-count" aria-live="polite">'
            f'{ngettext("%(n)s word", "%(n)s words", section["words"])}</span>{limits}</p>\n      ')


def _number(section, _, ngettext, editable, currency):
    money = section["type"] == sections.MONEY
    return (f'\n        <input class="pp-input" inputmode="decimal" aria-label="{shown(section["title"])}'
            + (f' ({shown(currency)})' if money else "")
            + f'" value="{shown(section.get("text", ""))}" data-number="{unlocalized(section["value"])}">'
            + (f' <span>{shown(currency)}</span>' if money else "") + "\n      ")


def _date_range(section, _, ngettext, editable, currency):
    return (f'\n        <label>{_("Start")} <input type="date" class="pp-start" value="{shown(section["start"])}">'
            f'</label>\n        <label>{_("End")} <input type="date" class="pp-end" value="{shown(section["end"])}">'
            f'</label>\n      ')


def _choice(section, _, ngettext, editable, currency):
    options = "".join(
        f'<option value="{shown(choice.get("value", ""))}"'
        + (" selected" if choice.get("value") == section["value"] else "")
        + f'>{shown(choice.get("label", ""))}</option>' for choice in section.get("choices", []))
    return (f'\n        <select class="pp-input" aria-label="{shown(section["title"])}">\n'
            f'          <option value="">{_("Choose…")}</option>\n'
            f'          {options}\n        </select>\n      ')


def _budget(section, _, ngettext, editable, currency):
    rows = "".join(_budget_row(_, currency, row) for row in section["rows"])
    return (f'\n        <table class="pp-table pp-rows" data-kind="budget"><caption class="pp-sr">'
            f'{shown(section["title"])}</caption>\n'
            f'          <thead><tr><th scope="col">{_("Item")}</th><th scope="col">{_("Quantity")}</th>'
            f'<th scope="col">{_("Unit cost (%(currency)s)", currency=currency)}</th>'
            f'<th scope="col">{_("Subtotal")}</th><th scope="col"><span class="pp-sr">{_("Remove")}</span></th>'
            f'</tr></thead>\n'
            f'          <tbody>{rows}</tbody>\n'
            f'          <tfoot><tr><th scope="row" colspan="3">{_("Total")}</th><td class="pp-total" colspan="2" '
            f'aria-live="polite" data-number="{conditional_escape(str(localize(section["total"], use_l10n=False)))}">'
            f'{shown(section["total_text"])}</td></tr></tfoot>\n'
            f'        </table>\n'
            f'        <button type="button" class="pp-add-row">{_("Add a budget line")}</button>\n      ')


def _indicators(section, _, ngettext, editable, currency):
    rows = "".join(_indicator_row(_, row) for row in section["rows"])
    return (f'\n        <table class="pp-table pp-rows" data-kind="indicators"><caption class="pp-sr">'
            f'{shown(section["title"])}</caption>\n'
            f'          <thead><tr><th scope="col">{_("Indicator")}</th><th scope="col">{_("Baseline")}</th>'
            f'<th scope="col">{_("Target")}</th><th scope="col">{_("Source of data")}</th>'
            f'<th scope="col"><span class="pp-sr">{_("Remove")}</span></th></tr></thead>\n'
            f'          <tbody>{rows}</tbody>\n'
            f'        </table>\n'
            f'        <button type="button" class="pp-add-row">{_("Add an indicator")}</button>\n      ')


ACCEPTED_FILES = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.odt,.xls,.xlsx,.ods,.csv,.txt"


def _attachments(section, _, ngettext, editable, currency):
    files = "".join(
        f'<li data-id="{shown(file.attachment_id)}"><a href="#" class="pp-file" data-id="{shown(file.attachment_id)}">'
        f'{shown(file.name)}</a> <span>({conditional_escape(filesizeformat(file.size))})</span> '
        f'<button type="button" class="pp-remove-file" aria-label="{_("Remove %(name)s", name=file.name)}">'
        f'{_("Remove")}</button></li>' for file in section["files"])
    return (f'\n        <ul class="pp-files">{files}</ul>\n'
            f'        <label>{_("Add a file")} <input type="file" class="pp-upload" accept="{ACCEPTED_FILES}">'
            f'</label>\n      ')


KINDS = {
    sections.SHORT_TEXT: _short_text, sections.LONG_TEXT: _long_text, sections.NUMBER: _number,
    sections.MONEY: _number, sections.DATE_RANGE: _date_range, sections.CHOICE: _choice,
    sections.BUDGET: _budget, sections.INDICATORS: _indicators, sections.ATTACHMENTS: _attachments,
}


def _fieldset(number, section, _, ngettext, editable, currency):
    sid = shown(section["id"])
    minimum, maximum = section.get("min_words"), section.get("max_words")
    kind = KINDS.get(section["type"])
    comments = "".join(f'<p class="pp-tutor-comment"><strong>{_("Tutor:")}</strong> '
                       f'{linebreaksbr(comment, autoescape=True)}</p>' for comment in section["comments"])
    return (f'\n    <fieldset class="pp-section" data-section="{sid}" data-type="{shown(section["type"])}"'
            + (f' data-min-words="{shown(minimum)}"' if minimum else "")
            + (f' data-max-words="{shown(maximum)}"' if maximum else "")
            + ("" if editable else " disabled")
            + f'>\n      <legend>{shown(number)}. {shown(section["title"])}'
            + (f' <span class="pp-required">({_("required")})</span>' if section.get("required") else "")
            + "</legend>\n      "
            + (f'<p class="pp-help" id="pp-help-{sid}">{shown(section["help"])}</p>' if section.get("help") else "")
            + "\n      " + (kind(section, _, ngettext, editable, currency) if kind else "")
            + f'\n      <div class="pp-conflict" hidden></div>\n      {comments}\n    </fieldset>\n    ')


def section_fieldsets(section_views, catalogue, editable, currency):
    """The form's fieldsets for `section_views` (ProposalBlock._section_view's dicts), in order."""
    _, ngettext = phrasebook(catalogue)
    return SafeString("".join(_fieldset(number, section, _, ngettext, editable, currency)
                              for number, section in enumerate(section_views, 1)))


def empty_rows(catalogue, currency):
    """The `<template>`s holding an empty budget line and an empty indicator, which the script copies."""
    _, _ngettext = phrasebook(catalogue)
    return SafeString(f'<template class="pp-row-budget">{_budget_row(_, currency)}</template>\n'
                      f'  <template class="pp-row-indicators">{_indicator_row(_)}</template>')
