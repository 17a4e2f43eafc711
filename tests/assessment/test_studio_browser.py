"""Course staff edit the Spanish questionnaire in the demo's Studio view: no JSON, a bad code is named at its
field and focused, a good edit is saved and reaches the learners' view."""
import pytest

from tests.a11y import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_diego_edits_the_questionnaire_in_studio(page_as):
    page = page_as("diego", "es")
    page.get_by_role("link", name="Diagnóstico de necesidades de su municipio").first.click()
    page.locator(".staff-tools a").click()  # the demo's "Edit in Studio" link
    editor = page.locator(".pna-editor")
    editor.locator("[data-role=editor] form").wait_for()
    assert "{" not in editor.locator("[data-name=prompt]").first.input_value()  # words, not JSON
    code = editor.locator("[data-name=code]").nth(6)   # the first capacity scale, GOV_COORD
    assert code.input_value() == "GOV_COORD"
    code.fill("coordinación")
    editor.get_by_role("button", name="Guardar").click()
    alert = editor.locator("[role=alert]")
    alert.get_by_text("El código de la pregunta usa mayúsculas", exact=False).wait_for()
    assert page.evaluate("document.activeElement.getAttribute('data-path')") == "sections.1.questions.0.code"
    assert axe_violations(page, ".pna-editor") == []

    code.fill("GOV_COORD")
    prompt = editor.locator("[data-name=prompt]").nth(6)
    prompt.fill("¿Cómo se coordina hoy el municipio con el nivel nacional?")
    with page.expect_navigation():  # saved: the demo's runtime reloads the editor, as Studio does
        editor.get_by_role("button", name="Guardar").click()
    page.locator(".staff-tools a").click()  # back to the learners' view of the unit
    page.locator(".pna-form").get_by_text("¿Cómo se coordina hoy el municipio con el nivel nacional?").wait_for()
