"""The learner's answer back: their municipality's capacity by area, as a chart and a table, and the
course units that address the weakest areas. Numbers in the learner's locale (Babel)."""
from babel.numbers import format_percent
from django.utils import translation
from django.utils.html import escape

from . import answers as rules

BAR_WIDTH = 300


def _locale():
    return translation.to_locale(translation.get_language() or "en")


def _percent(score):
    return format_percent(score / 100.0, locale=_locale()) if score is not None else "—"


def unit_url(block, unit):
    """The LMS's jump_to_id address of a unit in this block's course (it redirects to where the unit is)."""
    return f"/courses/{block.block_key.course_key}/jump_to_id/{unit}"


def _chart(rows, title, description, chart_id):
    """Horizontal bars, one per area with a score; role=img with a title and a description for screen readers.
    Every text is escaped here; numbers are formatted before they come in."""
    height = 24 * len(rows) + 10
    bars = []
    for index, row in enumerate(rows):
        y = 5 + index * 24
        width = BAR_WIDTH * (row["score"] or 0) / 100.0
        bars.append(f'<text x="0" y="{y + 14}" font-size="12">{escape(row["title"])}</text>'
                    f'<rect x="170" y="{y + 2}" width="{BAR_WIDTH}" height="16" fill="#e8eef6"/>'
                    f'<rect x="170" y="{y + 2}" width="{width:.1f}" height="16" fill="#1d5fa8"/>'
                    f'<text x="{170 + BAR_WIDTH + 6}" y="{y + 14}" font-size="12">{escape(row["shown"])}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 520 {height}" width="100%" role="img" '
            f'aria-labelledby="{chart_id}-t {chart_id}-d"><title id="{chart_id}-t">{escape(title)}</title>'
            f'<desc id="{chart_id}-d">{escape(description)}</desc>{"".join(bars)}</svg>')


def profile_view(block, answers, prefix):
    _ = block.ugettext
    rows = rules.profile(block.questionnaire(), answers)
    for row in rows:
        row["shown"] = _percent(row["score"])
    scored = [row for row in rows if row["score"] is not None]
    description = "; ".join(f"{row['title']}: {row['shown']}" for row in scored)
    weakest = [{**row, "links": [{"href": unit_url(block, link["unit"]), "text": link["text"]}
                                 for link in row["links"]]} for row in rules.weakest(rows)]
    return {"rows": rows, "weakest": weakest,
            "chart": _chart(scored, _("Your municipality's capacity by area"), description,
                            f"{prefix}-chart") if scored else ""}
