"""The library in a real browser, on a 360 px phone in Spanish and Portuguese: search, filter, read a practice,
share one's own; nothing scrolls sideways."""
import pytest

from tests.a11y import axe_violations
from tests.helpers import scrolls_sideways

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(browser, demo_site):
    contexts = []

    def open_phone(language):
        context = browser.new_context(viewport={"width": 360, "height": 740},
                                      locale={"es": "es-419", "pt": "pt-BR"}[language])
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.errors = errors
        page.goto(f"{demo_site}/?lang={language}")
        return page

    yield open_phone
    for context in contexts:
        context.close()


def _no_sideways_scroll(page):
    assert not scrolls_sideways(page), page.url


def _readable(page):
    """Nothing scrolls sideways and axe-core finds no WCAG A/AA violation in the library's own part."""
    _no_sideways_scroll(page)
    assert axe_violations(page, ".practices") == [], page.url


@pytest.mark.parametrize("language, heading, results, filtered", [
    ("es", "Biblioteca de buenas prácticas", "12 prácticas encontradas", "1 práctica encontrada"),
    ("pt", "Biblioteca de boas práticas", "12 práticas encontradas", "1 prática encontrada"),
])
def test_search_filter_and_read_a_practice_on_a_phone(phone, demo_site, language, heading, results, filtered):
    page = phone(language)
    page.get_by_role("link", name={"es": "Abrir la biblioteca", "pt": "Abrir a biblioteca"}[language]).click()
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert page.get_by_role("status").inner_text().startswith(results)
    _readable(page)
    page.get_by_label({"es": "País", "pt": "País"}[language]).select_option("GY")
    page.get_by_role("button", name={"es": "Buscar", "pt": "Pesquisar"}[language]).click()
    assert page.get_by_role("status").inner_text().startswith(filtered)
    page.get_by_role("link", name="Community health navigators for new arrivals").click()
    assert page.locator("h1").get_attribute("lang") == "en"   # the team's own language, said and marked
    assert {"es": "escribió este proyecto en inglés", "pt": "escreveu este projeto em inglês"}[language] in \
        page.locator("main").inner_text()
    assert page.locator("meta[property='og:title']").get_attribute("content").startswith(
        "Community health navigators for new arrivals (Georgetown, ")
    _readable(page)
    page.goto(f"{demo_site}/puentes_practices/network/")
    assert "Georgetown" in page.locator("main").inner_text() and "Medellín" not in page.locator("main").inner_text()
    _readable(page)
    page.goto(f"{demo_site}/puentes_practices/?q=escuelas+niñez")
    assert page.get_by_role("link", name="Escuelas de puertas abiertas para la niñez migrante").is_visible()
    assert page.errors == []


def test_a_bad_filter_is_shown_at_its_field_on_a_phone(phone, demo_site):
    page = phone("es")
    page.goto(f"{demo_site}/puentes_practices/?area=nada")
    assert page.locator("#area-error").inner_text() == "Elige una de las opciones de la lista."
    assert page.locator("#area").get_attribute("aria-invalid") == "true"
    _readable(page)
