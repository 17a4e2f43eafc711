"""Nothing reaches the library without the team's consent and a moderator, and the team can always withdraw."""
import pytest

from puentes_practices import api
from tests.practices.conftest import approved_proposal, published, share


@pytest.fixture
def proposal(people):
    return approved_proposal(people["ana"], people["carla"])


def _public_everywhere(client, practice_id):
    """Whether the practice shows on any public surface: its page, the search, the JSON API, the feed."""
    page = client.get(f"/puentes_practices/{practice_id}/").status_code == 200
    listed = any(p.practice_id == practice_id for p in api.search_practices().practices)
    in_api = client.get(f"/api/puentes_practices/v1/practices/{practice_id}/").status_code == 200
    in_feed = f"/puentes_practices/{practice_id}/".encode() in client.get("/puentes_practices/feed.atom").content
    return {page, listed, in_api, in_feed}


def test_a_shared_practice_waits_for_a_moderator(client, people, proposal):
    practice = share(proposal, people["ana"], contact_email="equipo@cucuta.gov.co", wants_contact=True)
    assert practice.status == "pending"
    assert practice.contact_email == "equipo@cucuta.gov.co"
    assert _public_everywhere(client, practice.practice_id) == {False}
    api.publish(practice.practice_id, people["moderator"])
    assert _public_everywhere(client, practice.practice_id) == {True}


def test_the_practice_carries_what_a_peer_needs(people, proposal):
    practice = published(proposal, people)
    assert practice.title == "Ventanilla única de acogida"
    assert practice.problem == "Llegan trescientas familias por mes a la ciudad."   # plain text, no markup
    assert practice.actions == "Abrir una ventanilla\nFormar al personal"
    assert practice.summary == "Orientar a cada familia en su primera semana."
    assert practice.indicators == [{"indicator": "Familias orientadas", "baseline": "0", "target": "1200"}]
    assert practice.areas == ["reception"] and practice.groups == ["children", "refugees"]
    assert (practice.municipality, practice.country, practice.language) == ("Cúcuta", "CO", "es")
    assert str(practice.budget_total) == "40000.00" and practice.budget_band == "10k_50k"
    assert practice.course_run == "PUENTES-ES 2027"


def test_only_the_team_shares_and_only_an_approved_proposal(people):
    proposal = approved_proposal(people["ana"], people["carla"])
    with pytest.raises(api.PracticeError) as refused:
        share(proposal, people["stranger"])
    assert refused.value.code == "not_found"
    draft = approved_proposal(people["bruno"], people["carla"], approve=False)
    with pytest.raises(api.PracticeError) as refused:
        share(draft, people["bruno"])
    assert refused.value.code == "not_approved"


def test_only_moderators_publish_and_edit(people, proposal):
    practice = share(proposal, people["ana"])
    for user in (people["ana"], people["stranger"], people["carla"]):
        with pytest.raises(api.PracticeError):
            api.publish(practice.practice_id, user)
    assert api.practice_for_proposal(proposal).status == "pending"


def test_the_team_withdraws_at_any_time_and_only_new_consent_brings_it_back(client, people, proposal):
    practice = published(proposal, people)
    api.withdraw(practice.practice_id, people["ana"])
    assert _public_everywhere(client, practice.practice_id) == {False}
    with pytest.raises(api.PracticeError) as refused:
        api.publish(practice.practice_id, people["moderator"])
    assert refused.value.code == "withdrawn"
    again = share(proposal, people["ana"])
    assert again.status == "pending" and again.practice_id == practice.practice_id
    with pytest.raises(api.PracticeError):
        api.withdraw(practice.practice_id, people["stranger"])


def test_a_moderator_edits_the_public_summary_not_the_teams_texts(people, proposal):
    practice = published(proposal, people)
    edited = api.edit(practice.practice_id, people["moderator"], summary="Una ventanilla para recién llegados.",
                      groups=["women_girls"], areas=["reception", "protection"], budget_band="under_10k")
    assert edited.summary == "Una ventanilla para recién llegados."
    assert edited.problem == practice.problem
    assert (edited.groups, edited.areas, edited.budget_band) == (["women_girls"], ["protection", "reception"],
                                                                 "under_10k")
    with pytest.raises(api.PracticeError) as refused:
        api.edit(practice.practice_id, people["moderator"], summary=" ", groups=[], areas=[], budget_band="")
    assert (refused.value.code, refused.value.field) == ("summary_required", "summary")


def test_bad_choices_are_refused_at_their_field(people, proposal):
    for overrides, field in [({"groups": []}, "groups"), ({"groups": ["aliens"]}, "groups"),
                             ({"country": "XX"}, "country"), ({"language": "fr"}, "language"),
                             ({"wants_contact": True, "contact_email": "not an address"}, "contact_email"),
                             ({"budget_band": "a_lot"}, "budget_band")]:
        with pytest.raises(api.PracticeError) as refused:
            share(proposal, people["ana"], **overrides)
        assert refused.value.field == field
    assert api.practice_for_proposal(proposal) is None


def test_the_contact_is_kept_only_when_the_team_opts_in(people, proposal):
    practice = share(proposal, people["ana"], contact_email="equipo@cucuta.gov.co", wants_contact=False)
    assert practice.contact_email == ""


def test_the_event_log_records_who_did_what(people, proposal):
    from puentes_practices.models import PracticeEvent
    practice = published(proposal, people)
    api.withdraw(practice.practice_id, people["ana"])
    assert list(PracticeEvent.objects.filter(practice_id=practice.practice_id)
                .values_list("action", "actor__username")) == [
        ("consented", "ana"), ("published", "mod"), ("withdrawn", "ana")]
