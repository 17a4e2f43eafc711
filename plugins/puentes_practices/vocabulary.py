"""The library's controlled vocabularies: codes are stored, labels are shown in the reader's language."""
from decimal import Decimal

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from puentes_core import thematic_areas
from puentes_core.i18n import core_gettext

# The proposal template's thematic areas, with its words: one list (puentes_core.thematic_areas), so a
# practice and the proposal it came from name an area alike in every language.
THEMATIC_AREAS = {code: lazy(core_gettext, str)(words) for code, words in thematic_areas.THEMATIC_AREAS.items()}

# The groups the concept note names, and the others a municipal project commonly serves.
GROUPS_SERVED = {
    "refugees": _("Refugees and asylum seekers"),
    "migrants": _("Migrants in an irregular situation"),
    "returnees": _("Returnees and deportees"),
    "women_girls": _("Women and girls"),
    "gbv_survivors": _("Survivors of gender-based violence"),
    "children": _("Children and adolescents"),
    "indigenous": _("Indigenous peoples"),
    "afrodescendants": _("People of African descent"),
    "lgbtiq": _("LGBTIQ+ people"),
    "disabilities": _("People with disabilities"),
    "older_people": _("Older people"),
    "host_community": _("The host community"),
}

# Budget bands in US dollars: practices in other currencies get their band from the team or a moderator.
BUDGET_BANDS = [
    ("under_10k", Decimal("0"), Decimal("10000"), _("Under US$10,000")),
    ("10k_50k", Decimal("10000"), Decimal("50000"), _("US$10,000 to 50,000")),
    ("50k_100k", Decimal("50000"), Decimal("100000"), _("US$50,000 to 100,000")),
    ("100k_250k", Decimal("100000"), Decimal("250000"), _("US$100,000 to 250,000")),
    ("over_250k", Decimal("250000"), None, _("Over US$250,000")),
]
BUDGET_BAND_LABELS = {code: label for code, _low, _high, label in BUDGET_BANDS}

LANGUAGES = {"en": _("English"), "es": _("Spanish"), "pt": _("Portuguese")}

AWARDS = {"winner": _("Award winner"), "mention": _("Honourable mention")}


def band_for(total, currency):
    """The band of a total in US dollars; "" when the currency is another (the band is then chosen)."""
    if total is None or currency != "USD":
        return ""
    for code, low, high, _label in BUDGET_BANDS:
        if total >= low and (high is None or total < high):
            return code
    return ""


def language_of(code):
    """en, es or pt from any spelling a course or the platform uses (es-419, pt-br, pt_BR, ...)."""
    base = str(code or "").replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else "en"
