"""The analysts' figures: one pass over the consented, submitted responses of an instrument.

Two queries whatever the number of responses (the codebooks, then the responses' answers). The unit
counted is the response; the municipalities behind each figure decide whether it is shown: a figure
drawn from fewer than PUENTES_ASSESSMENT_MIN_MUNICIPALITIES municipalities is suppressed (None), and a
distribution hides one more cell when a single hidden one could be worked out from its total.
"""
import statistics
from collections import Counter, defaultdict

from django.conf import settings

from . import codebooks, suppression
from .models import Response

TEXTS_SHOWN = 30  # written answers listed per question; the rest are counted


def _bounds(question):
    """(lowest level, span): a level's share of the scale is 100 * (level - lowest) / span, 0 to 100."""
    values = [level["value"] for level in question["levels"]]
    return min(values), max(values) - min(values)


class _Cell:
    """Respondents and municipalities behind one figure, and the values when it is a mean."""

    __slots__ = ("responses", "municipalities", "values")

    def __init__(self):
        self.responses = 0
        self.municipalities = set()
        self.values = []

    def add(self, municipality, value=None):
        self.responses += 1
        self.municipalities.add(municipality)
        if value is not None:
            self.values.append(value)

    @classmethod
    def union(cls, cells):
        """The cell of respondents who picked any of these (each picked exactly one)."""
        merged = cls()
        for cell in cells:
            merged.responses += cell.responses
            merged.municipalities |= cell.municipalities
        return merged


def _count(cell, minimum):
    places = len(cell.municipalities)
    if suppression.too_few(places, minimum):
        return {"responses": None, "municipalities": None, "suppressed": places > 0, "empty": places == 0}
    return {"responses": cell.responses, "municipalities": places, "suppressed": False, "empty": False}


def _mean(cell, minimum):
    shown = _count(cell, minimum)
    shown["mean"] = None if shown["responses"] is None or not cell.values else statistics.fmean(cell.values)
    return shown


def _distribution(choices, cells, total_cell, minimum, adds_up=True):
    """[{value, label, count, share, suppressed}] for a scale's levels or a question's options.
    A multiple choice does not add up to its total, so no hidden count can be worked out from it."""
    hidden = suppression.hidden_cells([len(cells[c["value"]].municipalities) for c in choices], minimum,
                                      total_shown=adds_up)
    total = _count(total_cell, minimum)
    rows = []
    for index, choice in enumerate(choices):
        cell = cells[choice["value"]]
        shown = total["responses"] is not None and index not in hidden
        rows.append({"value": choice["value"], "label": choice["label"],
                     "count": cell.responses if shown else None,
                     "share": 100.0 * cell.responses / total["responses"] if shown and total["responses"] else None,
                     "suppressed": not shown and bool(cell.municipalities)})
    return {**total, "choices": rows}


def _grouped_texts(texts, shown=TEXTS_SHOWN):
    """The written answers without municipality or country: the same words (case and spacing aside) once,
    with how many gave them, the most frequent first, then alphabetically; at most `shown` of them."""
    counts, words = Counter(), {}
    for text in texts:
        key = " ".join(text.casefold().split())
        counts[key] += 1
        words.setdefault(key, text)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return {"total": len(texts), "distinct": len(counts),
            "entries": [{"text": words[key], "count": count} for key, count in ranked[:shown]]}


def summarise(instrument, language, minimum=None):
    minimum = minimum or settings.PUENTES_ASSESSMENT_MIN_MUNICIPALITIES
    book = codebooks.merged(instrument, language)
    questions = book["questions"]
    rows = Response.objects.filter(instrument=instrument, submitted_at__isnull=False,
                                   respondent__consent=True).values_list("wave", "country", "municipality_key",
                                                                         "answers")
    kinds = {code: question["type"] for code, question in questions.items()}
    area_of = {code: question["area"] for code, question in questions.items()}
    scales = {code: _bounds(question) for code, question in questions.items() if question["type"] == "scale"}
    by_country = defaultdict(lambda: defaultdict(_Cell))      # country -> wave -> cell
    everyone = defaultdict(_Cell)                             # wave -> cell
    area_wave = defaultdict(lambda: defaultdict(_Cell))       # area -> wave -> respondents' mean capacity
    area_country = defaultdict(lambda: defaultdict(_Cell))    # area -> country -> baseline capacity
    answered = defaultdict(_Cell)                             # code -> baseline respondents (not scales, singles)
    picked = defaultdict(lambda: defaultdict(_Cell))          # code -> value -> baseline respondents
    texts = defaultdict(list)
    # The hot loop: 10,000 responses of some 25 answers each. Plain lookups, no per-answer function calls.
    for wave, country, place, answers in rows.iterator(chunk_size=2000):
        baseline = wave == "baseline"
        everyone[wave].add(place)
        by_country[country][wave].add(place)
        capacities = {}
        for code, value in answers.items():
            kind = kinds.get(code)
            if kind is None or value is None or value == "" or value == []:
                continue
            if kind == "scale":
                if type(value) is int:
                    low, span = scales[code]
                    capacities.setdefault(area_of[code], []).append(100.0 * (value - low) / span if span else 0.0)
                if baseline:
                    picked[code][value].add(place)
            elif not baseline:
                continue
            elif kind == "single_choice":
                picked[code][value].add(place)
            elif kind == "multiple_choice":
                answered[code].add(place)
                choices = picked[code]
                for item in value:
                    choices[item].add(place)
            elif kind == "number":
                answered[code].add(place, value)
            else:
                texts[code].append(value)
                answered[code].add(place)
        for area, shares in capacities.items():
            mean = sum(shares) / len(shares)
            area_wave[area][wave].add(place, mean)
            if baseline:
                area_country[area][country].add(place, mean)
    for code, kind in kinds.items():  # a scale's or single choice's respondents are those of its choices
        if kind in ("scale", "single_choice"):
            answered[code] = _Cell.union(picked[code].values())
    return _figures(book, minimum, language, everyone, by_country, area_wave, area_country, answered, picked, texts)


def _figures(book, minimum, language, everyone, by_country, area_wave, area_country, answered, picked, texts):
    questions = book["questions"]
    countries = sorted(by_country, key=lambda code: codebooks.country_name(code, language))
    areas = []
    scaled = {question["area"] for question in questions.values() if question["type"] == "scale"}
    for area in (area for area in book["areas"] if area["area"] in scaled):
        baseline = _mean(area_wave[area["area"]]["baseline"], minimum)
        endline = _mean(area_wave[area["area"]]["endline"], minimum)
        change = (endline["mean"] - baseline["mean"]
                  if baseline["mean"] is not None and endline["mean"] is not None else None)
        areas.append({**area, "baseline": baseline, "endline": endline, "change": change,
                      "countries": [_mean(area_country[area["area"]][country], minimum) for country in countries]})
    ranked = sorted((a for a in areas if a["baseline"]["mean"] is not None), key=lambda a: a["baseline"]["mean"])
    by_kind = defaultdict(list)
    for code, question in questions.items():
        if question["type"] in ("scale", "single_choice", "multiple_choice"):
            choices = question["levels"] if question["type"] == "scale" else question["options"]
            figure = _distribution(choices, picked[code], answered[code], minimum,
                                   adds_up=question["type"] != "multiple_choice")
            kind = "groups" if question.get("analysis") == "groups" else (
                "capacities" if question["type"] == "scale" else "choices")
            by_kind[kind].append({**question, **figure})
        elif question["type"] == "number":
            cell = answered[code]
            figure = _count(cell, minimum)
            values = sorted(cell.values)
            shown = figure["responses"] is not None
            figure.update(median=statistics.median(values) if shown else None,
                          low=values[len(values) // 4] if shown else None,
                          high=values[(3 * len(values)) // 4] if shown else None)
            by_kind["numbers"].append({**question, **figure})
        elif question["type"] == "text":
            figure = _count(answered[code], minimum)
            figure["answers"] = _grouped_texts(texts[code]) if figure["responses"] else None
            by_kind["texts"].append({**question, **figure})
    return {
        "instrument": book["instrument"], "language": language, "minimum": minimum,
        "totals": {wave: _count(everyone[wave], minimum) for wave in ("baseline", "endline")},
        "countries": [{"code": code, "name": codebooks.country_name(code, language),
                       "baseline": _count(by_country[code]["baseline"], minimum),
                       "endline": _count(by_country[code]["endline"], minimum)} for code in countries],
        "areas": areas, "needs_ranked": ranked,
        "capacities": by_kind["capacities"], "groups": by_kind["groups"], "choices": by_kind["choices"],
        "numbers": by_kind["numbers"],
        "texts_by_area": [{**area, "questions": [q for q in by_kind["texts"] if q["area"] == area["area"]]}
                          for area in book["areas"] if any(q["area"] == area["area"] for q in by_kind["texts"])],
    }
