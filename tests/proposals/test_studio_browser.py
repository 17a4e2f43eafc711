"""Diego (course staff) edits the proposal template in the demo's Studio page, in Spanish: the default
sections appear translated, a bad id is named and focused, a new section moved by keyboard is saved,
and a learner sees it."""
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_diego_adds_a_section_and_ana_sees_it(page_as, demo_site):
    from puentes_demo.models import DemoUnit
    unit = DemoUnit.objects.get(language="es", title="Propuesta de proyecto")
    errors = []
    diego = page_as("diego", "es")
    diego.on("pageerror", lambda error: errors.append(str(error)))
    diego.goto(f"{demo_site}/studio/{unit.usage_id}/")
    editor = diego.locator(".pp-editor")
    sections = editor.locator("[data-list=sections] > [data-role=items] > fieldset")
    count = sections.count()
    from puentes_proposal.default_template import DEFAULT_SECTIONS
    assert count == len(DEFAULT_SECTIONS)
    assert sections.first.locator("[data-name=title]").input_value() == "Título del proyecto"  # translated default

    editor.get_by_role("button", name="Agregar: Sección").click()
    new = sections.nth(count)
    assert diego.evaluate("document.activeElement.getAttribute('data-name')") == "id"  # focus moved to the new one
    diego.keyboard.type("Municipio participante")  # not a valid id: spaces and capitals
    new.get_by_label("Título").fill("Municipio participante")
    new.get_by_label("Ayuda para el equipo").fill("El municipio y el país que presentan el proyecto.")
    new.get_by_label("Obligatoria").check()
    editor.get_by_role("button", name="Guardar").click()
    editor.locator("[role=alert]").get_by_text(f"Sección {count + 1}").wait_for()
    assert diego.evaluate("document.activeElement.getAttribute('data-path')") == f"sections.{count}.id"
    assert new.locator("[data-name=id]").get_attribute("aria-invalid") == "true"
    # The message is beside the field too (errors.js), and the field is in view above the sticky Save bar.
    beside = new.locator("[data-name=id]").get_attribute("aria-describedby").split()[0]
    assert f"sección {count + 1}" in diego.locator(f"#{beside}").inner_text().lower()
    assert diego.evaluate("""() => {
        const field = document.activeElement.getBoundingClientRect();
        const bar = document.querySelector('.pst-editor-actions').getBoundingClientRect();
        return field.top >= 0 && field.bottom <= bar.top; }""")

    new.locator("[data-name=id]").fill("municipio")
    new.get_by_label("Tipo").select_option("short_text")
    new.get_by_role("button", name="Subir").focus()
    for _ in range(count):  # to the top by keyboard: the focus stays on the button as its section moves
        diego.keyboard.press("Enter")
    assert diego.evaluate("document.activeElement.closest('fieldset').querySelector('[data-name=id]').value") == \
        "municipio"
    assert sections.first.locator("legend").first.inner_text() == "Sección 1"
    assert sections.first.locator("[data-name=id]").input_value() == "municipio"
    with diego.expect_navigation():  # saved: the demo's runtime reloads the editor, as Studio does
        editor.get_by_role("button", name="Guardar").click()
    assert diego.locator(".pp-editor [data-list=sections] [data-name=title]").first.input_value() == \
        "Municipio participante"

    ana = page_as("ana", "es")
    ana.goto(f"{demo_site}/unit/{unit.usage_id}/")
    ana.locator('[data-init][data-initialized="true"]').first.wait_for(state="attached")
    ana.locator(".pp-start-button").click()
    first = ana.locator(".pp-form .pp-section").first
    first.wait_for()
    assert first.get_attribute("data-section") == "municipio"
    assert "1. Municipio participante" in first.locator("legend").inner_text()
    assert "El municipio y el país que presentan el proyecto." in first.inner_text()
    assert not errors, errors
