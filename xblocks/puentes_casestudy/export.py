"""The staff CSV of learners' reflections and choices, keyed by anonymous id (needs assessment)."""
import csv
import io

from webob import Response

from puentes_core.csv_cells import safe_cell

from .content import question_points

# Column names are a data contract with the analysts' scripts, so they stay the same in every language.
COLUMNS = ["anonymous_id", "question_id", "question_type", "attempt", "answer_ids", "answer_text", "score",
           "points_possible", "submitted_at"]


def answer_ids(answer):
    """The answer as ids: 'a', 'a;c', 'c;a;b' (ranking order), 'd1:a;d2:b' (a path), 'met:a;c' (the
    criteria a learner ticked assessing a reflection; '' for the reflection's text itself)."""
    if isinstance(answer, dict):
        return "met:" + ";".join(answer.get("met") or [])
    if isinstance(answer, list):
        return ";".join(f"{s['decision']}:{s['option']}" if isinstance(s, dict) else str(s) for s in answer)
    return "" if answer is None else str(answer)


def answer_text(question, answer):
    """The answer in words, read against the case as it is now (ids it no longer has stay as ids)."""
    if question is None:
        return answer if isinstance(answer, str) else answer_ids(answer)
    kind = question["type"]
    if kind == "reflection":
        return answer["text"] if isinstance(answer, dict) else answer or ""
    if kind in ("single_choice", "multiple_choice"):
        texts = {o["id"]: o["text"] for o in question["options"]}
        chosen = answer if isinstance(answer, list) else [answer]
        return " | ".join(texts.get(option_id, option_id) for option_id in chosen)
    if kind == "ranking":
        texts = {i["id"]: i["text"] for i in question["items"]}
        return " | ".join(f"{n}. {texts.get(item_id, item_id)}" for n, item_id in enumerate(answer or [], 1))
    options = {(d["id"], o["id"]): o["text"] for d in question["decisions"] for o in d["options"]}
    return " | ".join(options.get((s["decision"], s["option"]), s["option"]) for s in answer or [])


def rows(questions, records):
    by_id = {q["id"]: q for q in questions}
    for record in records:
        question = by_id.get(record.question_id)
        yield [record.anonymous_id, record.question_id, question["type"] if question else "", record.attempt,
               "" if isinstance(record.answer, str) and question and question["type"] == "reflection"
               else answer_ids(record.answer),
               answer_text(question, record.answer), record.score,
               question_points(question) if question else "", record.submitted_at.isoformat()]


def _lines(questions, records):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in rows(questions, records):
        writer.writerow([safe_cell(cell) for cell in row])
        if buffer.tell() > 64 * 1024:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def csv_response(block, records):
    filename = f"case-answers-{block.scope_ids.usage_id}.csv".replace(":", "_").replace("+", "_").replace("@", "_")
    response = Response(content_type="text/csv", charset="utf-8",
                        app_iter=_lines(block.questions, records))
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
