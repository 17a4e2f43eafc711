"""The instrument's questions as the reader should see them: the codebooks the blocks wrote, merged.

Every course language writes its own codebook for each wave (same codes, its own words). The reader's
language is preferred, then English, then any; the end-line adds no codes the baseline lacks, but if
it does they are listed after the baseline's.
"""
from babel import Locale, UnknownLocaleError

from puentes_core import countries

from .models import Codebook

PREFERENCE = ("en",)


def _language(code):
    return (code or "en").replace("_", "-").split("-")[0].lower()


def merged(instrument, language):
    """{"instrument", "areas": [{area, title}], "questions": {code: {..., area}}} in the reader's language."""
    books = list(Codebook.objects.filter(instrument=instrument).order_by("wave", "language"))
    reader = _language(language)

    def rank(book):
        lang = _language(book.language)
        return (0 if lang == reader else 1 if lang in PREFERENCE else 2, book.wave != "baseline")

    areas, questions = {}, {}
    for book in sorted(books, key=rank):
        for section in book.definition.get("sections", []):
            areas.setdefault(section["area"], {"area": section["area"], "title": section["title"],
                                               "order": (book.wave != "baseline", len(areas))})
            for question in section.get("questions", []):
                questions.setdefault(question["code"], {**question, "area": section["area"]})
    ordered_areas = sorted(areas.values(), key=lambda area: area["order"])
    return {"instrument": instrument,
            "areas": [{"area": a["area"], "title": a["title"]} for a in ordered_areas],
            "questions": questions, "languages": sorted({_language(b.language) for b in books})}


def country_name(code, language):
    """'CO' -> 'Colombia' in the reader's language (puentes_core.countries, Babel's CLDR data)."""
    return countries.country_name(str(code or "").upper(), _language(language)) or "?"


def language_name(code, language):
    """'es' -> 'español' / 'Spanish' / 'espanhol', in the reader's language."""
    try:
        return Locale.parse(_language(language)).languages.get(code, code)
    except (UnknownLocaleError, ValueError):
        return code
