"""A team types its budget the way people in its country write numbers, on a 360 px phone, in Spanish
and Portuguese; the page reads it right, refuses what could mean two things at the cell, and the
server stores what the team meant (issue 14)."""
import pytest

from tests.helpers import scrolls_sideways, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_only]

UNITS = {"es": "Formulario de la propuesta del proyecto municipal",
         "pt": "Proposta de projeto municipal para o concurso"}


def proposal():
    from puentes_proposals.models import Proposal
    return Proposal.objects.get()


def open_proposal(page_as, demo_site, language, locale):
    from puentes_demo.models import DemoUnit
    unit = DemoUnit.objects.get(language=language, title=UNITS[language])
    page = page_as("ana", language, locale=locale, width=360)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{demo_site}/unit/{unit.usage_id}/")
    page.locator('[data-init][data-initialized="true"]').first.wait_for(state="attached")
    page.locator(".pp-start-button").click()
    page.locator('[data-initialized="true"] .pp-form').wait_for()   # the reloaded page, its script run
    return page, errors


def budget_row(budget, item, quantity, unit_cost):
    budget.locator(".pp-add-row").click()
    row = budget.locator("tbody tr").last
    row.locator('[data-field="item"]').fill(item)
    row.locator('[data-field="quantity"]').fill(quantity)
    row.locator('[data-field="unit_cost"]').fill(unit_cost)
    return row


@pytest.mark.parametrize("language, locale, total", [
    ("es", "es-AR", "US$\u00a010.501,50"),
    ("pt", "pt-BR", "US$\u00a010.501,50"),
])
def test_a_budget_typed_with_thousands_points_and_decimal_commas(page_as, demo_site, settings, language, locale,
                                                                  total):
    settings.PUENTES_AUTOSAVE_SECONDS = 1
    page, errors = open_proposal(page_as, demo_site, language, locale)
    budget = page.locator('.pp-section[data-type="budget"]')
    budget_row(budget, "Mediadores", "2", "1.500")
    row = budget_row(budget, "Alquiler", "3", "2.500,50")
    assert row.locator(".pp-subtotal").inner_text() == "US$\u00a07501,50".replace("7501", "7.501")
    assert budget.locator(".pp-total").inner_text() == total
    # On a phone each cell keeps its column heading.
    label = row.locator("td").nth(2).evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label.strip('"').startswith({"es": "Costo unitario", "pt": "Custo unitário"}[language])
    page.locator(".pp-save-now").click()
    wait_for(lambda: proposal().answers.get("budget"))
    assert [(r["quantity"], r["unit_cost"]) for r in proposal().answers["budget"]] == [(2, 1500), (3, 2500.5)]

    # Reopened, the stored numbers are written the reader's way again.
    page.reload()
    page.locator('[data-initialized="true"] .pp-form').wait_for()
    cost = page.locator('.pp-section[data-type="budget"] tbody tr').last.locator('[data-field="unit_cost"]')
    assert cost.input_value() == "2500,5"
    assert page.locator(".pp-total").inner_text() == total

    # A number of another convention is refused beside its cell, and nothing typed is thrown away.
    cost.fill("1.5")
    assert cost.get_attribute("aria-invalid") == "true"
    message = page.locator("#" + cost.get_attribute("aria-describedby").split()[0])
    assert "1.234,5" in message.inner_text()
    assert cost.input_value() == "1.5"
    assert not scrolls_sideways(page)
    assert not errors, errors


def test_a_reader_whose_browser_names_no_country_is_asked_which_number_they_meant(page_as, demo_site, settings):
    settings.PUENTES_AUTOSAVE_SECONDS = 1
    page, errors = open_proposal(page_as, demo_site, "es", "es-419")
    budget = page.locator('.pp-section[data-type="budget"]')
    row = budget_row(budget, "Mediadores", "2", "1.500")
    cost = row.locator('[data-field="unit_cost"]')
    assert cost.get_attribute("aria-invalid") == "true"
    message = page.locator("#" + cost.get_attribute("aria-describedby").split()[0]).inner_text()
    assert "1500" in message and "1.5" in message
    assert budget.locator(".pp-total").inner_text() == "—"
    page.locator(".pp-save-now").click()   # the server refuses it too, at the same cell
    wait_for(lambda: "1.500" in page.locator(".pp-saved").inner_text())
    assert cost.get_attribute("aria-invalid") == "true"
    assert "budget" not in proposal().answers
    cost.fill("2.500,50")
    assert cost.get_attribute("aria-invalid") is None
    assert budget.locator(".pp-total").inner_text().replace("\u00a0", " ") in ("USD 5,001.00", "US$ 5,001.00")
    page.locator(".pp-save-now").click()
    wait_for(lambda: proposal().answers.get("budget"))
    assert proposal().answers["budget"][0]["unit_cost"] == 2500.5
    assert not scrolls_sideways(page)
    assert not errors, errors
