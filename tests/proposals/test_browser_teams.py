"""The team-set path in Chromium, in the Spanish course: Bruno has no team and is sent to the Teams tab,
joins Ana's Open edX team there, finds her draft and edits it; then he leaves the team in the Teams tab,
loses the draft, and Ana's page records both changes."""

import pytest

from tests.helpers import wait_for

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_only]


def open_unit(page, url):
    page.goto(url)
    page.locator('[data-init][data-initialized="true"]').first.wait_for(state="attached")


def test_a_learner_finds_the_teams_tab_joins_the_team_and_leaves_it(page_as, demo_site, settings):
    from django.contrib.auth import get_user_model

    from puentes_demo import teams
    from puentes_demo.models import CourseTeam, DemoUnit
    from puentes_proposals.models import Proposal
    settings.PUENTES_AUTOSAVE_SECONDS = 2
    unit = DemoUnit.objects.get(language="es", usage_id__endswith="block@m11_proposal_unit")
    url = f"{demo_site}/unit/{unit.usage_id}/"
    team = CourseTeam.objects.get(course_id=unit.course_key, topic_id="municipal_teams")
    teams.leave_team(get_user_model().objects.get(username="bruno"), team)   # Bruno starts without a team

    errors = []
    ana = page_as("ana", "es")
    ana.on("pageerror", lambda error: errors.append(str(error)))
    open_unit(ana, url)
    assert ana.locator(".pp-team-name").inner_text() == "Alcaldía de Cúcuta"
    ana.locator(".pp-start-button").click()
    ana.locator(".pp-form").wait_for()
    assert ana.locator(".pp-members li").count() == 1 and not ana.locator(".pp-code").count()

    # Bruno is in no team of the team-set: one sentence, and the way to the Teams tab.
    bruno = page_as("bruno", "es")
    bruno.on("pageerror", lambda error: errors.append(str(error)))
    open_unit(bruno, url)
    assert "Todavía no estás en un equipo de “Equipos municipales”" in bruno.locator(".pp-no-team").inner_text()
    bruno.locator(".pp-teams-tab").click()
    bruno.locator(".team-join").filter(has_text="Alcaldía de Cúcuta").click()
    bruno.locator(".team-leave").wait_for()
    bruno.get_by_role("link", name="Volver a la propuesta de proyecto").click()
    bruno.locator('[data-init][data-initialized="true"]').first.wait_for(state="attached")
    bruno.locator(".pp-form").wait_for()
    assert bruno.locator(".pp-members li").count() == 2
    assert "Bruno Souza se unió al equipo" in bruno.locator(".pp-team-history").text_content()

    # He edits the team's draft.
    bruno.locator('.pp-section[data-section="title"] input').fill("Casa Puente: acogida en Cúcuta")
    bruno.locator(".pp-save-now").click()
    wait_for(lambda: Proposal.objects.get().answers.get("title", "").startswith("Casa Puente"))

    # He leaves the team in the Teams tab: the draft is no longer his, and Ana's page says so.
    bruno.goto(f"{demo_site}/courses/{unit.course_key}/teams/")
    bruno.locator(".team-leave").click()
    bruno.locator(".team-join").first.wait_for()
    open_unit(bruno, url)
    assert bruno.locator(".pp-no-team").count() == 1 and not bruno.locator(".pp-form").count()
    open_unit(ana, url)
    assert ana.locator(".pp-members li").count() == 1
    history = ana.locator(".pp-team-history").text_content()
    assert "Bruno Souza se unió al equipo" in history and "Bruno Souza dejó el equipo" in history
    assert ana.locator('.pp-section[data-section="title"] input').input_value().startswith("Casa Puente")
    assert not errors, errors
