"""The proposal template's thematic areas: a code is stored in answers and snapshots, a reader reads its label.

The default proposal template (puentes_proposal/default_template.py) offers these codes with these
words, each translated there for the team; tests/core/test_thematic_areas.py keeps the two alike.
A page that shows a stored choice to someone else (a juror, a tutor) calls `choice_label`: the default
words come out in the reader's language, a course team's own words as they wrote them.
"""
from .i18n import SHIPPED_BY_LANGUAGE, core_gettext, shipped_catalogue


def _(text):
    """Mark for extraction; translated when read (core_gettext)."""
    return text


THEMATIC_AREAS = {
    "reception": _("Reception, documentation and access to services"),
    "employment": _("Employment and socio-economic integration"),
    "protection": _("Social protection and health"),
    "education": _("Education"),
    "psychosocial": _("Psychosocial support and gender-based violence"),
    "interculturality": _("Interculturality and prevention of xenophobia"),
    "governance": _("Local governance, coordination and networks of cities"),
}


def _default_words(code):
    """The default label of `code` in every language the pack ships (what a team read if nobody edited it)."""
    msgid = THEMATIC_AREAS[code]
    return {msgid} | {shipped_catalogue("puentes_core", locale).gettext(msgid)
                      for locale in SHIPPED_BY_LANGUAGE.values()}


def choice_label(value, stored_label=""):
    """What a reader reads for a stored choice, in the active language.

    A thematic area whose team read the default words (or whose words were not kept, as in snapshots
    made before entries carried them) reads in the reader's language; a course team's own label as
    written; a value nothing names as itself.
    """
    value = str(value or "")
    stored_label = str(stored_label or "")
    if value in THEMATIC_AREAS and (not stored_label or stored_label in _default_words(value)):
        return core_gettext(THEMATIC_AREAS[value])
    return stored_label or value
