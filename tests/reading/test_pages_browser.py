"""Every role's pages in Spanish and Portuguese on a 360 px phone: axe-core finds no serious or critical
violation, and nothing scrolls sideways (issue 14)."""
import pytest

from tests.a11y import axe_violations
from tests.helpers import scrolls_sideways

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_only]

UNITS = {"es": {"proposal": "Formulario de la propuesta del proyecto municipal",
                "case": "Estudio de caso: Boa Vista, una capital que se volvió puerta de entrada"},
         "pt": {"proposal": "Proposta de projeto municipal para o concurso",
                "case": "Estudo de caso: famílias dormindo na rodoviária de uma capital de fronteira"}}


def check(page, where, problems):
    page.wait_for_load_state("networkidle")
    found = axe_violations(page, impacts=("serious", "critical"))
    if found:
        problems.append((where, found))
    if scrolls_sideways(page):
        problems.append((where, "scrolls sideways", page.evaluate("document.scrollingElement.scrollWidth")))


@pytest.mark.parametrize("language, locale", [("es", "es-AR"), ("pt", "pt-BR")])
def test_the_learners_tutors_and_studio_pages(page_as, demo_site, language, locale):
    from puentes_demo.models import DemoUnit
    problems = []
    for username in ("ana", "carla", "diego"):
        page = page_as(username, language, locale=locale, width=360)
        for unit in DemoUnit.objects.filter(language=language).exclude(section__startswith="Gallery")[:12]:
            page.goto(f"{demo_site}/unit/{unit.usage_id}/")
            check(page, f"{username} {unit.title}", problems)
    # The states behind the first page: the learner's proposal form, and both Studio editors.
    proposal = DemoUnit.objects.get(language=language, title=UNITS[language]["proposal"])
    page.goto(f"{demo_site}/unit/{proposal.usage_id}/")
    ana = page_as("ana", language, locale=locale, width=360)
    ana.goto(f"{demo_site}/unit/{proposal.usage_id}/")
    ana.locator(".pp-start-button").click()
    ana.locator('[data-initialized="true"] .pp-form').wait_for()
    check(ana, "proposal form", problems)
    for title in UNITS[language].values():
        unit = DemoUnit.objects.get(language=language, title=title)
        page.goto(f"{demo_site}/studio/{unit.usage_id}/")
        check(page, f"Studio {title}", problems)
    assert not problems, problems


@pytest.mark.parametrize("language, locale", [("es", "es-CO"), ("pt", "pt-BR")])
def test_the_jurors_and_organisers_pages(page_as, demo_site, language, locale):
    from puentes_demo.personas import AWARD_EDITION as slug  # the demo site seeds it
    problems = []
    fabio = page_as("fabio", language, locale=locale, width=360)
    for path in ("", "settings/", "criteria/"):
        fabio.goto(f"{demo_site}/puentes_awards/organise/{slug}/{path}")
        check(fabio, f"organiser {path or 'dashboard'}", problems)
    fabio.goto(f"{demo_site}/puentes_awards/organise/{slug}/settings/")
    fabio.locator("#jurors_per_entry").fill("muchos")
    fabio.locator("#seed").fill("-1")
    fabio.locator("form button[type=submit]").click()
    fabio.locator(".pu-error-summary").wait_for()
    # Every message beside its field, focus on the first.
    assert fabio.evaluate("document.activeElement.id") == "jurors_per_entry"
    assert fabio.locator("#error-jurors_per_entry").is_visible() and fabio.locator("#error-seed").is_visible()
    check(fabio, "organiser settings with errors", problems)
    fabio.goto(f"{demo_site}/puentes_awards/editions/{slug}/entries/")
    check(fabio, "entries", problems)

    elena = page_as("elena", language, locale=locale, width=360)
    elena.goto(f"{demo_site}/puentes_awards/jury/{slug}/")
    check(elena, "juror workspace", problems)
    first = elena.locator("a[href*='/entries/']").first
    if first.count():
        first.click()
        check(elena, "score sheet", problems)
        elena.locator("button[value=submit]").click()   # nothing chosen: every criterion named
        elena.locator(".pu-error-summary").wait_for()
        assert elena.evaluate("document.activeElement.type") == "radio"
        check(elena, "score sheet with errors", problems)
    assert not problems, problems
