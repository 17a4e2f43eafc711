"""The public results page: winners first, the other entries by name (their scores only when the organiser
publishes them), and two accessible SVG charts with legends and axis titles, in English, Spanish and Portuguese."""
import html
import re

import pytest

from puentes_awards.jury import charts, results_page, services


def results(client, edition, lang, **headers):
    response = client.get(f"/puentes_awards/results/{edition.slug}/?lang={lang}", **headers)
    assert response.status_code == 200
    return response.content.decode()


def chart_of(page, chart_id):
    chart = page[page.index(f'id="{chart_id}"'):]
    return chart[:chart.index("</svg>")]


def words_of(chart):
    """The chart's text as read, lines joined by a space."""
    return " ".join(re.sub(r"<[^>]+>", " ", chart).split())


def drawn_rows(chart):
    """The first line of each row's label, top to bottom."""
    return re.findall(r'<g><text[^>]*>(?:<title>[^<]*</title>)?<tspan[^>]*>([^<]+)</tspan>', chart)


def test_results_show_winners_first_and_both_charts(client, published):
    page = results(client, published, "en")
    assert page.index("Welcome desk 1") < page.index("Welcome desk 2") < page.index("Welcome desk 3")
    assert page.index("Welcome desk 3") < page.index("Welcome desk 4")  # the others after the winners
    assert "Quito" in page and "$30,000" in page and "$30,000.00" not in page
    assert "A one-stop desk for migrants in Lima." in page
    assert page.count("<svg") == 2
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))  # two charts, each with its own title and description ids
    for chart in ("adjusted-chart", "juror-chart"):
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in page
        assert re.search(rf'<svg[^>]* role="img"[^>]* id="{chart}"', page)
        assert re.search(rf'<title id="{chart}-title">[^<]+</title><desc id="{chart}-desc">[^<]+</desc>', page)
    adjusted = words_of(chart_of(page, "adjusted-chart"))
    assert "Winner" in adjusted and "95% interval of the score" in adjusted  # the legend
    assert "Score adjusted for juror severity (out of 100)" in adjusted       # the axis title, on two lines
    assert "Total given, out of 100" in words_of(chart_of(page, "juror-chart"))
    assert page.count("This chart&#x27;s numbers as a table") + page.count("This chart's numbers as a table") == 2
    assert "Preview" not in page and 'name="action"' not in page


def test_by_default_only_the_winners_scores_are_public(client, published):
    page = results(client, published, "en")
    ranking, _reliability, entries = services.screening_ranking(published)
    scores = {entries[e.entry_id].proposal_id: e for e in ranking.entries}
    assert drawn_rows(chart_of(page, "adjusted-chart")) == [
        "Welcome desk 1 — Quito", "Welcome desk 2 — Lima", "Welcome desk 3 — Cali"]
    assert f"Screening score: {scores[1].adjusted:.1f} out of 100" in page
    # The fourth finalist is listed by name, the other entries too, in alphabetical order: no order, no score.
    finalists = page[page.index('id="finalists-heading"'):page.index('id="others-heading"')]
    assert "Welcome desk 4 — Rosario (Argentina)" in finalists
    others = page[page.index('id="others-heading"'):page.index("</section>", page.index('id="others-heading"'))]
    listed = re.findall(r"<li>Welcome desk (\d+) — (\w+)", others)
    assert listed == [("10", "Pasto"), ("5", "Cusco"), ("6", "Recife"), ("7", "Tacna"), ("8", "Salta"), ("9", "Loja")]
    assert 'id="entries-heading"' not in page  # no table of the other entries' scores
    table = page[page.index("numbers as a table"):]
    assert re.findall(r"Welcome desk (\d+) —", table[:table.index("</table>")]) == ["1", "2", "3"]


def test_the_organiser_may_publish_every_score(client, published, jury):
    services.publish_results(published, True, jury["fabio"])
    page = results(client, published, "en")
    ranking, _reliability, entries = services.screening_ranking(published)
    others = [entries[e.entry_id] for e in ranking.entries if entries[e.entry_id].proposal_id > 3]
    rows = drawn_rows(chart_of(page, "adjusted-chart"))
    assert rows[:3] == ["Welcome desk 1 — Quito", "Welcome desk 2 — Lima", "Welcome desk 3 — Cali"]
    assert rows[3:] == [f"{entry.title} — {entry.municipality}" for entry in others]
    table = page[page.index('id="entries-heading"'):]
    assert re.findall(r"Welcome desk (\d+) —", table[:table.index("</table>")]) == [str(e.proposal_id) for e in others]
    assert "Finalist" in table


def test_the_public_juror_chart_numbers_the_jurors(client, published):
    page = results(client, published, "en")
    assert "Juror 1" in page and "Juror 3" in page
    for username in ("elena", "jorge", "carla"):
        assert username not in page
    juror_chart = chart_of(page, "juror-chart")
    assert juror_chart.count("<circle") == 20 + 1  # 10 entries x 2 jurors, and the legend's dot


@pytest.mark.parametrize("lang, code, accept, heading, prize, score", [
    ("en", "en", "en-US", "First prize", "$30,000", r"Screening score: \d+\.\d out of 100"),
    ("es", "es-419", "es-AR", "Primer premio", "US$30.000", r"Puntaje de preselección: \d+,\d sobre 100"),
    ("pt", "pt-br", "pt-BR", "Primeiro prêmio", "US$\xa030.000", r"Pontuação na triagem: \d+,\d de 100"),
])
def test_results_render_in_each_language(client, published, lang, code, accept, heading, prize, score):
    page = results(client, published, lang, HTTP_ACCEPT_LANGUAGE=accept)
    assert f'<html lang="{code}">' in page
    assert heading in page and page.count("<svg") == 2 and "Quito" in page
    assert prize in page  # Babel's currency pattern for the reader's locale, without cents on a whole prize
    assert re.search(score, page)  # the reader's decimal mark


def test_entries_that_would_read_alike_get_told_apart(edition):
    from puentes_awards.models import Entry
    first, second, third = edition.entries.order_by("pk")[:3]
    Entry.objects.filter(pk__in=[first.pk, second.pk, third.pk]).update(title="Casa abierta", municipality="Lima")
    Entry.objects.filter(pk=third.pk).update(country=second.country)
    labels = results_page.entry_labels(edition.entries.filter(pk__in=[first.pk, second.pk, third.pk]))
    assert len(set(labels.values())) == 3
    assert labels[first.pk] == f"Casa abierta — Lima ({first.country})"
    assert labels[third.pk] == f"Casa abierta — Lima ({second.country}) #2"


def test_chart_labels_wrap_escape_and_keep_their_full_text():
    long = "Programa <b>integral</b> de acogida, empleo, vivienda y salud mental para familias migrantes — Tapachula"
    svg = charts.adjusted_with_intervals([(long, 70, 60, 80, charts.WINNER), ("Otra — Lima", 50, 40, 60, charts.OTHER)],
                                         "T", "D")
    assert "<b>" not in svg and "&lt;b&gt;integral&lt;/b&gt;" in svg
    first = re.search(r"<g><text[^>]*><title>([^<]+)</title>((?:<tspan[^>]*>[^<]*</tspan>)+)</text>", svg)
    assert first.group(1) == long.replace("<", "&lt;").replace(">", "&gt;")
    lines = [html.unescape(line) for line in re.findall(r"<tspan[^>]*>([^<]*)</tspan>", first.group(2))]
    assert len(lines) == 2 and lines[1].endswith("…") and all(len(line) <= charts.LABEL_CHARACTERS for line in lines)
    sizes = [int(size) for size in re.findall(r'font-size="(\d+)"', svg)]
    assert sizes == [charts.FONT] and charts.FONT * 328 / charts.WIDTH >= 12  # readable in a 360 px screen's 328 px
    assert re.search(r'viewBox="0 0 400 \d+"', svg)


@pytest.mark.parametrize("scores_public", [False, True])
def test_the_page_reads_as_many_rows_whatever_the_entries(client, published, jury, scores_public):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from puentes_awards.models import Entry
    services.publish_results(published, scores_public, jury["fabio"])

    def queries():
        results(client, published, "en")   # warm: the ranking is cached
        with CaptureQueriesContext(connection) as captured:
            results(client, published, "en")
        return len(captured)
    before = queries()
    template = published.entries.get(proposal_id=10)
    for number in range(11, 16):  # five more entries that were never scored
        Entry.objects.create(edition=published, proposal_id=number, version=1, course_key=template.course_key,
                             block_key=f"block-{number}", title=f"Welcome desk {number}", municipality="Tumbes",
                             country="PE", team=[], snapshot={}, eligible=True, submitted_at=template.submitted_at,
                             approved_at=template.approved_at, entered_at=template.entered_at)
    assert queries() == before
    assert "Welcome desk 15 — Tumbes (Peru)" in results(client, published, "en")
