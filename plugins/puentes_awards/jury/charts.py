"""Server-side SVG charts: no JavaScript, no external library, readable by screen readers (title + desc) and on a
phone.

The drawing is WIDTH units wide and scales to its box, so sizes are chosen for the narrowest box: at 360 px the
awards pages leave 328 px, and FONT units then read 12.3 px. Labels sit above their row, on up to two lines of the
full width, and a cut label keeps its full text as a tooltip (the page's table carries every number in full).
Each chart has a legend and axis titles. Texts come in already translated or are translated here; numbers are
formatted here. Output is markup for `|safe`, built only from numbers and escaped strings.
"""
import textwrap

from django.utils.html import escape
from django.utils.translation import gettext as _

WIDTH = 400
MARGIN = 12
FONT = 15            # the smallest text: 15 x 328 / 400 = 12.3 px at 360 px wide
LINE = 19            # one line of text
LABEL_CHARACTERS = 40  # what fits on a line at FONT, with room for wide letters
LABEL_LINES = 2

WINNER, TIE, OTHER = "winner", "tie", ""
COLOURS = {WINNER: "#0b6b2e", TIE: "#9a5b00", OTHER: "#1565c0"}
MEAN_COLOUR = "#a11"


def _frame(height, title, description, body, chart_id):
    """chart_id keeps title/desc ids unique when a page shows several charts."""
    chart = escape(chart_id)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
            f'class="pu-chart" id="{chart}" aria-labelledby="{chart}-title {chart}-desc" '
            f'font-family="system-ui, sans-serif" font-size="{FONT}">'
            f'<title id="{chart}-title">{escape(title)}</title>'
            f'<desc id="{chart}-desc">{escape(description)}</desc>{body}</svg>')


def _x(value):
    return MARGIN + (WIDTH - 2 * MARGIN) * max(0.0, min(100.0, float(value))) / 100.0


def wrap(text, characters=LABEL_CHARACTERS, lines=LABEL_LINES):
    """The label's lines: whole words, at most `lines`, the last one cut with … when the text is longer."""
    found = textwrap.wrap(str(text), characters) or [""]
    if len(found) <= lines:
        return found
    last = textwrap.shorten(" ".join(found[lines - 1:]), characters, placeholder="…")
    return [*found[:lines - 1], last]


def _label(text, top, bold=False):
    """The label's <text> lines from `top`; returns (markup, height used)."""
    lines = wrap(text)
    weight = ' font-weight="bold"' if bold else ""
    spans = "".join(f'<tspan x="{MARGIN}" y="{top + LINE * (index + 1) - 5}">{escape(line)}</tspan>'
                    for index, line in enumerate(lines))
    tooltip = f"<title>{escape(text)}</title>" if len(" ".join(lines)) < len(str(text)) else ""
    return f"<text{weight}>{tooltip}{spans}</text>", LINE * len(lines)


def _marker(kind, x, y):
    colour = COLOURS[kind]
    if kind == WINNER:  # a diamond, so a winner is told apart without colour
        return (f'<path d="M{x:.1f} {y - 7}l7 7l-7 7l-7 -7z" fill="{colour}" stroke="#fff" '
                f'stroke-width="1"/>')
    return f'<circle cx="{x:.1f}" cy="{y}" r="5" fill="{colour}"/>'


def _legend(items, top):
    """items: [(symbol markup drawn at (MARGIN + 8, y), text)], one or two lines each; returns (markup, height)."""
    body, y = [], top
    for symbol, text in items:
        lines = wrap(text, LABEL_CHARACTERS - 3)
        spans = "".join(f'<tspan x="{MARGIN + 24}" y="{y + LINE * (index + 1) - 5}">{escape(line)}</tspan>'
                        for index, line in enumerate(lines))
        body.append(symbol(MARGIN + 8, y + LINE // 2) + f"<text>{spans}</text>")
        y += LINE * len(lines)
    return "".join(body), y - top


TICK_ANCHORS = {0: "start", 100: "end"}  # the end ticks' numbers stay inside the drawing


def _axis(top, title):
    """Ticks 0 to 100 on a line at `top`, and the axis title (wrapped, centred) under them; returns (markup,
    height)."""
    ticks = "".join(f'<line x1="{_x(v):.1f}" y1="{top}" x2="{_x(v):.1f}" y2="{top + 5}" stroke="#555"/>'
                    f'<text x="{_x(v):.1f}" y="{top + 5 + LINE - 3}" '
                    f'text-anchor="{TICK_ANCHORS.get(v, "middle")}">{v}</text>' for v in range(0, 101, 20))
    lines = wrap(title)
    spans = "".join(f'<tspan x="{WIDTH / 2:.0f}" y="{top + 5 + LINE * (index + 2) - 3}">{escape(line)}</tspan>'
                    for index, line in enumerate(lines))
    return (f'<line x1="{_x(0)}" y1="{top}" x2="{_x(100)}" y2="{top}" stroke="#555"/>{ticks}'
            f'<text text-anchor="middle" font-weight="bold">{spans}</text>', 5 + LINE * (len(lines) + 1) + 6)


def adjusted_with_intervals(rows, title, description, chart_id="adjusted-chart"):
    """rows: [(label, adjusted, low, high, kind)], kind WINNER, TIE or OTHER, in the order to draw them (winners
    first on the public page) -> per entry its label, a dot or diamond for its score and a bar for its interval."""
    kinds = {kind for *_rest, kind in rows}
    legend_items = [(lambda x, y: _marker(WINNER, x, y), _("Winner"))] if WINNER in kinds else []
    legend_items += [(lambda x, y: _marker(OTHER, x, y), _("Entry"))] if OTHER in kinds else []
    legend_items += [(lambda x, y: _marker(TIE, x, y), _("Entry in a tie zone"))] if TIE in kinds else []
    legend_items.append((lambda x, y: f'<line x1="{x - 8}" y1="{y}" x2="{x + 8}" y2="{y}" stroke="#555" '
                                      f'stroke-width="3"/>', _("95% interval of the score")))
    body, height = _legend(legend_items, 4)
    body = [body]
    top = 4 + height + 8
    for label, adjusted, low, high, kind in rows:
        text, used = _label(label, top, bold=kind == WINNER)
        y = top + used + 10
        colour = COLOURS[kind]
        body.append(f'<g>{text}<line x1="{_x(low):.1f}" y1="{y}" x2="{_x(high):.1f}" y2="{y}" stroke="{colour}" '
                    f'stroke-width="3"/>{_marker(kind, _x(adjusted), y)}</g>')
        top = y + 14
    axis, used = _axis(top, _("Score adjusted for juror severity (out of 100)"))
    body.append(axis)
    return _frame(top + used, title, description, "".join(body), chart_id)


def juror_distributions(rows, title, description, chart_id="juror-chart"):
    """rows: [(label, [totals out of 100], severity)] -> per juror a strip of dots, one per total, and their mean."""
    body, height = _legend([
        (lambda x, y: f'<circle cx="{x}" cy="{y}" r="4" fill="{COLOURS[OTHER]}" fill-opacity="0.55"/>',
         _("One total given by the juror")),
        (lambda x, y: f'<line x1="{x}" y1="{y - 8}" x2="{x}" y2="{y + 8}" stroke="{MEAN_COLOUR}" stroke-width="3"/>',
         _("The juror's mean"))], 4)
    body = [body]
    top = 4 + height + 8
    for label, totals, _severity in rows:
        text, used = _label(label, top)
        y = top + used + 10
        body.append(f"<g>{text}")
        body.extend(f'<circle cx="{_x(total):.1f}" cy="{y}" r="4" fill="{COLOURS[OTHER]}" fill-opacity="0.55"/>'
                    for total in totals)
        if totals:
            mean = sum(totals) / len(totals)
            body.append(f'<line x1="{_x(mean):.1f}" y1="{y - 9}" x2="{_x(mean):.1f}" y2="{y + 9}" '
                        f'stroke="{MEAN_COLOUR}" stroke-width="3"/>')
        body.append("</g>")
        top = y + 14
    axis, used = _axis(top, _("Total given, out of 100"))
    body.append(axis)
    return _frame(top + used, title, description, "".join(body), chart_id)
