"""The whole feedback cycle in Chromium, in Spanish: Ana submits, Carla claims and asks for a revision,
Ana resubmits, a second tutor is refused Carla's claim, Carla approves, Ana sees the score and comments."""

import pytest

from tests.helpers import attach_required_files, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_only]

WORDS = " ".join(["integración"] * 90)
PROPOSAL_UNIT = "Propuesta de proyecto"
REVIEW_UNIT = "Revisión de tutoría: las propuestas de este curso"


def open_unit(page, url):
    page.goto(url)
    page.locator('[data-init][data-initialized="true"]').first.wait_for(state="attached")


def unit_url(demo_site, title):
    from puentes_demo.models import DemoUnit
    return f"{demo_site}/unit/{DemoUnit.objects.get(language='es', title=title).usage_id}/"


def complete_answers(template):
    """Answers for every section of the proposal block's template (what Ana typed earlier)."""
    values = {"short_text": "Casa Puente: acogida en Tapachula", "long_text": f"<p>{WORDS}</p>",
              "number": 120, "money": 3000, "date_range": {"start": "2027-10-01", "end": "2028-09-30"},
              "budget": [{"item": "Mediadoras culturales", "quantity": 2, "unit_cost": 1500}],
              "indicators": [{"name": "Familias acogidas", "baseline": "0", "target": "120", "source": "Registro"}],
              "attachments": []}
    return {section["id"]: section["choices"][0]["value"] if section["type"] == "choice" else values[section["type"]]
            for section in template}


def fill_draft(proposal_id, user, template):
    from puentes_proposals import api
    revision = api.get_proposal(proposal_id).revision
    api.save_answers(proposal_id, user.id, [{"section": k, "value": v, "base_revision": revision}
                                            for k, v in complete_answers(template).items()], template)
    attach_required_files(proposal_id, user, template)


def sign_in(browser, demo_site, username, password):
    context = browser.new_context(locale="es-419")
    page = context.new_page()
    page.goto(f"{demo_site}/login/?next=/%3Flang%3Des")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form.login button[type=submit]").click()
    page.wait_for_load_state()
    return page


def test_claim_revise_resubmit_refuse_approve_in_spanish(page_as, browser, demo_site):
    from django.contrib.auth import get_user_model
    from opaque_keys.edx.keys import UsageKey

    from puentes_demo.runtime import DemoRuntime
    from puentes_proposals import api

    errors = []
    proposal_url, review_url = unit_url(demo_site, PROPOSAL_UNIT), unit_url(demo_site, REVIEW_UNIT)
    course_key = UsageKey.from_string(review_url.rstrip("/").rsplit("/", 1)[1]).course_key
    User = get_user_model()
    ana_user = User.objects.get(username="ana")

    # Ana starts her team's proposal and submits it (its sections were written earlier).
    ana = page_as("ana", "es")
    ana.on("pageerror", lambda error: errors.append(str(error)))
    open_unit(ana, proposal_url)
    ana.locator(".pp-start-button").click()
    ana.locator(".pp-form").wait_for()
    proposal = api.proposal_for_member(
        f"block-v1:{course_key.org}+{course_key.course}+{course_key.run}+type@puentes_proposal+block@proposal_es",
        ana_user.id)
    block = DemoRuntime(ana_user, course_key).get_block(proposal.block_key)
    fill_draft(proposal.proposal_id, ana_user, block.template())
    open_unit(ana, proposal_url)
    ana.on("dialog", lambda dialog: dialog.accept())
    ana.locator(".pp-submit").click()
    ana.locator(".pp-locked").wait_for()
    assert api.get_proposal(proposal.proposal_id).status == "submitted"

    # Carla claims it from the queue and asks for a revision.
    carla = page_as("carla", "es")
    carla.on("pageerror", lambda error: errors.append(str(error)))
    open_unit(carla, review_url)
    row = carla.locator(f'tr[data-proposal="{proposal.proposal_id}"]')
    assert "Casa Puente" in row.inner_text() and "Enviada" in row.inner_text()
    row.locator("[data-action=claim]").click()
    workspace = carla.locator(".puentes-review__workspace")
    workspace.locator(".puentes-review__form").wait_for()
    assert "Usted tiene esta propuesta" in workspace.inner_text()
    workspace.locator("input[name=decision][value=revision_requested]").check()
    workspace.locator("textarea[name=overall_comment]").fill("Indiquen cuántas familias atenderán cada mes.")
    workspace.locator("[data-action=send]").click()
    carla.locator(".puentes-review__status").filter(has_text="Revisión enviada").wait_for()
    assert api.get_proposal(proposal.proposal_id).status == "revision_requested"

    # Ana reads the comment, revises the problem section and submits the second version.
    open_unit(ana, proposal_url)
    assert "Indiquen cuántas familias" in ana.locator(".pp-review").first.inner_text()
    ana.locator('.pp-section[data-section="problem"] .pp-rich').fill(WORDS + " cuarenta familias por mes")
    ana.locator(".pp-save-now").click()
    wait_for(lambda: "cuarenta" in api.get_proposal(proposal.proposal_id).answers["problem"])
    ana.locator(".pp-submit").click()
    ana.locator(".pp-locked").wait_for()
    assert api.get_proposal(proposal.proposal_id).status == "resubmitted"

    # Carla claims the new version; Tomás, a second tutor, is refused her claim.
    open_unit(carla, review_url)
    carla.locator(f'tr[data-proposal="{proposal.proposal_id}"] [data-action=claim]').click()
    workspace.locator(".puentes-review__form").wait_for()
    tomas = User.objects.create(username="tomas", first_name="Tomás", email="tomas@demo.puentes.local")
    tomas.set_password("puentes-tomas")
    tomas.save()
    api.grant_tutor(course_key, tomas.id)
    tomas_page = sign_in(browser, demo_site, "tomas", "puentes-tomas")
    tomas_page.on("pageerror", lambda error: errors.append(str(error)))
    open_unit(tomas_page, review_url)
    tomas_row = tomas_page.locator(f'tr[data-proposal="{proposal.proposal_id}"]')
    assert "carla" in tomas_row.inner_text()
    tomas_row.locator("[data-action=claim]").click()
    refusal = tomas_page.locator(".puentes-review__status--error")
    refusal.wait_for()
    assert "carla está revisando esta propuesta" in refusal.inner_text()
    assert api.current_claim(proposal.proposal_id).tutor_username == "carla"

    # Carla sees what changed, scores every criterion and approves.
    problem = workspace.locator('.puentes-review__section[data-section="problem"]')
    assert "cuarenta familias por mes" in problem.locator("ins").inner_text()
    for criterion in workspace.locator(".puentes-review__criterion").all():
        criterion.locator("input[type=radio]").last.check()
    workspace.locator("input[name=decision][value=approved]").check()
    assert "21 de 21" in workspace.locator(".puentes-review__points").inner_text()
    workspace.locator("textarea[name=overall_comment]").fill("Muy buen trabajo: listo para el concurso.")
    workspace.locator('textarea[name="section:problem"]').fill("Ahora sí se entiende la escala.")
    workspace.locator("[data-action=send]").click()
    carla.locator(".puentes-review__status").filter(has_text="Revisión enviada").wait_for()
    assert api.get_proposal(proposal.proposal_id).status == "approved"

    # Ana sees the approval, the points and the comments, in Spanish.
    open_unit(ana, proposal_url)
    latest = ana.locator(".pp-review").first.inner_text()
    assert "Aprobada" in latest or "aprobada" in latest
    assert "Muy buen trabajo: listo para el concurso." in latest
    assert "Ahora sí se entiende la escala." in latest
    assert "3" in ana.locator(".pp-review").first.locator("table").inner_text()
    reviews = api.sent_reviews(proposal.proposal_id)
    assert [(r.version_number, r.decision, r.points_earned, r.points_possible) for r in reviews] == [
        (1, "revision_requested", 0, 21), (2, "approved", 21, 21)]
    assert not errors, errors


def test_course_staff_take_over_a_claim_by_keyboard_after_confirming(page_as, demo_site):
    from django.contrib.auth import get_user_model
    from opaque_keys.edx.keys import UsageKey
    from playwright.sync_api import expect

    from puentes_demo.runtime import DemoRuntime, anonymous_id_for
    from puentes_proposals import api

    review_url = unit_url(demo_site, REVIEW_UNIT)
    course_key = UsageKey.from_string(review_url.rstrip("/").rsplit("/", 1)[1]).course_key
    User = get_user_model()
    ana, carla = User.objects.get(username="ana"), User.objects.get(username="carla")
    block_key = str(course_key.make_usage_key("puentes_proposal", "proposal_es"))
    template = DemoRuntime(ana, course_key).get_block(block_key).template()
    anonymous_id = anonymous_id_for(ana.id, course_key)
    proposal_id = api.start_proposal(course_key, block_key, ana.id, anonymous_id).proposal_id
    fill_draft(proposal_id, ana, template)
    api.submit(proposal_id, ana.id, template, anonymous_id, max_versions=0, last_moment=None)
    api.claim_proposal(proposal_id, carla.id)

    errors = []
    diego = page_as("diego", "es")
    diego.on("pageerror", lambda error: errors.append(str(error)))
    open_unit(diego, review_url)
    row = diego.locator(f'tr[data-proposal="{proposal_id}"]')
    take_over = row.locator("[data-action=take-over]")
    assert take_over.inner_text() == "Hacerse cargo" and "carla" in take_over.get_attribute("aria-label")
    assert row.locator("[data-action=claim]").count() == 0   # no silent take-over through "Tomar"
    take_over.press("Enter")
    confirm = row.locator("[data-action=confirm-take-over]")
    expect(confirm).to_be_focused()
    assert "carla" in row.locator("[role=group]").get_attribute("aria-label")
    confirm.press("Escape")   # cancelling changes nothing and gives the focus back
    expect(take_over).to_be_focused()
    assert api.current_claim(proposal_id).tutor_username == "carla"
    take_over.press("Enter")
    confirm.press("Enter")
    diego.locator(".puentes-review__status").filter(has_text="se hizo cargo en lugar de carla").wait_for()
    assert api.current_claim(proposal_id).tutor_username == "diego"
    diego.locator(".puentes-review__workspace .puentes-review__form").wait_for()
    assert not errors, errors


def test_a_review_sent_without_a_decision_shows_each_problem_beside_its_field(page_as, demo_site):
    from django.contrib.auth import get_user_model
    from opaque_keys.edx.keys import UsageKey

    from puentes_demo.runtime import DemoRuntime, anonymous_id_for
    from puentes_proposals import api

    review_url = unit_url(demo_site, REVIEW_UNIT)
    course_key = UsageKey.from_string(review_url.rstrip("/").rsplit("/", 1)[1]).course_key
    ana = get_user_model().objects.get(username="ana")
    block_key = str(course_key.make_usage_key("puentes_proposal", "proposal_es"))
    template = DemoRuntime(ana, course_key).get_block(block_key).template()
    anonymous_id = anonymous_id_for(ana.id, course_key)
    proposal_id = api.start_proposal(course_key, block_key, ana.id, anonymous_id).proposal_id
    fill_draft(proposal_id, ana, template)
    api.submit(proposal_id, ana.id, template, anonymous_id, max_versions=0, last_moment=None)

    errors = []
    carla = page_as("carla", "es", width=360)
    carla.on("pageerror", lambda error: errors.append(str(error)))
    open_unit(carla, review_url)
    carla.locator(f'tr[data-proposal="{proposal_id}"] [data-action=claim]').click()
    workspace = carla.locator(".puentes-review__workspace")
    workspace.locator(".puentes-review__form").wait_for()
    workspace.locator("[data-action=send]").click()          # no rubric level, no decision
    workspace.locator(".pu-error-summary").wait_for()
    decision = workspace.locator(".puentes-review__decision")
    assert decision.locator(".pu-field-error").inner_text()
    focused = carla.evaluate("document.activeElement.closest('fieldset') && "
                             "document.activeElement.closest('fieldset').className")
    assert "puentes-review__" in (focused or "")
    assert workspace.locator(".pu-error-summary a").count() >= 1
    assert not errors, errors
