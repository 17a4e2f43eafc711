"""The consent path in Chromium (a block without a team-set, Spanish): Ana invites Bruno by username, the
field at fault is marked when the name is wrong; Bruno accepts in the unit and is in the team; then he
leaves, confirming, and Ana's page records both (issue 13, row M5)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_only]


def open_unit(page, url):
    page.goto(url)
    page.locator('[data-init][data-initialized="true"]').first.wait_for(state="attached")


def test_an_invitation_is_accepted_in_the_unit_and_the_member_leaves(page_as, demo_site):
    from puentes_demo.models import DemoUnit
    from puentes_proposals.models import TeamMembership
    unit = DemoUnit.objects.get(language="es", title="Propuesta de proyecto")
    url = f"{demo_site}/unit/{unit.usage_id}/"
    errors = []

    ana = page_as("ana", "es")
    ana.on("pageerror", lambda error: errors.append(str(error)))
    open_unit(ana, url)
    ana.locator(".pp-start-button").click()
    ana.locator(".pp-invite").wait_for()
    ana.locator(".pp-invite input").fill("nadie-con-ese-nombre")
    ana.locator(".pp-invite button").click()
    ana.locator('.pp-invite input[aria-invalid="true"]').wait_for()   # the refusal is at the field it is about
    assert "No hay nadie inscrito en este curso" in ana.locator(".pp").inner_text()
    ana.locator(".pp-invite input").fill("bruno")
    ana.locator(".pp-invite button").click()
    ana.locator(".pp-invited").wait_for()
    assert "bruno" in ana.locator(".pp-invited").inner_text()
    assert list(TeamMembership.objects.values_list("user__username", flat=True)) == ["ana"]  # not yet

    bruno = page_as("bruno", "es")
    bruno.on("pageerror", lambda error: errors.append(str(error)))
    open_unit(bruno, url)
    bruno.locator(".pp-invitation .pp-accept").click()
    bruno.locator(".pp-form").wait_for()
    assert bruno.locator(".pp-members li").count() == 2

    bruno.on("dialog", lambda dialog: dialog.accept())
    bruno.locator(".pp-leave").click()
    bruno.locator(".pp-start-button").wait_for()
    open_unit(ana, url)
    history = ana.locator(".pp-team-history").text_content()
    assert "Bruno Souza se unió al equipo" in history and "Bruno Souza dejó el equipo" in history
    assert ana.locator(".pp-members li").count() == 1
    assert not errors, errors
