"""On a 360 px phone, in Spanish and Portuguese: the organiser previews the judged competition's results, publishes
them after ticking the confirmation, and the public page shows the winners first, charts with a legend and axis
titles and text no smaller than 12 px, without scrolling sideways and without serious axe-core violations."""
import pytest

from tests.a11y import axe_violations
from tests.helpers import scrolls_sideways

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_only]

WORDS = {"es": {"heading": ["Primer premio", "Segundo premio", "Tercer premio"], "legend": "Ganador",
                "axis": "Puntaje ajustado por la severidad de los jurados (sobre 100)", "preview": "Vista previa"},
         "pt": {"heading": ["Primeiro prêmio", "Segundo prêmio", "Terceiro prêmio"], "legend": "Vencedor",
                "axis": "Pontuação ajustada pela severidade dos jurados (de 0 a 100)", "preview": "Pré-visualização"}}
PRIZE = {"es-AR": "US$30.000", "pt-BR": "US$ 30.000"}
# The smallest text on the page, in CSS px, after the SVG charts are scaled to the phone's width.
SMALLEST_TEXT = """() => Math.min(...[...document.querySelectorAll('body *')]
    .filter(el => el.childNodes.length && [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
    .filter(el => el.getClientRects().length && !el.closest('title, desc, details:not([open])'))
    .map(el => parseFloat(getComputedStyle(el).fontSize) * (el.getScreenCTM ? el.getScreenCTM().a : 1)))"""


def problems_of(page):
    found = axe_violations(page, impacts=("serious", "critical"))
    # A phone's browser widens its layout viewport to what overflows, so the width is checked against 360 too.
    width = page.evaluate("document.scrollingElement.scrollWidth")
    if scrolls_sideways(page) or width > 360:
        found.append(f"scrolls sideways: {width} px")
    return found


@pytest.mark.parametrize("language, locale", [("es", "es-AR"), ("pt", "pt-BR")])
def test_the_organiser_previews_publishes_and_everyone_reads_the_results(browser, page_as, demo_site, language,
                                                                          locale):
    from puentes_awards.jury.models import AuditLog
    from puentes_demo import past_competition
    edition = past_competition.ensure_past_edition(publish=False)   # judged, winners confirmed, not published
    public_url = f"{demo_site}/puentes_awards/results/{edition.slug}/?lang={language}"
    public = browser.new_context(locale=locale, viewport={"width": 360, "height": 740}, is_mobile=True,
                                 has_touch=True)
    try:
        reader = public.new_page()
        assert reader.goto(public_url).status == 404   # a preview until published

        fabio = page_as("fabio", language, locale=locale, width=360)
        fabio.goto(f"{demo_site}/puentes_awards/organise/{edition.slug}/")
        fabio.locator(f"a[href$='/organise/{edition.slug}/results/']").click()
        fabio.wait_for_load_state()
        assert WORDS[language]["preview"] in fabio.locator(".pu-preview").inner_text()
        assert fabio.locator("ol.winners h2").count() == 3
        assert problems_of(fabio) == []
        fabio.locator("form button[type=submit]").first.click()   # not confirmed: the browser keeps the form
        assert fabio.locator("#confirm:invalid").count() == 1 and reader.goto(public_url).status == 404
        fabio.locator("#confirm").check()
        fabio.locator("form button[type=submit]").first.click()
        fabio.wait_for_load_state()
        assert fabio.locator(".message-success").count() == 1
        assert AuditLog.objects.filter(edition=edition, action="results.published", actor_username="fabio").exists()

        assert reader.goto(public_url).status == 200
        assert reader.locator(".pu-preview").count() == 0 and reader.locator("form").count() == 0
        headings = reader.locator("ol.winners h2").all_inner_texts()
        assert [heading.split(":")[0] for heading in headings] == WORDS[language]["heading"]
        assert "Escuelas de puertas abiertas" in headings[0]
        first_prize = reader.locator("ol.winners li").first.inner_text().replace("\xa0", " ")
        assert PRIZE[locale] in first_prize, first_prize   # Babel's pattern for the reader's country, no cents
        page_text = reader.locator("main").inner_text()
        assert page_text.index("Arica") < page_text.index("Tapachula")   # winners first, then the others
        chart = reader.locator("svg#adjusted-chart")
        assert chart.get_attribute("role") == "img" and chart.locator("title").text_content().strip()
        chart_text = " ".join(chart.locator("tspan").all_text_contents())   # lines joined as read
        assert WORDS[language]["legend"] in chart_text and WORDS[language]["axis"] in chart_text
        assert reader.locator("svg#juror-chart").count() == 1
        assert reader.evaluate(SMALLEST_TEXT) >= 12
        assert problems_of(reader) == []
    finally:
        public.close()
