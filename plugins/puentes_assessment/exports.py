"""The figures as files: a long CSV (one figure a row, suppressed ones empty and flagged), its codebook,
and JSON. Built from the same suppressed summary as the page: an export never shows more than the page."""
import csv
import io

from . import codebooks

CSV = "text/csv; charset=utf-8"
JSON = "application/json; charset=utf-8"
FIGURE_COLUMNS = ["table", "wave", "country", "area", "question", "value", "responses", "municipalities",
                  "share_percent", "mean_capacity_percent", "suppressed"]


def _rows(summary):
    def row(table, cell=None, **values):
        cell = cell or {}
        return {"table": table, "responses": cell.get("responses"), "municipalities": cell.get("municipalities"),
                "suppressed": int(bool(cell.get("suppressed"))), **values}

    for wave in ("baseline", "endline"):
        yield row("responses", summary["totals"][wave], wave=wave)
    for country in summary["countries"]:
        for wave in ("baseline", "endline"):
            yield row("responses_by_country", country[wave], wave=wave, country=country["code"])
    for area in summary["areas"]:
        for wave in ("baseline", "endline"):
            yield row("capacity_by_area", area[wave], wave=wave, area=area["area"],
                      mean_capacity_percent=_round(area[wave]["mean"]))
        for country, cell in zip(summary["countries"], area["countries"], strict=True):
            yield row("capacity_by_area_and_country", cell, wave="baseline", area=area["area"],
                      country=country["code"], mean_capacity_percent=_round(cell["mean"]))
    for table in ("capacities", "groups", "choices"):
        for question in summary[table]:
            for choice in question["choices"]:
                yield row(f"distribution_{table}", {"responses": choice["count"], "suppressed": choice["suppressed"]},
                          wave="baseline", area=question["area"], question=question["code"], value=choice["value"],
                          share_percent=_round(choice["share"]))
    for question in summary["numbers"]:
        for name in ("low", "median", "high"):
            yield row(f"number_{name}", question, wave="baseline", area=question["area"], question=question["code"],
                      value=question[name])


def _round(value):
    return None if value is None else round(value, 1)


def figures_csv(summary):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIGURE_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in _rows(summary):
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return out.getvalue()


def codebook_csv(instrument, language):
    """Every code the figures use, with its words in the reader's language."""
    book = codebooks.merged(instrument, language)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["kind", "area", "question", "type", "value", "label", "unit"])
    for area in book["areas"]:
        writer.writerow(["area", area["area"], "", "", "", area["title"], ""])
    for code, question in book["questions"].items():
        writer.writerow(["question", question["area"], code, question["type"], "", question["prompt"],
                         question.get("unit", "")])
        for choice in question.get("levels", []) + question.get("options", []):
            writer.writerow(["value", question["area"], code, question["type"], choice["value"], choice["label"], ""])
    for column in FIGURE_COLUMNS:
        writer.writerow(["column", "", "", "", column, COLUMN_MEANINGS[column], ""])
    return out.getvalue()


COLUMN_MEANINGS = {
    "table": "which figure: responses, responses_by_country, capacity_by_area, capacity_by_area_and_country, "
             "distribution_capacities|groups|choices, number_low|median|high (quartiles)",
    "wave": "baseline (module 1) or endline (final module)",
    "country": "ISO 3166-1 alpha-2",
    "area": "thematic area code",
    "question": "question code, the same in every course language",
    "value": "option value or capacity level (distributions); the figure itself (number_*)",
    "responses": "consented, submitted responses behind the figure",
    "municipalities": "distinct municipalities behind the figure",
    "share_percent": "share of the question's respondents who chose the value",
    "mean_capacity_percent": "mean capacity, 0 = lowest level, 100 = highest",
    "suppressed": "1 when the figure is drawn from fewer municipalities than the minimum (then left empty)",
}


def figures_json(summary, instrument, language):
    book = codebooks.merged(instrument, language)
    return {"instrument": instrument, "minimum_municipalities": summary["minimum"], "language": language,
            "figures": list(_rows(summary)),
            "codebook": {"areas": book["areas"], "questions": book["questions"]}}
