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
