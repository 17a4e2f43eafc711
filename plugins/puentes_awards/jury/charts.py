"""Server-side SVG charts: no JavaScript, no external library, readable by screen readers (title + desc).

Texts come in already translated; numbers are formatted here. Output is markup for `|safe`, built only
from numbers and escaped strings.
"""
from django.utils.html import escape

WIDTH = 640


def _frame(height, title, description, body, chart_id):
    """chart_id keeps title/desc ids unique when a page shows several charts."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
            f'id="{escape(chart_id)}" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc">'
            f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
            f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>{body}</svg>')


def _x(value, left=180, right=WIDTH - 20):
    return left + (right - left) * max(0.0, min(100.0, value)) / 100.0


def _axis(y):
    ticks = "".join(f'<line x1="{_x(v):.1f}" y1="{y}" x2="{_x(v):.1f}" y2="{y + 4}" stroke="#555"/>'
                    f'<text x="{_x(v):.1f}" y="{y + 16}" font-size="11" text-anchor="middle">{v}</text>'
                    for v in range(0, 101, 20))
    return f'<line x1="{_x(0)}" y1="{y}" x2="{_x(100)}" y2="{y}" stroke="#555"/>{ticks}'


def juror_distributions(rows, title, description, chart_id="juror-chart"):
    """rows: [(label, [totals out of 100], severity)] -> one strip of dots per juror, with their mean."""
    row_height = 26
    height = 30 + row_height * len(rows) + 24
    body = []
    for index, (label, totals, _severity) in enumerate(rows):
        y = 30 + index * row_height
        body.append(f'<text x="170" y="{y + 4}" font-size="12" text-anchor="end">{escape(label)}</text>')
        body.extend(f'<circle cx="{_x(total):.1f}" cy="{y}" r="3" fill="#1565c0" fill-opacity="0.45"/>'
                    for total in totals)
        if totals:
            mean = sum(totals) / len(totals)
            body.append(f'<line x1="{_x(mean):.1f}" y1="{y - 9}" x2="{_x(mean):.1f}" y2="{y + 9}" '
                        f'stroke="#a11" stroke-width="2"/>')
    body.append(_axis(30 + row_height * len(rows)))
    return _frame(height, title, description, "".join(body), chart_id)


def adjusted_with_intervals(rows, title, description, chart_id="adjusted-chart"):
    """rows: [(label, adjusted, low, high, in_tie_zone)] -> a dot and its interval per entry, best first."""
    row_height = 24
    height = 30 + row_height * len(rows) + 24
    body = []
    for index, (label, adjusted, low, high, tied) in enumerate(rows):
        y = 30 + index * row_height
        colour = "#b26a00" if tied else "#0b6b2e"
        body.append(f'<text x="170" y="{y + 4}" font-size="12" text-anchor="end">{escape(label)}</text>'
                    f'<line x1="{_x(low):.1f}" y1="{y}" x2="{_x(high):.1f}" y2="{y}" stroke="{colour}" '
                    f'stroke-width="3"/><circle cx="{_x(adjusted):.1f}" cy="{y}" r="5" fill="{colour}"/>')
    body.append(_axis(30 + row_height * len(rows)))
    return _frame(height, title, description, "".join(body), chart_id)
