"""A budget the team typed the Latin-American way ("1.500", "2.500,50") reads right for the tutor who reviews it
and for the juror who scores it, on a 360 px phone, in Spanish and Portuguese: each line with its subtotal
and the total in the reader's numbers and currency, "10.501,50" with "US$" (issue 14; the learner's side is
test_budget_browser.py)."""
import re

import pytest

from tests.helpers import attach_required_files, scrolls_sideways, wait_for
from tests.reading.test_budget_browser import budget_row, open_proposal

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_only]

REVIEW_UNITS = {"es": "Revisión de las propuestas por la persona tutora",
                "pt": "Revisão das propostas pela equipe de tutores"}
WORDS = " ".join(["integración"] * 90)
# The server writes money with Babel's CLDR: Argentina's pattern puts no space after "US$" (Chromium's ICU, on
# the learner's page, does); Brazil's puts a no-break space. Same figures, same separators, either way.
MONEY = {"es": "US${}", "pt": "US$\u00a0{}"}
MATCHES = {"es": ("propuesta coincide", "propuestas coinciden"),
           "pt": ("proposta corresponde", "propostas correspondem")}
AREA = {"es": "Acogida, documentación y acceso a servicios", "pt": "Acolhimento, documentação e acesso a serviços"}


def the_rest_written(proposal_id, user, template):
    """Every other section answered through the app (the budget is what the team typed in the browser)."""
    from puentes_proposals import api
    values = {"short_text": "Casa Puente", "long_text": f"<p>{WORDS}</p>", "number": 120, "money": 3000,
              "date_range": {"start": "2027-10-01", "end": "2028-09-30"},
              "indicators": [{"name": "Familias", "baseline": "0", "target": "120", "source": "Registro"}]}
    answers = [{"section": s["id"], "value": "reception" if s["type"] == "choice" else values[s["type"]],
                "base_revision": api.get_proposal(proposal_id).revision}
               for s in template if s["type"] in values or s["type"] == "choice"]
    api.save_answers(proposal_id, user.id, answers, template)
    attach_required_files(proposal_id, user, template)


def signed_in(browser, demo_site, username, language, locale):
    """A juror without a persona's quick login signs in with the demo password, on a phone."""
    context = browser.new_context(locale=locale, viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(f"{demo_site}/login/?next=/%3Flang%3D{language}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", f"puentes-{username}")
    page.locator("form.login button[type=submit]").click()
    page.wait_for_load_state()
    return page


def money(language, figure):
    return MONEY[language].format(figure)


@pytest.mark.parametrize("language, locale", [("es", "es-AR"), ("pt", "pt-BR")])
def test_the_tutor_and_the_juror_read_the_budget_the_team_typed(page_as, browser, demo_site, settings, language,
                                                              locale):
    from django.contrib.auth import get_user_model

    from puentes_awards.jury import services
    from puentes_awards.jury.models import JuryAssignment
    from puentes_awards.models import Edition, Entry
    from puentes_demo.models import DemoUnit
    from puentes_demo.personas import AWARD_EDITION
    from puentes_demo.runtime import DemoRuntime
    from puentes_proposals import api
    from puentes_proposals.models import Proposal

    settings.PUENTES_AUTOSAVE_SECONDS = 1
    errors = []
    ana_user = get_user_model().objects.get(username="ana")

    # The team types its budget in the browser, the way people write numbers in its country.
    ana, page_errors = open_proposal(page_as, demo_site, language, locale)
    budget = ana.locator('.pp-section[data-type="budget"]')
    budget_row(budget, "Mediadores", "2", "1.500")
    budget_row(budget, "Alquiler", "3", "2.500,50")
    ana.locator(".pp-save-now").click()
    proposal_id = wait_for(lambda: Proposal.objects.filter(answers__has_key="budget").values_list("pk", flat=True)
                           .first())
    proposal = api.get_proposal(proposal_id)
    template = DemoRuntime(ana_user, proposal.course_key).get_block(proposal.block_key).template()
    the_rest_written(proposal_id, ana_user, template)
    ana.reload()
    ana.on("dialog", lambda dialog: dialog.accept())
    ana.locator('[data-initialized="true"] .pp-submit').click()
    ana.locator(".pp-locked").wait_for()
    assert [(row["quantity"], row["unit_cost"]) for row in api.get_proposal(proposal_id).answers["budget"]] == [
        (2, 1500), (3, 2500.5)]

    # The tutor claims it on a phone and reads each line with its subtotal, then the total.
    carla = page_as("carla", language, locale=locale, width=360)
    carla.on("pageerror", lambda error: errors.append(str(error)))
    review = DemoUnit.objects.get(language=language, title=REVIEW_UNITS[language])
    carla.goto(f"{demo_site}/unit/{review.usage_id}/")
    row = carla.locator(f'tr[data-proposal="{proposal_id}"]')
    # On the phone the queue's rows stack, each cell with its column's heading (not bare values).
    headings = [cell.evaluate("cell => getComputedStyle(cell, '::before').content").strip('"')
                for cell in row.locator("td").all()[1:5]]
    assert headings == {"es": ["Equipo", "País", "Estado", "Espera"],
                        "pt": ["Equipe", "País", "Situação", "Espera"]}[language], headings
    row.locator("[data-action=claim]").click()
    workspace = carla.locator(".puentes-review__workspace")
    answer = workspace.locator('.puentes-review__section[data-section="budget"] .puentes-review__answer')
    answer.wait_for()
    text = answer.inner_text()
    total, line = money(language, "10.501,50"), f"Alquiler: 3 × {money(language, '2.500,50')} = " \
        f"{money(language, '7.501,50')}"
    assert f"Mediadores: 2 × {money(language, '1.500,00')} = {money(language, '3.000,00')}" in text and line in text
    assert text.strip().endswith(f"Total: {total}")
    assert not scrolls_sideways(carla)
    # Counts agree with their number: "1 propuesta coincide", never "1 propuestas".
    summary = carla.locator(".puentes-review__summary").inner_text()
    number = int(re.match(r"\d+", summary).group())
    assert summary.startswith(f"{number} {MATCHES[language][number != 1]}"), summary
    # The rubric's one-point level reads in the singular ("(1 puntos)" once).
    one_point = {"es": "(1 punto)", "pt": "(1 ponto)"}[language]
    assert one_point in workspace.inner_text() and one_point[:-1] + "s)" not in workspace.inner_text()

    # The tutor approves; the team enters the competition; the jury is assigned.
    for criterion in workspace.locator(".puentes-review__criterion").all():
        criterion.locator("input[type=radio]").last.check()
    workspace.locator("input[name=decision][value=approved]").check()
    workspace.locator("[data-action=send]").click()
    wait_for(lambda: api.get_proposal(proposal_id).status == "approved")
    api.confirm_competition_entry(proposal_id, ana_user.id, "Rosario", "AR", True, True)
    entry = wait_for(lambda: Entry.objects.filter(proposal_id=proposal_id).first(), what="the entry")
    edition = Edition.objects.get(slug=AWARD_EDITION)
    services.assign_screening(edition, get_user_model().objects.get(username="fabio"))
    juror = JuryAssignment.objects.filter(entry=entry).select_related("juror__user").first().juror.user.username

    # The juror reads the same figures on the entry's page, on a phone, and the area as words.
    judge = signed_in(browser, demo_site, juror, language, locale)
    judge.on("pageerror", lambda error: errors.append(str(error)))
    judge.goto(f"{demo_site}/puentes_awards/jury/{edition.slug}/entries/{entry.uuid}/")
    facts = judge.locator("dl.prizes").inner_text()
    assert total in facts and AREA[language] in facts and "reception" not in facts
    page = judge.locator("main").inner_text() if judge.locator("main").count() else judge.inner_text("body")
    assert line in page and "unit_cost" not in page
    assert not scrolls_sideways(judge)
    assert not errors and not page_errors, (errors, page_errors)
