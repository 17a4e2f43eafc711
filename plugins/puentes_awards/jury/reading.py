"""An entry as a juror reads it: the proposal without its team (and without its municipality if the
edition says so), numbers and money written the reader's way, every choice as its label (issue 14)."""
from django.utils.translation import gettext as _

from puentes_core.numbers import format_money, request_locale
from puentes_core.thematic_areas import choice_label
from puentes_proposals.api import answer_text, version_choices

THEMATIC_AREA = "thematic_area"


def blind_entry(entry, settings, request, sections=False):
    """The juror's view of `entry`; with `sections`, every section's answer as text too (the entry's page).

    Lists need only the heading fields, so they never read the sections nor the proposals app.
    """
    snapshot = entry.snapshot or {}
    currency = snapshot.get("currency") or "USD"
    locale = request_locale(request)
    view = {
        "uuid": str(entry.uuid), "title": entry.title, "country": entry.country,
        "municipality": entry.municipality if settings.show_municipality else None,
        "budget": format_money(snapshot.get("total_budget") or None, currency, locale),
    }
    if not sections:
        return view
    choices = choice_words(entry)
    labels = {"total": _("Total"), "baseline": _("baseline"), "target": _("target"), "source": _("source")}
    names = {item.get("attachment_id"): item.get("name", "") for item in snapshot.get("attachments", [])}
    area = snapshot.get(THEMATIC_AREA, "")
    view["thematic_area"] = choice_label(area, choices.get(THEMATIC_AREA, _first_with(choices, area)).get(area))
    view["sections"] = [{"title": section.get("title", ""),
                         "text": answer_text(section.get("section_type", ""), section.get("value"), names, locale,
                                             currency, dict(labels, choices=_label_of(section, choices)))}
                        for section in snapshot.get("sections", [])]
    return view


def choice_words(entry):
    """{section id: {value: label}} of the entry's choice sections, as the team read them: kept in the
    snapshot since entries carry them; for an older snapshot, from the template version it was made with."""
    stored = {section.get("section_id"): {c.get("value"): c.get("label", "") for c in section["choices"]}
              for section in (entry.snapshot or {}).get("sections", []) if section.get("choices")}
    if stored:
        return stored
    return version_choices(entry.proposal_id, entry.version)


def _first_with(choices, value):
    """The choice section that offers `value` (a template whose thematic area has another id)."""
    return next((words for words in choices.values() if value in words), {})


def _label_of(section, choices):
    """{value: label in the reader's language} for a choice section's answer (answer_text reads it)."""
    value = section.get("value")
    if section.get("section_type") != "choice" or not isinstance(value, str):
        return {}
    return {value: choice_label(value, choices.get(section.get("section_id"), {}).get(value))}
