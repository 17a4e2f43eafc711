"""The review block's handlers through the LMS-shaped runtime, on SQLite and MariaDB: who may do what,
claims, bad input, the revise-and-resubmit cycle, scores in edx-submissions, emails, the staff's views."""
import csv
import datetime
import io

import pytest
from django.core import mail
from django.utils import timezone, translation

from puentes_proposals import api
from tests.helpers import get, post_json, set_status

from .conftest import TEMPLATE

pytestmark = pytest.mark.django_db

EVERY_CRITERION = {"innovation": "solid", "impact": "excellent", "feasibility": "solid", "participation": "solid",
                   "sustainability": "emerging", "replicability": "solid", "gender_diversity": "excellent"}


def queue(block, query=""):
    response = get(block, "queue", query=query)
    return response.status_code, response.json


def workspace(block, proposal_id):
    response = get(block, "workspace", query=f"proposal_id={proposal_id}")
    return response.status_code, response.json


# ---- who gets in ----------------------------------------------------------------------------------

def test_a_learner_sees_a_short_note_and_no_proposal(review_as, submit):
    submit("ana", title="Casa Secreta")
    html = review_as("bruno").student_view().body_html()
    assert "for the tutors who review" in html
    assert "Casa Secreta" not in html and "ana" not in html


@pytest.mark.parametrize("handler,method,payload", [
    ("queue", "GET", ""), ("workspace", "GET", "proposal_id={pid}"), ("attachment", "GET", "proposal_id={pid}"),
    ("workload", "GET", ""), ("export_reviews", "GET", ""),
    ("claim", "POST", {}), ("release", "POST", {}), ("save_draft", "POST", {}), ("send_review", "POST", {}),
    ("assign_tutor", "POST", {"username": "pablo"}), ("take_over", "POST", {"holder": "carla"}),
])
def test_learners_get_403_from_every_handler(review_as, submit, handler, method, payload):
    proposal_id = submit("ana")
    for name in ("ana", "pablo"):   # a team member, and a learner of the course
        block = review_as(name)
        if method == "GET":
            status = get(block, handler, query=payload.format(pid=proposal_id)).status_code
        else:
            status, _body = post_json(block, handler, {**payload, "proposal_id": proposal_id})
        assert status == 403, (name, handler)
    assert api.current_claim(proposal_id) is None


def test_course_staff_app_tutors_and_tutors_named_in_the_block_get_the_queue(review_as, submit):
    proposal_id = submit("ana")
    for name in ("diego", "carla", "lucia"):
        status, page = queue(review_as(name))
        assert status == 200 and [item["proposal_id"] for item in page["items"]] == [proposal_id], name
    fragment = review_as("carla").student_view()
    assert fragment.json_init_args["queue"]["items"][0]["title"] == "Casa de acogida"   # the first page comes along


# ---- claims ---------------------------------------------------------------------------------------

def test_a_second_tutor_is_refused_a_held_claim_and_cannot_review_it(review_as, submit):
    proposal_id = submit("ana")
    status, body = post_json(review_as("carla"), "claim", {"proposal_id": proposal_id})
    assert status == 200 and body["claim"]["holder"] == "carla"
    status, body = post_json(review_as("tina"), "claim", {"proposal_id": proposal_id})
    assert status == 409 and "carla" in body["error"] and body["code"] == "held_by_other"
    for handler in ("save_draft", "send_review"):
        status, body = post_json(review_as("tina"), handler, {
            "proposal_id": proposal_id, "decision": "approved", "levels": EVERY_CRITERION})
        assert status == 409 and "carla" in body["error"], handler
    assert api.get_proposal(proposal_id).status == "in_review"
    assert api.sent_reviews(proposal_id) == []
    status, page = queue(review_as("tina"))
    assert page["items"][0]["claim"] == {"holder": "carla", "expires_at": page["items"][0]["claim"]["expires_at"],
                                         "live": True, "mine": False}


def test_an_expired_lease_is_claimable(review_as, submit, people):
    proposal_id = submit("ana")
    nine_hours_ago = timezone.now() - datetime.timedelta(hours=9)
    api.claim_proposal(proposal_id, people["carla"].id, now=nine_hours_ago)   # an 8-hour lease, run out
    status, page = queue(review_as("tina"))
    assert page["items"][0]["claim"]["live"] is False
    status, body = post_json(review_as("tina"), "claim", {"proposal_id": proposal_id})
    assert status == 200 and body["claim"]["holder"] == "tina"
    status, body = post_json(review_as("carla"), "save_draft", {"proposal_id": proposal_id,
                                                                "overall_comment": "late"})
    assert status == 409


def test_the_lease_length_is_a_setting(review_as, submit, settings, people):
    settings.PUENTES_CLAIM_LEASE_HOURS = 2
    proposal_id = submit("ana")
    before = timezone.now()
    post_json(review_as("carla"), "claim", {"proposal_id": proposal_id})
    claim = api.current_claim(proposal_id)
    assert datetime.timedelta(hours=2) <= claim.expires_at - before < datetime.timedelta(hours=2, minutes=1)


def test_staff_release_anyone_a_tutor_only_their_own(review_as, submit):
    proposal_id = submit("ana")
    post_json(review_as("carla"), "claim", {"proposal_id": proposal_id})
    status, body = post_json(review_as("tina"), "release", {"proposal_id": proposal_id})
    assert status == 403 and body["error"]
    status, _body = post_json(review_as("diego"), "release", {"proposal_id": proposal_id})
    assert status == 200
    assert api.current_claim(proposal_id) is None and api.get_proposal(proposal_id).status == "submitted"
    status, _body = post_json(review_as("tina"), "claim", {"proposal_id": proposal_id})
    assert status == 200


def test_course_staff_take_over_a_live_claim_after_confirming_and_the_history_keeps_it(review_as, submit, people):
    from puentes_demo.models import PublishedEvent
    from puentes_proposals.models import ReviewClaim
    proposal_id = submit("ana")
    post_json(review_as("carla"), "claim", {"proposal_id": proposal_id})
    post_json(review_as("carla"), "save_draft", {"proposal_id": proposal_id, "overall_comment": "Half done"})
    status, body = post_json(review_as("diego"), "claim", {"proposal_id": proposal_id})
    assert status == 409 and body["code"] == "held_by_other"   # claiming is never a silent take-over
    status, body = post_json(review_as("diego"), "take_over", {"proposal_id": proposal_id, "holder": "carla"})
    assert status == 200 and body["claim"]["holder"] == "diego" and body["taken_from"] == "carla"
    assert api.current_claim(proposal_id).tutor_username == "diego"
    history = list(ReviewClaim.objects.filter(proposal_id=proposal_id).values_list(
        "tutor__username", "held", "end_reason", "ended_by__username"))
    assert history == [("carla", None, "taken_over", "diego"), ("diego", True, "", None)]
    event = PublishedEvent.objects.get(event_type="puentes.tutor_review.claim_taken_over")
    assert event.data == {"proposal_id": proposal_id, "from": "carla", "by": "diego"}
    status, body = post_json(review_as("carla"), "send_review", {"proposal_id": proposal_id,
                                                                 "decision": "ineligible", "reason": "x"})
    assert status == 409 and "diego" in body["error"]
    assert api.review_draft(proposal_id, people["carla"].id)[0].overall_comment == "Half done"   # hers, kept


def test_only_course_staff_take_over(review_as, submit):
    proposal_id = submit("ana")
    post_json(review_as("carla"), "claim", {"proposal_id": proposal_id})
    for name in ("tina", "lucia"):   # a tutor of the app, a tutor named in the block
        status, body = post_json(review_as(name), "take_over", {"proposal_id": proposal_id, "holder": "carla"})
        assert status == 403 and "course staff" in body["error"], name
    assert api.current_claim(proposal_id).tutor_username == "carla"


def test_a_take_over_of_a_changed_claim_is_409_with_a_message(review_as, submit, people):
    proposal_id = submit("ana")
    diego = review_as("diego")
    status, body = post_json(diego, "take_over", {"proposal_id": proposal_id, "holder": "carla"})
    assert status == 409 and body["code"] == "claim_changed" and "Reload" in body["error"]   # nobody holds it
    assert api.current_claim(proposal_id) is None
    post_json(review_as("tina"), "claim", {"proposal_id": proposal_id})   # carla's confirmed claim is now tina's
    status, body = post_json(diego, "take_over", {"proposal_id": proposal_id, "holder": "carla"})
    assert status == 409 and body["code"] == "claim_changed"
    assert api.current_claim(proposal_id).tutor_username == "tina"
    nine_hours_ago = timezone.now() - datetime.timedelta(hours=9)
    second = submit("bruno")
    api.claim_proposal(second, people["carla"].id, now=nine_hours_ago)   # her lease ran out: nothing to take over
    status, body = post_json(diego, "take_over", {"proposal_id": second, "holder": "carla"})
    assert status == 409 and body["code"] == "claim_changed"
    post_json(review_as("carla"), "release", {"proposal_id": second})
    post_json(review_as("tina"), "claim", {"proposal_id": second})
    post_json(review_as("tina"), "send_review", {"proposal_id": second, "decision": "ineligible", "reason": "x"})
    status, body = post_json(diego, "take_over", {"proposal_id": second, "holder": "tina"})
    assert status == 409 and body["code"] == "not_waiting"
    status, body = post_json(diego, "take_over", {"proposal_id": proposal_id})
    assert status == 400 and body["field"] == "holder"
    status, body = post_json(diego, "take_over", {"proposal_id": "x", "holder": "tina"})
    assert status == 400 and body["field"] == "proposal_id"


def test_the_database_refuses_a_second_live_claim(submit, people):
    from django.db import IntegrityError, transaction

    from puentes_proposals.models import ReviewClaim
    proposal_id = submit("ana")
    api.claim_proposal(proposal_id, people["carla"].id)
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewClaim.objects.create(proposal_id=proposal_id, tutor=people["tina"], claimed_at=now, expires_at=now)


# ---- bad input ------------------------------------------------------------------------------------

@pytest.mark.parametrize("payload,field", [
    ({"proposal_id": "abc"}, "proposal_id"),
    ({"proposal_id": 999999}, "proposal_id"),
    ({"proposal_id": "{pid}", "levels": ["solid"]}, "rubric"),
    ({"proposal_id": "{pid}", "levels": {"innovation": "superb"}}, "rubric"),
    ({"proposal_id": "{pid}", "section_comments": {"problem": 5}}, "section_comments"),
    ({"proposal_id": "{pid}", "overall_comment": "x" * 20001}, None),
    ({"proposal_id": "{pid}"}, "decision"),
    ({"proposal_id": "{pid}", "decision": "revision_requested", "overall_comment": "  "}, "overall_comment"),
    ({"proposal_id": "{pid}", "decision": "approved", "levels": {"innovation": "solid"}}, "rubric"),
    ({"proposal_id": "{pid}", "decision": "ineligible"}, "reason"),
    ({"proposal_id": "{pid}", "decision": "accept"}, "decision"),
])
def test_bad_review_input_gets_400_with_a_message_and_keeps_the_draft(review_as, submit, payload, field):
    proposal_id = submit("ana")
    carla = review_as("carla")
    post_json(carla, "claim", {"proposal_id": proposal_id})
    status, _body = post_json(carla, "save_draft", {"proposal_id": proposal_id, "overall_comment": "Keep me"})
    assert status == 200
    payload = {k: (proposal_id if v == "{pid}" else v) for k, v in payload.items()}
    status, body = post_json(carla, "send_review", payload)
    assert status == 400 and body["error"] and body.get("field") == field
    assert api.review_draft(proposal_id, carla.runtime.django_user_id)[0].overall_comment == "Keep me"
    assert api.get_proposal(proposal_id).status == "in_review"


def test_approving_without_every_criterion_names_the_missing_ones(review_as, submit):
    proposal_id = submit("ana")
    post_json(review_as("carla"), "claim", {"proposal_id": proposal_id})
    status, body = post_json(review_as("carla"), "send_review", {
        "proposal_id": proposal_id, "decision": "approved", "levels": {"innovation": "solid"}})
    assert status == 400 and "Replicability" in body["error"] and "Innovation" not in body["error"]


def test_not_json_and_bad_queue_filters_get_400(review_as, submit):
    status, body = post_json(review_as("carla"), "claim", raw=b"{not json")
    assert status == 400 and body["error"]
    for query in ("page=two", "status=lost", "waiting_days=x"):
        status, body = queue(review_as("carla"), query)
        assert status == 400 and body["error"], query


# ---- the cycle ------------------------------------------------------------------------------------

def test_revision_then_resubmission_then_approval_reaches_the_gradebook(review_as, submit, people, course_key,
                                                                       load_block, proposal_block,
                                                                       django_capture_on_commit_callbacks):
    from submissions import api as submissions_api

    from puentes_demo.models import PublishedEvent
    from puentes_demo.runtime import anonymous_id_for
    proposal_id = submit("ana")
    carla = review_as("carla")
    post_json(carla, "claim", {"proposal_id": proposal_id})
    with django_capture_on_commit_callbacks(execute=True):
        status, sent = post_json(carla, "send_review", {
            "proposal_id": proposal_id, "decision": "revision_requested", "overall_comment": "Say how many families.",
            "section_comments": {"problem": "Add numbers."}, "levels": {"innovation": "solid"}})
    assert status == 200 and sent["decision"] == "revision_requested"
    assert api.get_proposal(proposal_id).status == "revision_requested"
    assert api.current_claim(proposal_id) is None   # sending ends the claim
    assert [m.to for m in mail.outbox if "revision" in m.subject] == [["ana@example.org"]]
    event = PublishedEvent.objects.get(event_type="puentes.tutor_review.sent")
    assert event.data["decision"] == "revision_requested" and event.data["proposal_id"] == proposal_id

    submit("ana", proposal_id=proposal_id, problem="<p>Families arrive without documents and wait six weeks.</p>")
    assert api.get_proposal(proposal_id).status == "resubmitted"
    status, _body = post_json(carla, "claim", {"proposal_id": proposal_id})
    status, space = workspace(carla, proposal_id)
    assert status == 200 and space["version"] == 2 and space["previous_version"] == 1
    problem = next(s for s in space["sections"] if s["id"] == "problem")
    assert problem["changed"] and ["insert", "six "] in problem["changes"]
    assert not next(s for s in space["sections"] if s["id"] == "title")["changed"]
    assert space["reviews"][0]["overall_comment"] == "Say how many families."

    status, sent = post_json(carla, "send_review", {"proposal_id": proposal_id, "decision": "approved",
                                                    "levels": EVERY_CRITERION, "overall_comment": "Ready."})
    assert status == 200 and (sent["points_earned"], sent["points_possible"]) == (15, 21)
    assert api.get_proposal(proposal_id).status == "approved"
    score = submissions_api.get_score({"student_id": anonymous_id_for(people["ana"].id, course_key),
                                       "course_id": str(course_key), "item_id": api.get_proposal(proposal_id).block_key,
                                       "item_type": "puentes_proposal"})
    assert (score["points_earned"], score["points_possible"]) == (71, 100)  # 15/21 on the block's 100 points
    reviews = api.sent_reviews(proposal_id)
    assert [(r.version_number, r.decision, r.tutor_username) for r in reviews] == [
        (1, "revision_requested", "carla"), (2, "approved", "carla")]
    assert reviews[0].overall_comment == "Say how many families."      # the first decision is kept as sent
    sheets = api.review_sheets([r.review_id for r in reviews])
    assert sheets[reviews[1].review_id]["levels"] == EVERY_CRITERION
    learner_page = load_block.block(proposal_block, people["ana"]).student_view().body_html()
    assert "Innovation" in learner_page and "gender_diversity" not in learner_page   # criteria named, not ids
    statuses = [entry.status for entry in api.history(proposal_id)]
    assert statuses == ["draft", "submitted", "in_review", "revision_requested", "resubmitted", "in_review",
                        "approved"]
    status, body = post_json(carla, "send_review", {"proposal_id": proposal_id, "decision": "approved",
                                                    "levels": EVERY_CRITERION})
    assert status == 409


def test_the_team_email_is_in_the_learners_language(review_as, submit, monkeypatch,
                                                    django_capture_on_commit_callbacks):
    from puentes_proposals import notifications
    proposal_id = submit("ana")
    monkeypatch.setattr(notifications, "_lms_preference", lambda user: "pt-br")   # the LMS's pref-lang (an edge)
    post_json(review_as("carla"), "claim", {"proposal_id": proposal_id})
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        post_json(review_as("carla"), "send_review", {"proposal_id": proposal_id, "decision": "ineligible",
                                                      "reason": "Not a municipality."})
    [message] = [m for m in mail.outbox if m.to == ["ana@example.org"]]
    assert "proposta" in message.subject.lower() and "Casa de acogida" in message.body


def test_tutors_hear_of_new_submissions_assigned_ones_first(submit, people, course_key,
                                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit("ana")
    assert sorted(m.to[0] for m in mail.outbox) == ["carla@example.org", "tina@example.org"]
    api.assign_tutor(course_key, "tina", countries=["BR"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submit("bruno", country="BR")
    assert [m.to[0] for m in mail.outbox] == ["tina@example.org"]


# ---- the queue ------------------------------------------------------------------------------------

def test_filters_search_pages_and_counts(review_as, submit, people, course_key):
    first = submit("ana", title="Casa de acogida", area="education", country="AR")
    second = submit("bruno", title="Empleo joven", area="employment", country="BR")
    post_json(review_as("carla"), "claim", {"proposal_id": second})
    carla = review_as("carla")
    status, page = queue(carla)
    assert [i["proposal_id"] for i in page["items"]] == [first, second]   # oldest waiting first
    assert page["counts"]["submitted"] == 1 and page["counts"]["in_review"] == 1
    assert [i["proposal_id"] for i in queue(carla, "country=BR")[1]["items"]] == [second]
    assert [i["proposal_id"] for i in queue(carla, "thematic_area=education")[1]["items"]] == [first]
    assert [i["proposal_id"] for i in queue(carla, "search=EMPLEO")[1]["items"]] == [second]
    assert [i["proposal_id"] for i in queue(carla, "search=ana")[1]["items"]] == [first]
    assert [i["proposal_id"] for i in queue(carla, "tutor=carla")[1]["items"]] == [second]
    assert [i["proposal_id"] for i in queue(carla, "status=in_review")[1]["items"]] == [second]
    assert queue(carla, "waiting_days=3")[1]["items"] == []
    # A tutor reads labels, not codes: the thematic area and the country in the page's language.
    with translation.override("es-419"):
        status, page = queue(review_as("carla"))
        block = review_as("carla")
        args = block.init_args(block.reviewer())
    assert [(i["thematic_area_label"], i["country_name"]) for i in page["items"]] == [
        ("Educación", "Argentina"), ("Empleo e integración socioeconómica", "Brasil")]
    assert args["area_labels"]["employment"] == "Empleo e integración socioeconómica"
    assert args["country_names"] == {"AR": "Argentina", "BR": "Brasil"}
    status, page = queue(carla, "page_size=1&page=2")
    assert [i["proposal_id"] for i in page["items"]] == [second] and page["pages"] == 2
    api.assign_tutor(course_key, "tina", countries=["BR"])
    page = queue(review_as("tina"))[1]
    assert [i["proposal_id"] for i in page["items"]] == [second, first] and page["items"][0]["assigned"]


# ---- files ----------------------------------------------------------------------------------------

def test_tutors_download_attachments_through_the_apps_check(review_as, submit, people, course_key, settings,
                                                            tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    proposal_id = submit("ana")
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    api.release_claim  # noqa: B018 - the app's api is what the block uses; files go in while the draft is open
    set_status(proposal_id, "revision_requested")
    record, _saved = api.add_attachment(proposal_id, people["ana"].id, "documents", TEMPLATE, "plan.pdf", pdf,
                                        10_000_000, ["pdf"])
    from puentes_demo.runtime import anonymous_id_for
    api.submit(proposal_id, people["ana"].id, TEMPLATE, anonymous_id_for(people["ana"].id, course_key), 0, None)
    status, space = workspace(review_as("carla"), proposal_id)
    assert space["attachments"] == [{"id": record.attachment_id, "name": "plan.pdf"}]
    response = get(review_as("carla"), "attachment", query=f"proposal_id={proposal_id}&attachment_id="
                                                             f"{record.attachment_id}")
    assert response.status_code == 200 and response.body == pdf
    assert "plan.pdf" in response.headers["Content-Disposition"]
    response = get(review_as("carla"), "attachment", query=f"proposal_id={proposal_id}&attachment_id=999999")
    assert response.status_code == 404
    response = get(review_as("carla"), "attachment", query=f"proposal_id={proposal_id}&attachment_id=x")
    assert response.status_code == 400


# ---- course staff ---------------------------------------------------------------------------------

def test_workload_and_csv_export_for_staff_only(review_as, submit):
    first, second = submit("ana"), submit("bruno")
    post_json(review_as("carla"), "claim", {"proposal_id": first})
    post_json(review_as("carla"), "send_review", {"proposal_id": first, "decision": "revision_requested",
                                                  "overall_comment": "=HYPERLINK(\"x\")"})
    post_json(review_as("tina"), "claim", {"proposal_id": second})
    assert get(review_as("carla"), "workload").status_code == 403
    assert get(review_as("carla"), "export_reviews").status_code == 403
    data = get(review_as("diego"), "workload").json
    rows = {row["username"]: row for row in data["tutors"]}
    assert rows["carla"]["reviewed"] == 1 and rows["carla"]["waiting"] == 0 and rows["carla"]["median_hours"] == 0.0
    assert rows["tina"]["reviewed"] == 0 and rows["tina"]["waiting"] == 1
    response = get(review_as("diego"), "export_reviews")
    assert response.status_code == 200 and response.content_type == "text/csv"
    exported = list(csv.DictReader(io.StringIO(response.body.decode("utf-8"))))
    assert [(r["proposal_id"], r["tutor"], r["state"], r["decision"]) for r in exported] == [
        (str(first), "carla", "sent", "revision_requested")]
    assert exported[0]["overall_comment"].startswith("'=")   # no formula runs in a spreadsheet


def test_staff_name_tutors_with_countries(review_as, people, course_key):
    status, body = post_json(review_as("diego"), "assign_tutor", {"username": "pablo", "countries": "ar, br"})
    assert status == 200 and api.is_tutor(course_key, people["pablo"].id)
    assert api.tutor_assignment(course_key, people["pablo"].id) == (["AR", "BR"], [])
    status, body = post_json(review_as("diego"), "assign_tutor", {"username": "nobody"})
    assert status == 400 and body["field"] == "username"
    status, body = post_json(review_as("diego"), "assign_tutor", {"username": "pablo", "countries": "Argentina"})
    assert status == 400 and body["field"] == "countries"


# ---- Studio ---------------------------------------------------------------------------------------

def test_studio_saves_a_structured_rubric_and_names_the_bad_field(review_as, studio_as):
    rubric = [{"label": "Claridad", "description": "", "levels": [
        {"label": "Baja", "description": "Confusa", "points": "0"},
        {"label": "Alta", "description": "Clara", "points": "5"}]}]
    status, body = post_json(studio_as("diego"), "studio_submit", {
        "display_name": "Revisión", "tutors": "lucia\npablo", "proposal_blocks": "proposal", "rubric": rubric})
    assert status == 200
    block = review_as("diego")
    assert block.rubric[0]["id"] == "claridad" and block.tutors == ["lucia", "pablo"]
    assert block.block_keys() == [str(block.course_key().make_usage_key("puentes_proposal", "proposal"))]
    rubric[0]["levels"][1]["points"] = "cinco"
    status, body = post_json(studio_as("diego"), "studio_submit", {"display_name": "R", "rubric": rubric})
    assert status == 400 and body["field"] == "criteria.0.levels.1.points"
    status, body = post_json(studio_as("ana"), "studio_submit", {"display_name": "R", "rubric": rubric})
    assert status == 403
