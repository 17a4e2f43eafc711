"""The demo site: landing page per role in three languages, sign-in, units, Studio page, handlers."""
import pytest

from puentes_demo import loading, personas
from puentes_demo.models import DemoUnit
from tests.demo_snapshot import load_or_restore

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_data(transactional_db):
    """The demo loaded once per test process and copied back for each test (tests/demo_snapshot.py)."""
    load_or_restore(loading.load_everything)


@pytest.mark.parametrize("language,heading", [
    ("en", "Choose a role"), ("es", "Elija un rol"), ("pt", "Escolha um perfil")])
def test_landing_page_in_each_language(client, demo_data, language, heading):
    response = client.get(f"/?lang={language}")
    assert response.status_code == 200
    page = response.content.decode()
    assert heading in page
    for persona in personas.PERSONAS:
        assert f"/login-as/{persona['username']}/" in page


def test_demo_users_exist_for_every_role(demo_data):
    from django.contrib.auth import get_user_model
    usernames = set(get_user_model().objects.values_list("username", flat=True))
    assert set(personas.usernames()) <= usernames
    assert {p["persona"] for p in personas.PERSONAS} == {"learner", "tutor", "staff", "juror", "organiser", "analyst"}


def test_every_unit_renders_for_a_learner(client, demo_data):
    """Every unit a learner may load renders; the tutors' units are a 404 for them, as in the LMS
    (courseware/access.py: the review unit is restricted to the tutors' content group)."""
    client.post("/login-as/ana/")
    units = list(DemoUnit.objects.all())
    assert units, "the demo loaded no units"
    for unit in units:
        response = client.get(f"/unit/{unit.usage_id}/")
        restricted = unit.usage_id.endswith("block@m11_review_unit")
        assert response.status_code == (404 if restricted else 200), unit.usage_id


def test_the_tutor_loads_the_review_unit_without_a_staff_role(client, demo_data):
    client.post("/login-as/carla/")
    for unit in DemoUnit.objects.filter(audience="tutor"):
        assert client.get(f"/unit/{unit.usage_id}/").status_code == 200, unit.usage_id


def test_studio_page_is_for_course_staff_only(client, demo_data):
    unit = DemoUnit.objects.first()
    client.post("/login-as/ana/")
    assert client.get(f"/studio/{unit.usage_id}/").status_code == 403
    client.post("/login-as/diego/")
    assert client.get(f"/studio/{unit.usage_id}/").status_code == 200


def test_handlers_need_a_signed_in_user(client, demo_data):
    unit = DemoUnit.objects.first()
    response = client.post(f"/handler/{unit.usage_id}/anything/", data="{}", content_type="application/json")
    assert response.status_code == 403
    assert response.json()["error"]


def test_unknown_block_or_handler_is_404_not_500(client, demo_data):
    client.post("/login-as/ana/")
    assert client.post("/handler/not-a-key/x/", data="{}", content_type="application/json").status_code == 404
    unit = DemoUnit.objects.first()
    assert client.post(f"/handler/{unit.usage_id}/nope/", data="{}",
                       content_type="application/json").status_code == 404


@pytest.mark.browser
def test_landing_page_fits_a_phone(browser, demo_site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="es-419")
    page = context.new_page()
    page.goto(f"{demo_site}/?lang=es")
    assert page.locator("h1").first.is_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    page.locator("form[action='/login-as/ana/'] button").click()
    assert "Ana" in page.locator(".account").inner_text()
    context.close()


def test_a_protected_page_sends_an_anonymous_visitor_to_a_working_sign_in(client, demo_data):
    unit = DemoUnit.objects.first()
    response = client.get(f"/unit/{unit.usage_id}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")
    sign_in = client.get(response["Location"])
    assert sign_in.status_code == 200
    response = client.post(response["Location"], {"username": "ana", "password": "puentes-ana"})
    assert response.status_code == 302 and response["Location"] == f"/unit/{unit.usage_id}/"


def test_staff_view_a_unit_as_a_learner_read_only(client, demo_data):
    """The demo's "View this unit as a specific learner" (the LMS's masquerade): Diego reads the proposal
    unit as Ana; the block's handlers refuse to write for her (courseware/masquerade.py)."""
    import json

    from opaque_keys.edx.keys import UsageKey
    unit = DemoUnit.objects.get(usage_id__endswith="block@m11_proposal_unit", language="en")
    client.post("/login-as/ana/")
    assert client.post(f"/view-as/{unit.usage_id}/", {"username": "bruno"}).status_code == 403  # learners cannot
    client.post("/login-as/diego/")
    assert client.post(f"/view-as/{unit.usage_id}/", {"username": "ana"}).status_code == 302
    page = client.get(f"/unit/{unit.usage_id}/").content.decode()
    assert "Viewing as ana" in page
    proposal = str(UsageKey.from_string(unit.usage_id).course_key.make_usage_key("puentes_proposal", "m11_proposal"))
    response = client.post(f"/handler/{proposal}/start/", "{}", content_type="application/json")
    assert response.status_code == 403 and json.loads(response.content)["code"] == "read_only_masquerade"
    client.post(f"/view-as/{unit.usage_id}/", {"username": ""})
    assert "Viewing as" not in client.get(f"/unit/{unit.usage_id}/").content.decode()
