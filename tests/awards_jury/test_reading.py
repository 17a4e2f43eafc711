"""A juror reads the entry's budget in their own numbers, with subtotals, the total and the currency (issue 14)."""
import pytest
from django.utils import translation

from puentes_awards.jury import services
from puentes_awards.jury.models import JuryAssignment

BUDGET = [{"item": "Mediadores", "quantity": 2, "unit_cost": 1500},
          {"item": "Alquiler", "quantity": 3, "unit_cost": 2500.5}]


@pytest.fixture
def assigned(edition, jury):
    services.assign_screening(edition, jury["fabio"])
    return edition


@pytest.mark.parametrize("language, accept, total, line", [
    ("pt-br", "pt-BR,pt;q=0.9", "US$\xa010.501,50", "Alquiler: 3 × US$\xa02.500,50 = US$\xa07.501,50"),
    ("es-419", "es-MX,es;q=0.9", "USD10,501.50", "Alquiler: 3 × USD2,500.50 = USD7,501.50"),
])
def test_the_budget_reads_the_jurors_way(client, assigned, jury, language, accept, total, line):
    jorge = jury["jorge"].award_juries.get()
    entry = JuryAssignment.objects.filter(juror=jorge).first().entry
    # The fixture's entries have no budget table; this one is written as the hand-off would have.
    type(entry).objects.filter(pk=entry.pk).update(snapshot=dict(entry.snapshot, total_budget="10501.50", sections=[
        {"section_id": "budget", "title": "Presupuesto", "section_type": "budget", "value": BUDGET}]))
    client.force_login(jury["jorge"])
    with translation.override(language):
        page = client.get(f"/puentes_awards/jury/{assigned.slug}/entries/{entry.uuid}/",
                          HTTP_ACCEPT_LANGUAGE=accept).content.decode()
    assert total in page
    assert line in page
    assert "unit_cost" not in page and "quantity:" not in page


def test_the_organiser_sees_each_jurors_progress_before_any_ranking(client, assigned, jury):
    from puentes_awards.jury.models import ScoreSheet
    jorge = jury["jorge"].award_juries.get()
    assignments = list(JuryAssignment.objects.filter(juror=jorge, round="screening"))
    entry = assignments[0].entry
    services.save_sheet(jorge, entry, {c.code: 3 for c in services.grid(assigned)}, {}, True, jury["jorge"])
    client.force_login(jury["fabio"])
    with translation.override("en"):
        page = client.get(f"/puentes_awards/organise/{assigned.slug}/").content.decode()
    assert "Scoring progress" in page
    row = page[page.index(">jorge<"):]
    row = row[:row.index("</tr>")]
    share = round(100 / len(assignments))
    assert f"1 of {len(assignments)} ({share} %)" in row
    assert ScoreSheet.objects.filter(status="submitted").count() == 1


def test_scores_stay_on_the_criteria_scale():
    from puentes_awards.jury.views import _on_scale
    assert (_on_scale(104.2), _on_scale(-3), _on_scale(55.5)) == (100.0, 0.0, 55.5)
