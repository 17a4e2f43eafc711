"""A page's requests may run at once, as the LMS serves them (each request its own thread and connection)."""
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_only]

REVIEW_UNIT = "Revisión de tutoría: las propuestas de este curso"


def test_a_tutors_requests_at_once_all_answer(page_as, demo_site):
    from puentes_demo.models import DemoUnit
    usage_id = DemoUnit.objects.get(language="es", title=REVIEW_UNIT).usage_id
    carla = page_as("carla", "es")
    carla.goto(f"{demo_site}/unit/{usage_id}/")
    carla.locator('[data-init][data-initialized="true"]').first.wait_for(state="attached")
    block = carla.locator('[data-block-type="puentes_tutor_review"]').first.get_attribute("data-usage-id")
    statuses = carla.evaluate("""async (usage) => {
        const token = (document.cookie.match(/(?:^|;\\s*)csrftoken=([^;]+)/) || [])[1] || "";
        const one = () => fetch(`/handler/${encodeURIComponent(usage)}/queue/`, {
            method: "POST", credentials: "same-origin", body: "{}",
            headers: {"Content-Type": "application/json", "X-CSRFToken": decodeURIComponent(token)}})
          .then(r => r.status);
        return Promise.all(Array.from({length: 40}, one));
    }""", block)
    assert statuses == [200] * 40, statuses



def test_the_tests_own_transactions_take_turns_with_the_pages_requests(page_as, demo_site):
    """The test's thread shares the server's one SQLite connection too (tests/shared_connection.py): its
    transactions run between requests, never inside one, so neither side's savepoints end the other's."""
    from django.db import transaction

    from puentes_demo.models import DemoUnit
    from tests import shared_connection
    from tests.reading.test_budget_browser import open_proposal
    ana, errors = open_proposal(page_as, demo_site, "es", "es-419")
    block = ana.locator('[data-block-type="puentes_proposal"]').first.get_attribute("data-usage-id")
    ana.evaluate("""(usage) => {
        const token = (document.cookie.match(/(?:^|;\\s*)csrftoken=([^;]+)/) || [])[1] || "";
        const one = (n) => fetch(`/handler/${encodeURIComponent(usage)}/save_draft/`, {
            method: "POST", credentials: "same-origin",
            body: JSON.stringify({changes: [{section: "title", value: `Título ${n}`, base_revision: n}]}),
            headers: {"Content-Type": "application/json", "X-CSRFToken": decodeURIComponent(token)}})
          .then(r => r.status, () => 0);
        window.statuses = Promise.all(Array.from({length: 40}, (_, n) => one(n)));
    }""", block)
    unit = DemoUnit.objects.first()  # any row: what matters is the nested transactions on the shared connection
    written = 0
    for _ in range(60):  # the saves are in flight: the test writes in nested transactions meanwhile
        with transaction.atomic():
            DemoUnit.objects.select_for_update().filter(pk=unit.pk).first()
            with transaction.atomic():
                unit.save(update_fields=["title"])
                written += 1
        shared_connection.pause(0.005)
    statuses = ana.evaluate("() => window.statuses")
    assert all(200 <= status < 500 for status in statuses), statuses
    assert written == 60 and not errors
