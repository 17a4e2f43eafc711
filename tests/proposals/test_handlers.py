"""The proposal block's handlers through the LMS-shaped runtime: permissions, bad input, conflicts, files."""
import json

import pytest
from webob import Request

from tests.helpers import get, post_json

from .conftest import COMPLETE_ANSWERS, PDF, PNG

pytestmark = pytest.mark.django_db


def upload(block, name, content, section="documents", proposal_id=None):
    fields = {"section": section, "file": (name, content)}
    if proposal_id is not None:
        fields["proposal_id"] = str(proposal_id)
    request = Request.blank("/upload/", POST=fields)
    response = block.runtime.handle(block, "upload", request, "")
    return response.status_code, json.loads(response.body)


@pytest.fixture
def team(block_as):
    status, started = post_json(block_as("ana"), "start")
    assert status == 200
    code = block_as("ana").student_view().body_html().split('class="pp-code">')[1].split("<")[0]
    status, joined = post_json(block_as("bruno"), "join", {"code": code})
    assert status == 200 and joined["team"] == ["ana", "bruno"]
    return started["proposal_id"]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def save(block, changes):
    return post_json(block, "save_draft", {"changes": changes})


def test_a_learner_without_a_team_sees_how_to_start_or_join(block_as):
    html = block_as("ana").student_view().body_html()
    assert "Start our team&#x27;s proposal" in html or "Start our team's proposal" in html
    assert "invitation code" in html


def test_the_team_sees_its_draft_and_sections(block_as, team):
    save(block_as("ana"), [{"section": "title", "value": "Casa <b>de</b> acogida", "base_revision": 0}])
    html = block_as("bruno").student_view().body_html()
    # Plain text is kept as typed and escaped where it is shown (H3).
    assert 'value="Casa &lt;b&gt;de&lt;/b&gt; acogida"' in html
    assert "Saved at" in html and "Ana" in html and "Bruno" in html


def test_save_and_conflict_through_the_handler(block_as, team):
    status, saved = save(block_as("ana"), [{"section": "problem", "value": "<p>uno</p>", "base_revision": 0}])
    assert status == 200 and saved["revision"] == 1 and saved["saved"] == {"problem": "<p>uno</p>"}
    status, conflict = save(block_as("bruno"), [{"section": "problem", "value": "<p>dos</p>", "base_revision": 0}])
    assert status == 409
    assert conflict["conflicts"] == [{"section": "problem", "yours": "<p>dos</p>", "theirs": "<p>uno</p>",
                                      "revision": 1}]
    assert "colleague saved this section" in conflict["error"]


@pytest.mark.parametrize("payload", [
    {}, {"changes": "title"}, {"changes": []}, {"changes": [1, 2]},
    {"changes": [{"section": "nope", "value": "x"}]},
    {"changes": [{"section": "title", "value": {"a": 1}}]},
    {"changes": [{"section": "budget", "value": [{"item": "x", "quantity": "many", "unit_cost": 1}]}]},
    {"changes": [{"section": "title", "value": "x", "base_revision": "yesterday"}]},
])
def test_bad_input_gets_400_with_a_message_and_keeps_the_draft(block_as, team, payload):
    save(block_as("ana"), [{"section": "title", "value": "Kept", "base_revision": 0}])
    status, body = post_json(block_as("ana"), "save_draft", payload)
    assert status == 400 and body["error"]
    status, state = (lambda r: (r.status_code, json.loads(r.body)))(get(block_as("ana"), "state"))
    assert state["answers"]["title"] == "Kept"


def test_malformed_json_is_a_400(block_as, team):
    status, body = post_json(block_as("ana"), "save_draft", raw=b"{not json")
    assert status == 400 and "JSON" in body["error"]


def test_a_learner_cannot_reach_another_teams_proposal(block_as, team):
    status, other = post_json(block_as("carol"), "start")
    assert status == 200
    # Carol names Ana's proposal id: refused, and Ana's draft is untouched.
    status, body = post_json(block_as("carol"), "save_draft", {"proposal_id": team, "changes": [
        {"section": "title", "value": "hijacked", "base_revision": 0}]})
    assert status == 404
    status, _ = post_json(block_as("carol"), "submit", {"proposal_id": team})
    assert status == 404
    status, _ = post_json(block_as("carol"), "invite", {"proposal_id": team, "username": "carol"})
    assert status == 404
    assert json.loads(get(block_as("ana"), "state").body)["answers"] == {}
    # Dora, in no team, gets nothing either.
    assert get(block_as("dora"), "state").status_code == 404
    assert post_json(block_as("dora"), "save_draft", {"changes": [{"section": "title", "value": "x"}]})[0] == 404


def test_uploads_are_checked_by_content_and_downloads_limited(block_as, team, media, people, course_key):
    status, body = upload(block_as("ana"), "mapa.png", PDF)       # extension lies about the content
    assert status == 400 and "does not match" in body["error"]
    status, body = upload(block_as("ana"), "virus.exe", b"MZ\x90\x00")
    assert status == 400
    status, body = upload(block_as("ana"), "../../carta apoyo.PDF", PDF)
    assert status == 200 and body["attachment"]["name"] == "carta apoyo.pdf"
    attachment_id = body["attachment"]["id"]
    assert list(media.rglob("*.pdf"))
    download = get(block_as("bruno"), "attachment", str(attachment_id))
    assert download.status_code == 200 and download.body == PDF
    assert "nosniff" in download.headers["X-Content-Type-Options"]
    post_json(block_as("carol"), "start")
    assert get(block_as("carol"), "attachment", str(attachment_id), f"proposal={team}").status_code == 404
    assert get(block_as("carol"), "attachment", str(attachment_id)).status_code == 404
    assert get(block_as("diego"), "attachment", str(attachment_id), f"proposal={team}").status_code == 200
    from puentes_proposals import api
    api.grant_tutor(course_key, people["tutor"].id)
    assert get(block_as("tutor"), "attachment", str(attachment_id), f"proposal={team}").status_code == 200


def test_an_oversized_upload_is_refused(block_as, team, media, settings):
    settings.PUENTES_ATTACHMENT_MAX_BYTES = 1024
    status, body = upload(block_as("ana"), "big.png", PNG + b"\x00" * 2000)
    assert status == 400 and "limit" in body["error"]
    status, body = post_json(block_as("ana"), "upload", {"section": "documents"})
    assert status == 400


def test_submit_reports_what_is_missing_then_submits(block_as, team):
    status, body = post_json(block_as("ana"), "submit")
    assert status == 400 and set(body["problems"]) == {"title", "problem", "area", "budget"}
    save(block_as("ana"), [{"section": k, "value": v, "base_revision": 0} for k, v in COMPLETE_ANSWERS.items()])
    status, body = post_json(block_as("bruno"), "submit")
    assert status == 200 and body["version"] == 1 and body["status"] == "submitted"
    html = block_as("ana").student_view().body_html()
    assert "locked while it is reviewed" in html and "pp-done" in html
    status, body = save(block_as("ana"), [{"section": "title", "value": "late", "base_revision": 1}])
    assert status == 400 and "locked" in body["error"]


def test_staff_export_csv_and_json(block_as, team):
    save(block_as("ana"), [{"section": k, "value": v, "base_revision": 0} for k, v in COMPLETE_ANSWERS.items()])
    post_json(block_as("ana"), "submit")
    assert get(block_as("ana"), "export", "csv").status_code == 403
    csv_text = get(block_as("diego"), "export", "csv").body.decode()
    assert csv_text.splitlines()[0].startswith("proposal_id,version,status")
    assert "Casa de acogida" in csv_text
    rows = json.loads(get(block_as("diego"), "export", "json").body)
    assert len(rows) == 1 and rows[0]["team"] == ["ana", "bruno"]


def test_student_view_data_for_the_mobile_apps(block_as, team):
    data = block_as("ana").student_view_data()  # collected once for everyone: no one's proposal in it
    assert "proposal" not in data and [s["id"] for s in data["sections"]][:2] == ["title", "problem"]
    state = json.loads(get(block_as("ana"), "learner_state").body)
    assert state["proposal"]["team"] == ["ana", "bruno"]


def test_signed_out_users_are_turned_away(load_block, proposal_block):
    block = load_block.block(proposal_block, None)
    assert post_json(block, "start")[0] == 403
    assert "Sign in" in block.student_view().body_html()


def test_default_template_is_translated(load_block, people):
    from django.utils import translation
    usage = load_block.parse("<puentes_proposal url_name='default_one'/>")
    block = load_block.block(usage, people["ana"])
    assert [s["id"] for s in block.template()][:3] == ["title", "thematic_area", "problem"]
    with translation.override("en"):
        assert block.template()[2]["title"] == "Problem and context"
