"""Course staff edit a case in the demo's Studio view: a bad edit is named and focused, a good one is saved."""
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_diego_edits_the_case_in_studio(page_as):
    page = page_as("diego", "pt")
    page.get_by_role("link", name="Pacaraima: a porta de entrada no extremo norte").click()
    page.locator(".staff-tools a").click()  # the demo's "Edit in Studio" link
    editor = page.locator(".pcs-editor")
    editor.get_by_label("Título").fill("Pacaraima: porta de entrada")
    reflection_min = editor.locator("[data-name=min_words]")
    reflection_min.fill("900")
    editor.get_by_role("button", name="Salvar").click()
    editor.locator("[role=alert]").get_by_text("O mínimo de palavras é maior que o máximo (250).").wait_for()
    assert page.evaluate("document.activeElement.getAttribute('data-path')") == "questions.3.min_words"
    beside = reflection_min.get_attribute("aria-describedby").split()[0]   # and the message beside the field
    assert "O mínimo de palavras é maior" in page.locator(f"#{beside}").inner_text()
    reflection_min.fill("30")
    with page.expect_navigation():  # saved: the demo's runtime reloads the editor, as Studio does
        editor.get_by_role("button", name="Salvar").click()
    assert page.locator(".pcs-editor [data-name=display_name]").input_value() == "Pacaraima: porta de entrada"
    page.locator(".staff-tools a").click()  # back to the learner's view of the unit
    page.locator(".pcs-title").get_by_text("Pacaraima: porta de entrada").wait_for()
    assert "Escreva entre 30 e 250 palavras." in page.locator(".pcs-reflection").inner_text()
