"""What the results page shows: one builder for the public page and the organisers' preview, so the preview is the
page the public will read.

Winners come first, with their prize and screening score. The other entries follow by name: without their scores
unless the organiser publishes every entry's score, and then in the order of their scores. Listing them by name when
the scores stay private keeps the order from telling the ranking.
"""
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from babel.numbers import parse_pattern
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from puentes_core.countries import country_name
from puentes_proposals.api import answer_text

from . import charts, services
from .models import Finalist, Winner

CHART_ROWS = 15


ONE_DECIMAL = parse_pattern("#,##0.#")  # parsed once: a page with every score writes hundreds of numbers


@dataclass(frozen=True)
class Score:
    """An entry's severity-corrected score and its 95% interval on the criteria's 0-100 scale (the correction can
    overshoot either end; a reader is told "out of 100"), and the three as the reader writes numbers."""
    adjusted: float
    low: float
    high: float
    texts: tuple = ("", "", "")

    @property
    def adjusted_text(self):
        return self.texts[0]

    @property
    def interval_text(self):
        return f"{self.texts[1]}–{self.texts[2]}"


def on_scale(estimate, locale="en"):
    def clamp(value):
        return min(100.0, max(0.0, float(value)))
    values = (clamp(estimate.adjusted), clamp(estimate.low), clamp(estimate.high))
    return Score(*values, texts=tuple(written(value, locale) for value in values))


def written(value, locale):
    """A number with one decimal in the reader's locale (as puentes_core.numbers.format_number writes it)."""
    return ONE_DECIMAL.apply(Decimal(str(value)), locale)


def entry_labels(entries):
    """{entry pk: "title — municipality"}; two entries that would read alike get their country, then a number."""
    entries = list(entries)
    labels = {entry.pk: f"{entry.title} — {entry.municipality}" for entry in entries}
    alike = Counter(labels.values())
    for entry in entries:
        if alike[labels[entry.pk]] > 1:
            labels[entry.pk] = f"{labels[entry.pk]} ({entry.country})"
    seen = {}
    for pk in sorted(labels):
        seen[labels[pk]] = seen.get(labels[pk], 0) + 1
        if seen[labels[pk]] > 1:
            labels[pk] = f"{labels[pk]} #{seen[labels[pk]]}"
    return labels


def build(edition, scores_public, locale="en"):
    """The template's context for the results of `edition`, numbers written for `locale` (the reader's Babel
    locale); {} when its winners are not all confirmed."""
    locale = Locale.parse(locale)
    winners = list(Winner.objects.filter(edition=edition).select_related("entry").order_by("place"))
    if len(winners) < services.PLACES:
        return {}
    try:
        ranking, _reliability, _ranked = services.screening_ranking(edition)
    except services.JuryError:
        ranking = None  # no screening ranking: the page shows the entries without scores or charts
    estimates = {estimate.entry_id: on_scale(estimate, locale) for estimate in ranking.entries} if ranking else {}
    winner_ids = {winner.entry_id for winner in winners}
    # Names only: the other entries' snapshots are not shown, so they are not read.
    named = edition.entries.filter(eligible=True).only("id", "edition", "title", "municipality", "country")
    others = [entry for entry in named if entry.pk not in winner_ids]
    labels = entry_labels([winner.entry for winner in winners] + others)
    countries = {code: country_name(code, get_language()) for code in {entry.country for entry in others}}
    labels_with_country = {entry.pk: f"{labels[entry.pk]} ({countries[entry.country]})" for entry in others}
    finalist_ids = set(Finalist.objects.filter(edition=edition).values_list("entry_id", flat=True))

    context = {"edition": edition, "scores_public": scores_public, "has_scores": bool(estimates),
               "rows": [{"winner": winner, "label": labels[winner.entry_id], "summary": summary(winner.entry),
                         "estimate": estimates.get(winner.entry_id)} for winner in winners]}
    if scores_public:
        ranked = sorted(others, key=lambda entry: (entry.pk not in estimates,
                                                   -estimates[entry.pk].adjusted if entry.pk in estimates else 0,
                                                   labels[entry.pk]))
        context["scored"] = [{"label": labels[entry.pk], "name": labels_with_country[entry.pk],
                              "finalist": entry.pk in finalist_ids, "estimate": estimates.get(entry.pk)}
                             for entry in ranked]
    else:
        by_name = sorted(others, key=lambda entry: labels[entry.pk].casefold())
        context["other_finalists"] = [labels_with_country[entry.pk] for entry in by_name if entry.pk in finalist_ids]
        context["other_entries"] = [labels_with_country[entry.pk] for entry in by_name
                                    if entry.pk not in finalist_ids]
    if ranking:
        context.update(_charts(edition, ranking, estimates, winners, context.get("scored", []), labels, locale))
    return context


def _charts(edition, ranking, estimates, winners, scored, labels, locale):
    """The screening round as the public sees it: adjusted scores (winners first), and each juror's scores under a
    number; with the numbers each chart draws, for the table that stands in for it."""
    drawn = [(labels[winner.entry_id], estimates[winner.entry_id], charts.WINNER) for winner in winners
             if winner.entry_id in estimates]
    drawn += [(row["label"], row["estimate"], charts.OTHER) for row in scored if row["estimate"]]
    drawn = drawn[:CHART_ROWS]
    if scored:
        title = _("Screening round: adjusted scores with their 95% intervals, winners first")
    else:
        title = _("Screening round: the winners' adjusted scores with their 95% intervals")
    adjusted = charts.adjusted_with_intervals(
        [(label, estimate.adjusted, estimate.low, estimate.high, kind) for label, estimate, kind in drawn], title,
        _("Each mark is an entry's score corrected for juror severity; the bar is its uncertainty. "
          "Diamonds: the winners."))
    totals = services.totals_by_juror(edition)
    # Jurors are public as a panel, not one by one: the chart numbers them, harshest first.
    jurors = [(_("Juror {number}").format(number=number), totals.get(juror.juror_id, []))
              for number, juror in enumerate(ranking.jurors, start=1)]
    juror_chart = charts.juror_distributions(
        [(label, given, None) for label, given in jurors], _("Screening round: the scores each juror gave"),
        _("Each dot is one total out of 100 given by one juror; the red line is that juror's mean. "
          "Jurors are numbered from the harshest to the most lenient."))
    adjusted_table = [{"label": label, "estimate": estimate, "winner": kind == charts.WINNER}
                      for label, estimate, kind in drawn]
    juror_table = [{"label": label, "count": len(given),
                    "mean": written(sum(given) / len(given), locale) if given else "—",
                    "range": f"{written(min(given), locale)}–{written(max(given), locale)}" if given else "—"}
                   for label, given in jurors]
    return {"adjusted_chart": adjusted, "adjusted_table": adjusted_table,
            "juror_chart": juror_chart, "juror_table": juror_table}


def summary(entry):
    for section in (entry.snapshot or {}).get("sections", []):
        if (section.get("section_type") in ("long_text", "short_text") and section.get("value")
                and str(section["value"]).strip() != entry.title.strip()):  # the title is the heading already
            # The team's rich text as text: no tags, no entities ("&nbsp;") on the public page.
            text = " ".join(answer_text(section["section_type"], section["value"]).split("\n"))
            return text if len(text) <= 600 else text[:600].rsplit(" ", 1)[0] + "…"
    return ""
