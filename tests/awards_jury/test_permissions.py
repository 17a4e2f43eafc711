"""A juror never reaches a conflicted entry, by list, URL or export; a learner reaches nothing (403)."""
import pytest

from puentes_awards.jury import services
from puentes_awards.jury.models import JuryAssignment


@pytest.fixture
def assigned(edition, jury):
    services.assign_screening(edition, jury["fabio"])
    return edition


def entry_at(edition, municipality):
    return edition.entries.get(municipality=municipality)


def test_conflicts_are_never_assigned(assigned, jury):
    elena = jury["elena"].award_juries.get()
    carla = jury["carla"].award_juries.get()
    assert not JuryAssignment.objects.filter(juror=elena, entry__municipality="Quito").exists()   # her own town
    assert not JuryAssignment.objects.filter(juror=carla, entry__proposal_id=2).exists()          # she tutored it


@pytest.mark.parametrize("method, suffix", [("get", ""), ("post", ""), ("post", "conflict/")])
def test_conflicted_entry_is_404_by_url(client, assigned, jury, method, suffix):
    client.force_login(jury["elena"])
    quito = entry_at(assigned, "Quito")
    response = getattr(client, method)(f"/puentes_awards/jury/{assigned.slug}/entries/{quito.uuid}/{suffix}",
                                       {"action": "submit"})
    assert response.status_code == 404
    workspace = client.get(f"/puentes_awards/jury/{assigned.slug}/").content.decode()
    assert "Quito" not in workspace and str(quito.uuid) not in workspace


def test_conflict_declared_after_assignment_hides_the_entry_everywhere(client, assigned, jury):
    jorge = jury["jorge"].award_juries.get()
    entry = JuryAssignment.objects.filter(juror=jorge).first().entry
    client.force_login(jury["jorge"])
    url = f"/puentes_awards/jury/{assigned.slug}/entries/{entry.uuid}/"
    assert client.get(url).status_code == 200
    assert client.post(url + "conflict/", {"reason": "I advised this city"}).status_code == 302
    assert client.get(url).status_code == 404
    assert str(entry.uuid) not in client.get(f"/puentes_awards/jury/{assigned.slug}/").content.decode()
    # Even if an assignment reappeared (e.g. the final round), the declaration keeps it hidden.
    JuryAssignment.objects.create(juror=jorge, entry=entry, round="final")
    assert client.get(url).status_code == 404


def test_juror_cannot_export_or_open_the_dashboard(client, assigned, jury):
    client.force_login(jury["elena"])
    for path in ("", "scores.csv", "scores.json"):
        assert client.get(f"/puentes_awards/organise/{assigned.slug}/{path}").status_code == 403


def test_entry_of_another_jurors_panel_is_404(client, assigned, jury):
    jorge = jury["jorge"].award_juries.get()
    mine = set(JuryAssignment.objects.filter(juror=jorge).values_list("entry_id", flat=True))
    other = assigned.entries.exclude(pk__in=mine).first()
    client.force_login(jury["jorge"])
    assert client.get(f"/puentes_awards/jury/{assigned.slug}/entries/{other.uuid}/").status_code == 404


@pytest.mark.parametrize("path", ["jury/award-2027/", "jury/award-2027/final/", "organise/award-2027/",
                                  "organise/award-2027/scores.csv", "organise/award-2027/scores.json"])
def test_learner_gets_403_everywhere(client, assigned, jury, path):
    client.force_login(jury["ana"])
    assert client.get(f"/puentes_awards/{path}").status_code == 403
    assert client.post(f"/puentes_awards/{path}", {"action": "assign"}).status_code in (403, 405)


def test_learner_cannot_open_an_entry(client, assigned, jury):
    client.force_login(jury["ana"])
    entry = assigned.entries.first()
    assert client.get(f"/puentes_awards/jury/{assigned.slug}/entries/{entry.uuid}/").status_code == 403


def test_anonymous_is_sent_to_sign_in(client, assigned):
    response = client.get(f"/puentes_awards/organise/{assigned.slug}/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_scoring_is_blind(client, assigned, jury):
    jorge = jury["jorge"].award_juries.get()
    entry = JuryAssignment.objects.filter(juror=jorge).first().entry
    client.force_login(jury["jorge"])
    page = client.get(f"/puentes_awards/jury/{assigned.slug}/entries/{entry.uuid}/").content.decode()
    assert "Secret Teammate" not in page and entry.title in page and entry.municipality in page
    settings = services.jury_settings(assigned)
    settings.show_municipality = False
    settings.save()
    page = client.get(f"/puentes_awards/jury/{assigned.slug}/entries/{entry.uuid}/").content.decode()
    assert f"— {entry.municipality}" not in page and "Municipality" not in page
