"""The summary's charts, in the active language: the same for the analysts' page and the report."""
from django.template.defaultfilters import slugify
from django.utils.translation import gettext as _

from . import charts
from .templatetags.assessment_format import num, pct, signed


def _describe(rows):
    return "; ".join(f"{label}: {', '.join(shown)}" for label, _values, shown in rows)


def _chart(chart_id, title, rows, series=("",), maximum=100.0):
    suppressed = _("suppressed (fewer than the minimum of municipalities)")
    shown_rows = [(label, values, [text if value is not None else suppressed
                                   for value, text in zip(values, texts, strict=True)])
                  for label, values, texts in rows]
    return charts.bars(chart_id, title, _describe(shown_rows), rows, series=series, maximum=maximum,
                       suppressed_label=_("suppressed"))


def chart_set(summary):
    """{name: svg} for the page's and report's figures."""
    out = {}
    rows = [(area["title"], [area["baseline"]["mean"]], [pct(area["baseline"]["mean"])]) for area in summary["areas"]]
    out["needs"] = _chart("needs", _("Mean capacity by area at baseline (lowest first: the greatest needs)"),
                          sorted(rows, key=lambda row: (row[1][0] is None, row[1][0] or 0)))
    out["change"] = _chart("change", _("Mean capacity by area: baseline and end-line"),
                           [(area["title"], [area["baseline"]["mean"], area["endline"]["mean"]],
                             [pct(area["baseline"]["mean"]), pct(area["endline"]["mean"])])
                            for area in summary["areas"]],
                           series=(_("Baseline"), _("End-line")))
    biggest = max([c["baseline"]["responses"] or 0 for c in summary["countries"]] + [1])
    out["countries"] = _chart("countries", _("Baseline responses by country"),
                              [(c["name"], [c["baseline"]["responses"]], [num(c["baseline"]["responses"])])
                               for c in summary["countries"]], maximum=float(biggest))
    for question in summary["capacities"] + summary["groups"] + summary["choices"]:
        out[question["code"]] = _chart(
            "q-" + slugify(question["code"]), question["prompt"],
            [(choice["label"], [choice["share"]], [pct(choice["share"])]) for choice in question["choices"]])
    return out


def change_text(area):
    return signed(area["change"])
