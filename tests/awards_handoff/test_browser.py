"""In Chromium: Ana's approved proposal is entered from the proposal block, and Fabio sees the entry."""

import pytest

from tests.helpers import attach_required_files, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_only]


def answer_for(section):
    """A complete answer to any section of the proposal template."""
    kind = section["type"]
    if kind == "short_text":
        return "Casa de acogida municipal"
    if kind == "long_text":
        return "<p>" + " ".join(["integración"] * max(section.get("min_words", 0), 5)) + "</p>"
    if kind in ("number", "money"):
        return 1
    if kind == "date_range":
        return {"start": "2027-10-01", "end": "2028-09-30"}
    if kind == "choice":
        return section["choices"][0]["value"]
    if kind == "budget":
        return [{"item": "Mediadores culturales", "quantity": 2, "unit_cost": 1500}]
    if kind == "indicators":
        return [{"name": "Familias acogidas", "baseline": "0", "target": "120", "source": "registro"}]
    return []


def block_of(unit, user):
    from opaque_keys.edx.keys import UsageKey

    from puentes_demo.runtime import DemoRuntime
    runtime = DemoRuntime(user, UsageKey.from_string(unit.usage_id).course_key)
    vertical = runtime.get_block(unit.usage_id)
    return next(block for block in map(runtime.get_block, vertical.children)
                if block.scope_ids.block_type == "puentes_proposal")


def test_an_approved_proposal_entered_by_the_learner_shows_for_the_organiser(page_as, demo_site):
    from django.contrib.auth import get_user_model

    from puentes_awards.models import Entry
    from puentes_demo.models import DemoUnit
    from puentes_proposals import api as proposals
    users = {user.username: user for user in get_user_model().objects.all()}
    unit = DemoUnit.objects.get(language="es", usage_id__endswith="block@m11_proposal_unit")
    url = f"{demo_site}/unit/{unit.usage_id}/"

    ana = page_as("ana", "es")
    errors = []
    ana.on("pageerror", lambda error: errors.append(str(error)))
    ana.goto(url)
    ana.locator(".pp-start-button").click()
    ana.locator(".pp-form").wait_for()

    # Writing, submitting and the tutor's approval are the proposals issue's own browser tests: here, its api.
    block = block_of(unit, users["ana"])
    template = block.template()
    proposal = proposals.proposal_for_member(str(block.scope_ids.usage_id), users["ana"].id)
    proposals.save_answers(proposal.proposal_id, users["ana"].id, [
        {"section": section["id"], "value": answer_for(section), "base_revision": 0} for section in template
        if section["type"] != "attachments"], template)
    attach_required_files(proposal.proposal_id, users["ana"], template)
    proposals.submit(proposal.proposal_id, users["ana"].id, template, "anon-ana", 3, None)
    proposals.start_review(proposal.proposal_id, users["carla"].id)
    review = proposals.record_review(proposal.proposal_id, users["carla"].id, decision="approved",
                                     points_earned=9, points_possible=10)
    proposals.send_review(review.review_id, users["carla"].id)

    ana.reload()
    form = ana.locator(".pp-entry")
    form.wait_for()
    form.locator("input[name=municipality]").fill("Cúcuta")
    form.locator("select[name=country]").select_option("CO")
    form.locator("input[name=eligible]").check()
    form.locator("input[name=consents]").check()
    form.locator("button[type=submit]").click()
    ana.get_by_text("Cúcuta", exact=False).first.wait_for()
    entry = wait_for(lambda: Entry.objects.filter(proposal_id=proposal.proposal_id).first())
    assert entry.eligible and entry.municipality == "Cúcuta" and entry.language == "es-419"

    fabio = page_as("fabio", "es")
    fabio.goto(f"{demo_site}/puentes_awards/editions/")
    fabio.get_by_role("link", name="Premio Puentes 2027").click()
    row = fabio.locator(f'tr.entry[data-entry="{entry.uuid}"]')
    row.wait_for()
    assert "Cúcuta" in row.inner_text() and "Admisible" in row.inner_text()
    assert fabio.locator("h1").inner_text() == "Postulaciones a Premio Puentes 2027"

    bruno = page_as("bruno", "es")
    response = bruno.goto(f"{demo_site}/puentes_awards/editions/premio-puentes-2027/entries/")
    assert response.status == 403
    assert not errors, errors
