"""An official answers the Spanish questionnaire on a phone (360 px) in headless Chromium: conditions, an error
at the field, answers kept while offline, the profile and its links, consent; axe-core finds nothing. Then the
analyst reads the figures and builds the report."""
import pytest
from babel.numbers import format_percent

from tests.a11y import axe_violations
from tests.helpers import wait_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 360, "height": 740}


def question(form, code):
    return form.locator(f'.pna-question[data-field="{code}"]')


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_an_official_answers_on_a_phone_in_spanish(page_as):
    page = page_as("ana", "es")
    page.set_viewport_size(PHONE)
    page.get_by_role("link", name="Diagnóstico de necesidades de su municipio").first.click()
    form = page.locator(".pna-form")
    form.wait_for()
    assert no_sideways_scroll(page)
    assert axe_violations(page, ".pna") == []

    # A condition: the office's staff is asked only when there is an office.
    assert question(form, "OFFICE_STAFF").is_hidden()
    question(form, "HAS_OFFICE").get_by_label("Sí").check()
    question(form, "OFFICE_STAFF").wait_for()
    form.get_by_label("Nombre del municipio").fill("Cúcuta")
    form.get_by_label("País").select_option(label="Colombia")
    question(form, "POPULATION").locator("input").fill("777106")

    # Submitting too early: the message says what to do and the first missing answer gets the focus.
    form.get_by_role("button", name="Enviar", exact=True).click()
    form.get_by_text("Responda las preguntas marcadas como obligatorias.").wait_for()
    assert question(form, "ARRIVALS").locator(".pna-error").inner_text() == "Esta respuesta es obligatoria."
    assert page.evaluate("document.activeElement.name") == "ARRIVALS"

    # Offline: the answer stays on the phone and goes to the server when the connection returns.
    page.context.set_offline(True)
    question(form, "ARRIVALS").locator("input").fill("1500")
    form.get_by_role("button", name="Guardar y seguir después").click()
    form.get_by_text("Sin conexión: sus respuestas se guardan en este dispositivo", exact=False).wait_for()
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('puentes-needs:'))"
                         ".map(k => JSON.parse(localStorage.getItem(k)).answers.ARRIVALS)")
    assert kept == [1500]
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    form.get_by_text("Guardado a las", exact=False).wait_for()

    # Every other required answer, the research question apart, and the profile.
    question(form, "OFFICE_STAFF").locator("input").fill("3")
    question(form, "MOBILITY").get_by_label("Sobre todo personas en tránsito").check()
    question(form, "BUDGET_LINE").get_by_label("No").check()
    levels = {"GOV_COORD": 2, "GOV_PLAN": 1, "REC_INFO": 3, "REC_DOCS": 3, "EMP_ACCESS": 2, "PROT_HEALTH": 3,
              "PSY_GBV": 1, "EDU_ACCESS": 4, "COH_XENO": 2}
    for code, level in levels.items():
        question(form, code).locator(f'input[value="{level}"]').check()
    form.get_by_label("Sí, mis respuestas pueden usarse para investigación").check()
    form.get_by_text("Gracias: sus respuestas formarán parte de la investigación.").wait_for()
    form.get_by_role("button", name="Enviar", exact=True).click()
    profile = page.locator(".pna-profile")
    profile.wait_for()
    assert "El perfil de su municipio" in profile.inner_text()
    assert profile.locator("svg[role=img] title").text_content() == "Capacidad de su municipio por área"
    rows = {row.locator("th").inner_text(): row.locator("td").inner_text()
            for row in profile.locator("tbody tr").all()}
    # Capacity in the learner's locale (Babel, es_419): levels 2 and 1 of 4 are 1/6 of the way up.
    assert rows["Gobernanza y coordinación"] == format_percent(1 / 6, locale="es_419") == "17%"
    assert rows["Educación"] == format_percent(1, locale="es_419")
    assert no_sideways_scroll(page)
    assert axe_violations(page, ".pna") == []

    # Back on another visit the answers are there, and the weakest area links to the module that teaches it.
    page.reload()
    assert question(page.locator(".pna-form"), "ARRIVALS").locator("input").input_value() == "1500"
    page.locator(".pna-weakest").get_by_role("link", name="Módulo 7: Apoyo psicosocial y violencia de género").click()
    wait_for(lambda: "m07_reading_1_unit" in page.url, what="the linked unit")


def test_the_analyst_reads_the_figures_and_builds_the_report(page_as):
    page = page_as("gabriela", "es")
    page.get_by_role("button", name="Continuar al análisis del diagnóstico de necesidades").click()
    page.get_by_role("heading", name="Necesidades en orden").wait_for()
    argentina = page.locator("tr", has=page.get_by_role("rowheader", name="Argentina")).first
    assert "suprimido" in argentina.inner_text()  # three municipalities only
    assert page.locator("svg[role=img]").count() >= 10
    assert axe_violations(page) == []
    page.set_viewport_size(PHONE)
    assert axe_violations(page) == []

    page.get_by_role("button", name="Generar el informe").click()
    page.locator(".pa-files").get_by_role("link", name="español (PDF)").wait_for(timeout=120_000)
    assert page.locator("progress").get_attribute("value") == "100"
    assert "Listo" in page.locator(".pa-stage").inner_text()
