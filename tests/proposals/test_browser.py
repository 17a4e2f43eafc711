"""Two team members in Chromium: they edit, the network drops mid-draft, nothing is lost, and the
proposal is submitted in Portuguese."""

import pytest

from tests.helpers import wait_for

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_only]

WORDS = " ".join(["participação"] * 90)


def draft():
    from puentes_proposals.models import Proposal
    return Proposal.objects.get()


def open_unit(page, url):
    page.goto(url)
    page.locator('[data-init][data-initialized="true"]').first.wait_for(state="attached")


def section(page, section_id):
    return page.locator(f'.pp-section[data-section="{section_id}"]')


def test_two_members_edit_offline_and_submit_in_portuguese(page_as, demo_site, settings):
    from puentes_demo.models import DemoUnit
    settings.PUENTES_AUTOSAVE_SECONDS = 2
    unit = DemoUnit.objects.get(language="pt", title="Proposta de projeto")
    url = f"{demo_site}/unit/{unit.usage_id}/"

    errors = []
    ana = page_as("ana", "pt")
    ana.on("pageerror", lambda error: errors.append(str(error)))
    open_unit(ana, url)
    ana.locator(".pp-start-button").click()
    code = ana.locator(".pp-code").inner_text()
    bruno = page_as("bruno", "pt")
    bruno.on("pageerror", lambda error: errors.append(str(error)))
    open_unit(bruno, url)
    bruno.locator(".pp-join input").fill(code)
    bruno.locator(".pp-join button").click()
    bruno.locator(".pp-form").wait_for()
    assert bruno.locator(".pp-members li").count() == 2

    # Both write, in different sections, at the same time.
    section(ana, "title").locator("input").fill("Casa Ponte: acolhida em Foz do Iguaçu")
    section(bruno, "target_population").locator(".pp-rich").fill(WORDS)
    ana.locator(".pp-save-now").click()
    bruno.locator(".pp-save-now").click()
    wait_for(lambda: draft().answers.get("title") and draft().answers.get("target_population"))

    # The network drops while Ana writes; her text stays in the browser and goes out when it returns.
    ana.context.set_offline(True)
    section(ana, "problem").locator(".pp-rich").fill(WORDS + " problema")
    ana.locator(".pp-save-now").click()
    ana.locator(".pp-saved").filter(has_text="Offline").or_(ana.locator(".pp-saved")).wait_for()
    wait_for(lambda: "problem" in ana.evaluate("Object.keys(localStorage).map(k => localStorage[k]).join()"))
    assert "problem" not in draft().answers
    ana.context.set_offline(False)
    wait_for(lambda: "problema" in (draft().answers.get("problem") or ""))

    # Offline again, and the tab is closed before the connection returns: the next visit sends it.
    ana.context.set_offline(True)
    section(ana, "risks").locator(".pp-rich").fill(WORDS + " riscos")
    ana.locator(".pp-save-now").click()
    wait_for(lambda: "riscos" in ana.evaluate("Object.keys(localStorage).map(k => localStorage[k]).join()"))
    context = ana.context
    ana.close()
    context.set_offline(False)
    ana = context.new_page()
    open_unit(ana, url)
    wait_for(lambda: "riscos" in (draft().answers.get("risks") or ""))
    assert "problema" in draft().answers["problem"] and draft().answers["title"].startswith("Casa Ponte")

    # Bruno's page still has the old title: his change is refused and both texts are shown.
    section(bruno, "title").locator("input").fill("Título do Bruno")
    bruno.locator(".pp-save-now").click()
    conflict = section(bruno, "title").locator(".pp-conflict")
    conflict.wait_for()
    assert "Casa Ponte" in conflict.inner_text() and "Título do Bruno" in conflict.inner_text()
    assert "ana salvou esta seção enquanto você a editava" in conflict.inner_text()   # names the colleague
    conflict.locator("button").nth(1).click()          # use theirs
    assert section(bruno, "title").locator("input").input_value().startswith("Casa Ponte")
    assert draft().answers["title"].startswith("Casa Ponte")

    # Bruno completes the rest and submits, in Portuguese.
    bruno.reload()
    bruno.locator('[data-init][data-initialized="true"]').first.wait_for(state="attached")
    section(bruno, "thematic_area").locator("select").select_option("reception")
    for section_id in ("problem", "objectives", "innovation", "activities", "participation", "gender_diversity",
                       "sustainability", "replicability"):
        rich = section(bruno, section_id).locator(".pp-rich")
        if not rich.inner_text().strip():
            rich.fill(WORDS)
    section(bruno, "timeline").locator(".pp-start").fill("2027-10-01")
    section(bruno, "timeline").locator(".pp-end").fill("2028-09-30")
    budget = section(bruno, "budget")
    budget.locator(".pp-add-row").click()
    budget.locator('[data-field="item"]').fill("Mediadores culturais")
    budget.locator('[data-field="quantity"]').fill("2")
    budget.locator('[data-field="unit_cost"]').fill("1500")
    assert budget.locator(".pp-total").inner_text() == "R$\u00a03.000,00"   # pt-BR, the block's currency
    indicators = section(bruno, "indicators")
    indicators.locator(".pp-add-row").click()
    indicators.locator('[data-field="name"]').fill("Famílias acolhidas")
    indicators.locator('[data-field="baseline"]').fill("0")
    indicators.locator('[data-field="target"]').fill("120")
    # The rulebook asks for the mayor's letter of support: the documents section is required.
    section(bruno, "documents").locator(".pp-upload").set_input_files(files=[{
        "name": "carta-de-apoio.pdf", "mimeType": "application/pdf",
        "buffer": b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"}])
    section(bruno, "documents").get_by_text("carta-de-apoio.pdf").wait_for()
    bruno.on("dialog", lambda dialog: dialog.accept())
    bruno.locator(".pp-submit").click()
    bruno.locator(".pp-locked").wait_for()
    proposal = draft()
    assert proposal.status == "submitted" and proposal.versions_submitted == 1
    assert proposal.answers["budget"] == [{"item": "Mediadores culturais", "quantity": 2, "unit_cost": 1500}]
    assert bruno.locator(".pp-status-label").inner_text() == "Enviada"
    assert bruno.locator("html").get_attribute("lang").startswith("pt")
    assert not errors, errors
