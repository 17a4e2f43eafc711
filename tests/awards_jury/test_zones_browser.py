"""The awards pages write a moment in UTC, saying so, and the reader's browser moves it to their own zone and
names it, as the proposal page does (issue 14: "times shown in the reader's time zone, saying so")."""
import re
from datetime import UTC

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_only]


@pytest.mark.parametrize("language, locale", [("es", "es-CO"), ("pt", "pt-BR")])
def test_an_organiser_in_bogota_reads_the_publication_in_bogota_time(page_as, demo_site, language, locale):
    from puentes_awards.jury.models import JurySettings
    from puentes_demo import past_competition
    edition = past_competition.ensure_past_edition()
    published = JurySettings.objects.get(edition=edition).results_published_at.astimezone(UTC)
    fabio = page_as("fabio", language, locale=locale, zone="America/Bogota")
    fabio.goto(f"{demo_site}/puentes_awards/organise/{edition.slug}/results/")
    moment = fabio.locator(".pu-preview time[data-local]").first
    text = moment.inner_text()
    assert moment.get_attribute("datetime") == published.isoformat()
    # Bogotá is UTC-5 all year: the hour the reader reads is five hours before the server's.
    local_hour = (published.hour - 5) % 24
    hours = f"({local_hour}|{local_hour % 12 or 12})"   # a 24-hour clock (pt-BR) or a 12-hour one (es-CO)
    assert re.search(rf"\b0?{hours}[:h.]{published.minute:02d}", text), text
    assert "UTC" not in text and ("-5" in text or "COT" in text), text   # the zone named
