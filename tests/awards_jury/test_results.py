"""The public results page: winners, and two accessible SVG charts, in English, Spanish and Portuguese."""
import re

import pytest


def results(client, edition, lang):
    response = client.get(f"/puentes_awards/results/{edition.slug}/?lang={lang}")
    assert response.status_code == 200
    return response.content.decode()


def test_results_show_winners_and_both_charts(client, decided):
    page = results(client, decided, "en")
    assert page.index("Welcome desk 1") < page.index("Welcome desk 2") < page.index("Welcome desk 3")
    assert "Quito" in page and "$30,000.00" in page and "A one-stop desk for migrants in Lima." in page
    assert page.count("<svg") == 2
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))  # two charts, each with its own title and description ids
    for chart in ("adjusted-chart", "juror-chart"):
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in page
        assert re.search(rf'<title id="{chart}-title">[^<]+</title><desc id="{chart}-desc">[^<]+</desc>', page)


def test_the_public_juror_chart_numbers_the_jurors(client, decided):
    page = results(client, decided, "en")
    assert "Juror 1" in page and "Juror 3" in page
    for username in ("elena", "jorge", "carla"):
        assert username not in page
    # every submitted screening total is one dot in the juror chart
    juror_chart = page[page.index('id="juror-chart"'):]
    juror_chart = juror_chart[:juror_chart.index("</svg>")]
    assert juror_chart.count("<circle") == 20  # 10 entries x 2 jurors


@pytest.mark.parametrize("lang, code, heading", [("en", "en", "First prize"), ("es", "es-419", "Primer premio"),
                                                  ("pt", "pt-br", "Primeiro prêmio")])
def test_results_render_in_each_language(client, decided, lang, code, heading):
    page = results(client, decided, lang)
    assert f'<html lang="{code}">' in page
    assert heading in page and page.count("<svg") == 2 and "Quito" in page
