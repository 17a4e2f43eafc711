"""Server-side SVG bar charts for the analysts' page and the report: no JavaScript, no external library,
readable by screen readers (role=img, a title and a description listing every figure), printable by
WeasyPrint. Texts come in translated; every text is escaped here. A suppressed figure is drawn as a
hatched stub with its label, never as a value."""
from django.utils.html import escape

WIDTH = 640
LABEL = 210
COLOURS = ("#1d5fa8", "#c25e00")


def bars(chart_id, title, description, rows, series=("",), maximum=100.0, suppressed_label=""):
    """rows: [(label, [value or None per series], [shown text per series])]."""
    per_row = 18 * len(series) + 10
    legend = 22 if len(series) > 1 else 0
    height = legend + per_row * len(rows) + 8
    span = WIDTH - LABEL - 90
    body = []
    if legend:
        for index, name in enumerate(series):
            x = LABEL + index * 160
            body.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{COLOURS[index]}"/>'
                        f'<text x="{x + 16}" y="14" font-size="12">{escape(name)}</text>')
    for row_index, (label, values, shown) in enumerate(rows):
        top = legend + row_index * per_row + 4
        body.append(f'<text x="{LABEL - 6}" y="{top + 13}" font-size="12" text-anchor="end">{escape(label)}</text>')
        for index, value in enumerate(values):
            y = top + index * 18
            if value is None:
                body.append(f'<rect x="{LABEL}" y="{y}" width="14" height="14" fill="url(#{chart_id}-hatch)"/>'
                            f'<text x="{LABEL + 20}" y="{y + 11}" font-size="11">{escape(suppressed_label)}</text>')
                continue
            width = span * max(0.0, min(value, maximum)) / maximum if maximum else 0
            body.append(f'<rect x="{LABEL}" y="{y}" width="{width:.1f}" height="14" fill="{COLOURS[index % 2]}"/>'
                        f'<text x="{LABEL + width + 5:.1f}" y="{y + 11}" font-size="11">{escape(shown[index])}</text>')
    pattern = (f'<defs><pattern id="{chart_id}-hatch" width="4" height="4" patternUnits="userSpaceOnUse">'
               f'<path d="M0,4 L4,0" stroke="#777" stroke-width="1"/></pattern></defs>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
            f'aria-labelledby="{chart_id}-title {chart_id}-desc"><title id="{chart_id}-title">{escape(title)}</title>'
            f'<desc id="{chart_id}-desc">{escape(description)}</desc>{pattern}{"".join(body)}</svg>')
