"""The library's pages, feed and JSON API: public reading in the reader's language, forms that answer at the field."""
import xml.etree.ElementTree as ET

import pytest

from puentes_practices import api
from tests.practices.conftest import approved_proposal, published, share

pytestmark = pytest.mark.django_db(transaction=True)   # search reads committed rows on MariaDB


@pytest.fixture
def practice(people):
    return published(approved_proposal(people["ana"], people["carla"]), people,
                     contact_email="equipo@cucuta.gov.co", wants_contact=True)


def test_the_library_reads_in_the_readers_language_and_the_practice_keeps_its_own(client, practice):
    spanish = client.get("/puentes_practices/?lang=es").content.decode()
    english = client.get("/puentes_practices/?lang=en").content.decode()
    portuguese = client.get("/puentes_practices/?lang=pt").content.decode()
    assert "Biblioteca de buenas prácticas" in spanish and "Colombia" in spanish
    assert "Library of good practices" in english and "Written in Spanish" in english
    assert "Biblioteca de boas práticas" in portuguese and "Escrito em espanhol" in portuguese
    assert 'lang="es">Ventanilla única de acogida</a>' in portuguese


def test_a_practice_page_shares_with_a_title_and_summary(client, practice):
    body = client.get(f"/puentes_practices/{practice.practice_id}/", HTTP_ACCEPT_LANGUAGE="pt-br").content.decode()
    assert '<meta property="og:title" content="Ventanilla única de acogida (Cúcuta, Colômbia)">' in body
    assert '<meta property="og:description" content="Orientar a cada familia en su primera semana.">' in body
    assert "US$\xa040.000,00" in body or "US$ 40.000,00" in body   # Babel, Brazilian Portuguese
    assert "mailto:equipo@cucuta.gov.co" in body
    assert "/topics/puentes_m03" in body or "/discussion/forum/" in body


def test_texts_are_escaped(client, people):
    proposal = approved_proposal(people["bruno"], people["carla"], title="Casa <script>alert(1)</script>",
                                 problem="<p>Hola</p><script>alert(2)</script><img src=x onerror=alert(3)>")
    practice = published(proposal, {**people, "ana": people["bruno"]})
    body = client.get(f"/puentes_practices/{practice.practice_id}/").content.decode()
    assert "<script>alert" not in body and "onerror" not in body


def test_a_bad_filter_answers_400_next_to_the_field(client, practice):
    response = client.get("/puentes_practices/?country=QQ", HTTP_ACCEPT_LANGUAGE="es-419")
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="country-error">Elige un país de la lista.</p>' in body
    assert 'aria-invalid="true" aria-describedby="country-error"' in body
    assert client.get("/puentes_practices/?page=abc").status_code == 400
    assert client.get("/api/puentes_practices/v1/practices/?group=aliens").json()["field"] == "group"


def test_the_feed_lists_published_practices(client, people, practice):
    share(approved_proposal(people["bruno"], people["carla"], title="Pendiente"), people["bruno"])
    feed = ET.fromstring(client.get("/puentes_practices/feed.atom").content)
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [entry.find(f"{atom}title").text for entry in feed.iter(f"{atom}entry")]
    assert titles == ["Ventanilla única de acogida (Cúcuta, Colombia)"]


def test_the_json_api(client, practice):
    response = client.get("/api/puentes_practices/v1/practices/?country=CO&q=familias")
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["count"] == 1
    item = data["results"][0]
    assert (item["title"], item["language"], item["groups_served"], item["budget"]) == (
        "Ventanilla única de acogida", "es", ["children", "refugees"],
        {"total": "40000.00", "currency": "USD", "band": "10k_50k"})
    assert client.get(f"/api/puentes_practices/v1/practices/{practice.practice_id}/").json()["id"] == \
        practice.practice_id
    assert client.get("/api/puentes_practices/v1/practices/999999/").status_code == 404


def test_the_network_lists_only_municipalities_that_opted_in(client, people, practice):
    other = published(approved_proposal(people["bruno"], people["carla"]), {**people, "ana": people["bruno"]},
                      municipality="Arica", country="CL", in_network=False)
    body = client.get("/puentes_practices/network/", HTTP_ACCEPT_LANGUAGE="es-419").content.decode()
    assert "Cúcuta" in body and "PUENTES-ES 2027" in body and "Arica" not in body
    assert other.in_network is False


def test_the_share_form(client, people):
    proposal = approved_proposal(people["ana"], people["carla"])
    client.force_login(people["stranger"])
    assert client.get(f"/puentes_practices/share/{proposal}/").status_code == 404
    client.force_login(people["ana"])
    form = {"municipality": "Cúcuta", "country": "CO", "language": "es", "groups": ["refugees"]}
    response = client.post(f"/puentes_practices/share/{proposal}/", form, HTTP_ACCEPT_LANGUAGE="es-419")
    assert response.status_code == 400   # no consent: nothing stored, the choices kept
    body = response.content.decode()
    assert 'id="consent-error"' in body and 'value="refugees" checked' in body
    assert api.practice_for_proposal(proposal) is None
    response = client.post(f"/puentes_practices/share/{proposal}/", {**form, "consent": "on", "groups": []})
    assert response.status_code == 400 and 'id="groups-error"' in response.content.decode()
    response = client.post(f"/puentes_practices/share/{proposal}/", {**form, "consent": "on"})
    assert response.status_code == 302
    practice = api.practice_for_proposal(proposal)
    assert practice.status == "pending"
    assert client.post(f"/puentes_practices/{practice.practice_id}/withdraw/").status_code == 302
    assert api.practice_for_proposal(proposal).status == "withdrawn"


def test_moderation_page_is_for_moderators(client, people):
    proposal = approved_proposal(people["ana"], people["carla"])
    practice = share(proposal, people["ana"])
    client.force_login(people["ana"])
    assert client.get("/puentes_practices/moderate/").status_code == 404
    assert client.post("/puentes_practices/moderate/", {"practice": practice.practice_id,
                                                        "action": "publish"}).status_code == 404
    client.force_login(people["moderator"])
    assert "Ventanilla única de acogida" in client.get("/puentes_practices/moderate/").content.decode()
    response = client.post("/puentes_practices/moderate/", {"practice": practice.practice_id, "action": "edit",
                                                            "summary": ""})
    assert response.status_code == 400 and f'id="summary-{practice.practice_id}-error"' in response.content.decode()
    assert client.post("/puentes_practices/moderate/", {"practice": practice.practice_id,
                                                        "action": "publish"}).status_code == 302
    assert api.get_public(practice.practice_id) is not None
    from puentes_practices.models import LibraryModerator
    LibraryModerator.objects.create(user=people["carla"])
    client.force_login(people["carla"])
    assert client.get("/puentes_practices/moderate/").status_code == 200


def test_organisers_put_entries_in_the_library_with_their_prize(client, people, make_user):
    from datetime import UTC, datetime, timedelta
    from decimal import Decimal

    from puentes_awards import api as awards_api
    from puentes_awards.jury.models import Winner
    from puentes_awards.models import Entry
    from tests.awards_handoff.proposals_flow import approve_and_enter
    organiser = make_user("fabio")
    now = datetime.now(UTC)
    awards_api.create_edition(name="Premio Puentes 2027", slug="premio", courses=[(
        "course-v1:OAS+PUENTES-ES+2027", "es-419")], call_opens_at=now - timedelta(days=1),
        call_closes_at=now + timedelta(days=1), prizes=(Decimal(3), Decimal(2), Decimal(1)), currency="USD",
        organisers=[organiser])
    winner_id = approve_and_enter("course-v1:OAS+PUENTES-ES+2027",
                                  "block-v1:OAS+PUENTES-ES+2027+type@puentes_proposal+block@final", people["ana"],
                                  people["carla"], attachment=False, unit_cost="30000")
    entry = Entry.objects.get(proposal_id=winner_id)
    Winner.objects.create(edition=entry.edition, entry=entry, place=1, prize_amount=Decimal(3))
    client.force_login(people["stranger"])
    assert client.get("/puentes_practices/editions/premio/").status_code == 404
    assert client.post("/puentes_practices/editions/premio/", {"entry": str(entry.uuid)}).status_code == 404
    client.force_login(organiser)
    assert "Casa de acogida municipal" in client.get("/puentes_practices/editions/premio/").content.decode()
    assert client.post("/puentes_practices/editions/premio/", {"entry": str(entry.uuid)}).status_code == 302
    practice = api.practice_for_proposal(winner_id)
    assert (practice.status, practice.award, practice.award_place, practice.source) == ("pending", "winner", 1,
                                                                                        "entry")
    assert api.get_public(practice.practice_id) is None
