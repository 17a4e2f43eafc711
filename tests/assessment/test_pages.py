"""The analysts' page, its exports and the report: who may read them, and suppression everywhere."""
import csv
import io
import json

import pytest
from django.urls import reverse
from puentes_assessment import api

from puentes_demo.models import CourseRole

from .conftest import COURSES
from .flows import Survey, region

pytestmark = pytest.mark.django_db
INSTRUMENT = "puentes-needs-sample"


@pytest.fixture
def survey():
    survey = Survey()
    region(survey)
    return survey


def page(client, user, view="analysis", language="en", **kwargs):
    client.force_login(user)
    url = reverse(f"puentes_assessment:{view}", kwargs={"instrument": INSTRUMENT, **kwargs})
    return client.get(url, {"lang": language})


def test_learners_and_strangers_are_refused(client, survey, make_user):
    learner = make_user("learner", "student", COURSES["es"])
    assert page(client, learner).status_code == 403
    assert page(client, learner, "export", name="figures.csv").status_code == 403
    client.logout()
    response = client.get(reverse("puentes_assessment:analysis", kwargs={"instrument": INSTRUMENT}))
    assert response.status_code == 302 and "login" in response["Location"]


def test_course_staff_and_named_analysts_may_read(client, survey, make_user):
    staff = make_user("staff_es", "staff", COURSES["es"])
    assert page(client, staff).status_code == 200
    analyst = make_user("analyst")
    assert page(client, analyst).status_code == 403
    api.grant_analyst(INSTRUMENT, analyst)
    assert page(client, analyst).status_code == 200
    CourseRole.objects.filter(user=staff).update(role="student")
    assert page(client, staff).status_code == 403


def test_the_page_shows_charts_and_tables_and_hides_small_cells(client, survey, make_user):
    analyst = make_user("analyst")
    api.grant_analyst(INSTRUMENT, analyst)
    html = page(client, analyst).content.decode()
    assert html.count('role="img"') >= 5 and "<caption>" in html
    for heading in ("Responses by country", "Needs ranked", "Distribution of each capacity",
                    "Groups in vulnerable situations", "Baseline and end-line", "In their own words, by theme"):
        assert heading in html
    mexico = html.split("<th scope=\"row\">Mexico</th>")[1].split("</tr>")[0]
    assert "suppressed" in mexico and ">2<" not in mexico
    assert "Rosario" not in html and "official" not in html  # no names of places or people in the figures


def test_exports_carry_the_same_suppression(client, survey, make_user):
    analyst = make_user("analyst")
    api.grant_analyst(INSTRUMENT, analyst)
    client.force_login(analyst)
    rows = list(csv.DictReader(io.StringIO(client.get(reverse(
        "puentes_assessment:export", kwargs={"instrument": INSTRUMENT, "name": "figures.csv"})).content.decode())))
    mexico = [row for row in rows if row["country"] == "MX"]
    assert mexico and all(row["responses"] == "" and row["mean_capacity_percent"] == "" for row in mexico)
    assert all(row["suppressed"] == "1" for row in mexico if row["wave"] == "baseline")
    colombia = next(row for row in rows if row["table"] == "responses_by_country" and row["country"] == "CO"
                    and row["wave"] == "baseline")
    assert colombia["responses"] == "7" and colombia["municipalities"] == "6"
    assert not [row for row in rows if row["country"] == "AR"]  # no consent, no figure at all
    codebook = client.get(reverse("puentes_assessment:export",
                                  kwargs={"instrument": INSTRUMENT, "name": "codebook.csv"})).content.decode()
    assert "GOV_COORD" in codebook and "suppressed" in codebook
    data = json.loads(client.get(reverse("puentes_assessment:export",
                                         kwargs={"instrument": INSTRUMENT, "name": "figures.json"})).content)
    assert data["minimum_municipalities"] == 5 and "GOV_COORD" in data["codebook"]["questions"]
    assert all(f["responses"] is None for f in data["figures"] if f.get("country") == "MX")


def test_the_report_is_built_in_three_languages_as_html_and_pdf(client, survey, make_user, settings, tmp_path,
                                                                 django_capture_on_commit_callbacks):
    from tests.awards_handoff.proposals_flow import approve_and_enter
    settings.MEDIA_ROOT = str(tmp_path)
    # Good practices: an entered proposal (approved, the team consented to publication) in a course that asks
    # the instrument, and another one in a course that does not.
    approve_and_enter(str(COURSES["es"]), str(COURSES["es"].make_usage_key("puentes_proposal", "m11_proposal")),
                      make_user("ana"), make_user("carla"), attachment=False)
    approve_and_enter("course-v1:OAS+OTHER+2027", "block-v1:OAS+OTHER+2027+type@puentes_proposal+block@p",
                      make_user("bruno"), make_user("carla"), attachment=False, municipality="Valparaíso",
                      country="CL")
    analyst = make_user("analyst", is_staff=True)
    client.force_login(analyst)
    url = reverse("puentes_assessment:request_report", kwargs={"instrument": INSTRUMENT})
    with django_capture_on_commit_callbacks(execute=True):  # the task is queued when the request commits
        response = client.post(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 202
    report_id = response.json()["id"]
    status = client.get(reverse("puentes_assessment:report_status",
                                kwargs={"instrument": INSTRUMENT, "report_id": report_id})).json()
    assert status["state"] == "done" and status["percent"] == 100, status
    assert sorted(status["files"]) == ["en.html", "en.pdf", "es.html", "es.pdf", "pt.html", "pt.pdf"]
    texts = {}
    for lang in ("en", "es", "pt"):
        html = client.get(status["files"][f"{lang}.html"])
        texts[lang] = b"".join(html.streaming_content).decode()
        pdf = b"".join(client.get(status["files"][f"{lang}.pdf"]).streaming_content)
        assert pdf.startswith(b"%PDF") and len(pdf) > 5000
    assert 'lang="es"' in texts["es"] and "Gobernanza y coordinación" in texts["es"]
    assert "Regla de supresión" in texts["es"] and "Buenas prácticas del curso" in texts["es"]
    assert 'lang="pt"' in texts["pt"] and "Governança e coordenação" in texts["pt"]
    assert "Governance and coordination" in texts["en"] and "Suppression rule" in texts["en"]
    for text in texts.values():
        assert "Casa de acogida municipal" in text and "Llegan trescientas familias por mes" in text
        assert "Valparaíso" not in text
    client.force_login(make_user("learner", "student", COURSES["es"]))
    assert client.get(status["files"]["es.pdf"]).status_code == 403


def test_the_analyst_role_is_granted_and_revoked_by_command(make_user):
    from django.core.management import CommandError, call_command
    from puentes_assessment import access
    analyst = make_user("gabriela")
    call_command("puentes_assessment_grant_analyst", INSTRUMENT, "gabriela")
    assert access.may_analyse(analyst, INSTRUMENT)
    call_command("puentes_assessment_grant_analyst", INSTRUMENT, "gabriela", "--revoke")
    assert not access.may_analyse(analyst, INSTRUMENT)
    with pytest.raises(CommandError, match="No user"):
        call_command("puentes_assessment_grant_analyst", INSTRUMENT, "nobody")
    with pytest.raises(CommandError, match="not an instrument code"):
        call_command("puentes_assessment_grant_analyst", "Bad Code!", "gabriela")
