"""The organisers' list of an edition's entries: organisers and staff only, paginated, in their language."""
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from puentes_awards import api
from puentes_awards.models import Edition
from tests.awards_handoff.conftest import build_snapshot

pytestmark = pytest.mark.django_db


def url(edition):
    return f"/puentes_awards/editions/{edition.slug}/entries/"


def test_only_organisers_and_staff_see_the_entries(client, edition, make_user):
    api.enter_proposal(build_snapshot(1))
    api.enter_proposal(build_snapshot(2, budget="99000"))
    assert client.get(url(edition)).status_code == 302  # to sign in
    learner, organiser, staff = make_user("ana"), make_user("fabio"), make_user("diego", is_staff=True)
    edition.organisers.add(organiser)
    client.force_login(learner)
    response = client.get(url(edition))
    assert response.status_code == 403 and "Casa de acogida" not in response.content.decode()
    for user in (organiser, staff):
        client.force_login(user)
        page = client.get(url(edition)).content.decode()
        assert page.count('class="entry"') == 2 and "Casa de acogida municipal 2" in page
        assert "is above the limit of 50000.00 USD" in page
    client.force_login(organiser)
    assert edition.name in client.get("/puentes_awards/editions/").content.decode()
    assert client.get("/puentes_awards/editions/no-such/entries/").status_code == 404


@pytest.mark.parametrize("language,expected", [("es-419", "Postulaciones a"), ("pt-br", "Inscrições em")])
def test_the_page_is_translated(client, edition, make_user, language, expected):
    api.enter_proposal(build_snapshot(1, budget="99000"))
    client.force_login(make_user("diego", is_staff=True))
    page = client.get(url(edition), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert expected in page, page[:500]
    assert "Eligibility" not in page and "is above the limit" not in page


def test_queries_do_not_grow_with_the_number_of_entries(client, edition, make_user):
    client.force_login(make_user("diego", is_staff=True))
    for proposal_id in range(1, 4):
        api.enter_proposal(build_snapshot(proposal_id))
    with CaptureQueriesContext(connection) as few:
        client.get(url(edition))
    for proposal_id in range(4, 80):
        api.enter_proposal(build_snapshot(proposal_id))
    with CaptureQueriesContext(connection) as many:
        page = client.get(url(edition)).content.decode()
    assert len(many) == len(few) and page.count('class="entry"') == 50


def test_create_edition_command(make_user):
    make_user("fabio")
    call_command("puentes_awards_create_edition", "Premio Puentes 2028", "--course",
                 "course-v1:OAS+PUENTES-ES+2028=es-419", "--course", "course-v1:OAS+PUENTES-PT+2028=pt-br",
                 "--opens", "2028-03-01", "--closes", "2028-06-30", "--prizes", "30000", "20000", "10000",
                 "--currency", "usd", "--budget-cap", "50000", "--country", "co", "--organiser", "fabio")
    edition = Edition.objects.get(slug="premio-puentes-2028")
    assert edition.currency == "USD" and edition.countries == ["CO"] and edition.call_closes_at.hour == 23
    assert sorted((str(c.course_key), c.language) for c in edition.courses.all()) == [
        ("course-v1:OAS+PUENTES-ES+2028", "es-419"), ("course-v1:OAS+PUENTES-PT+2028", "pt-br")]
    assert [user.username for user in edition.organisers.all()] == ["fabio"]
    for bad in (["--course", "not a key"], ["--opens", "yesterday"], ["--closes", "2028-01-01"],
                ["--organiser", "nobody"], ["--prizes", "1", "x", "3"]):
        arguments = {"--course": ["course-v1:OAS+X+1"], "--opens": ["2028-03-01"], "--closes": ["2028-06-30"],
                     "--prizes": ["3", "2", "1"], "--currency": ["USD"]}
        arguments[bad[0]] = bad[1:]
        with pytest.raises((CommandError, SystemExit)):
            call_command("puentes_awards_create_edition", "Bad", *[v for k, vs in arguments.items()
                                                                    for v in [k, *vs]])
