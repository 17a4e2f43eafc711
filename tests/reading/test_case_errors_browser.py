"""The case study shows a refused answer the shared way (puentes_core errors.js), on a 360 px phone in Spanish:
the message beside the question's field, the field marked and described by it, focus on it, announced as an
alert, and nothing chosen or written thrown away (issue 14)."""
import pytest

from tests.a11y import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_only]


def described_by(field):
    page = field.page
    ids = (field.get_attribute("aria-describedby") or "").split()
    return ids, [page.locator(f"#{i}").inner_text() for i in ids]


def test_a_refused_answer_is_shown_beside_its_field(page_as):
    page = page_as("ana", "es", width=360)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.get_by_role("link", name="Cúcuta: 30.000 cruces al día").click()
    case = page.locator(".pcs")
    case.locator(".pcs-decision").wait_for()

    # Submitted with nothing chosen: the message sits in the question's group, the first option takes the focus.
    single = case.locator(".pcs-single_choice")
    single.get_by_role("button", name="Enviar").click()
    message = single.locator(".pu-field-error")
    message.wait_for()
    assert message.inner_text() == "Primero elija o escriba su respuesta."
    assert message.get_attribute("role") == "alert"
    first = single.locator("input[type=radio]").first
    assert first.get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == first.get_attribute("id")
    assert "Primero elija o escriba su respuesta." in described_by(first)[1]
    assert not axe_violations(page, ".pcs-single_choice", impacts=("serious", "critical"))

    # The server refuses a reflection too short: beside the text, which stays, still described by its limits.
    reflection = case.locator(".pcs-reflection")
    area = reflection.locator("textarea")
    area.fill("Muy corto.")
    reflection.get_by_role("button", name="Enviar").click()
    reflection.locator(".pu-field-error").get_by_text("Escriba al menos 20 palabras; lleva 2.").wait_for()
    assert area.input_value() == "Muy corto."
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    ids, texts = described_by(area)
    assert "Escriba al menos 20 palabras; lleva 2." in texts and any(i.endswith("-limits") for i in ids)
    # The message follows the field: nothing between them.
    assert area.evaluate("node => node.nextElementSibling.classList.contains('pu-field-error')")

    # Answered, the question is redrawn with its result; no message is left.
    single.locator("input[type=radio]").nth(1).check()
    single.get_by_role("button", name="Enviar").click()
    case.locator(".pcs-single_choice [data-role=result] strong").wait_for()
    assert case.locator(".pcs-single_choice .pu-field-error").count() == 0
    assert case.locator(".pcs-single_choice [aria-invalid]").count() == 0
    assert not errors, errors
