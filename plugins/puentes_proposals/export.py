"""Staff exports of proposals for the project's analytical report: CSV and JSON, one row per version."""
import csv
import io
import json

from . import api

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """Learners write these texts: a leading quote stops a spreadsheet from running one as a formula."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _flat(row):
    """A CSV row: lists joined, the sections' answers as one JSON column (spreadsheets keep it intact)."""
    flat = dict(row)
    flat["team"] = " ".join(row["team"])
    flat["decisions"] = " ".join(row["decisions"])
    flat["sections"] = json.dumps(row["sections"], ensure_ascii=False)
    return {key: _cell(value) for key, value in flat.items()}


def csv_lines(course_key, block_key=None):
    """The CSV export, line by line (a streaming response sends it without holding it all)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=api.EXPORT_FIELDS)
    writer.writeheader()
    for row in api.export_rows(course_key, block_key):
        writer.writerow(_flat(row))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def json_chunks(course_key, block_key=None):
    """The JSON export as a list of objects, chunk by chunk."""
    yield "["
    first = True
    for row in api.export_rows(course_key, block_key):
        yield ("" if first else ",\n") + json.dumps(row, ensure_ascii=False)
        first = False
    yield "]\n"
