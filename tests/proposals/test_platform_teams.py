"""Proposal teams that are the course's Open edX teams (issue 16), through the demo's teams services.

The demo's `teams` and `teams_configuration` services answer as the platform's (openedx-platform
`lms/djangoapps/teams/services.py`, `lms/djangoapps/teams/api.py` get_team_for_user_course_topic and
anonymous_user_ids_for_team, `lms/djangoapps/teams/models.py` CourseTeam.add_user,
`xmodule/services.py` TeamsConfigurationService, `openedx/core/lib/teams_config.py`); the first tests
pin that behaviour, the rest walk the block through it. Submissions are real edx-submissions team
submissions (`submissions/team_api.py`), and each member's gradebook score is read back from it.
"""
import json

import pytest
from django.test import TestCase
from submissions import api as submissions_api
from submissions import team_api

from puentes_demo import teams
from puentes_demo.models import CourseTeamsSetting
from puentes_demo.runtime import anonymous_id_for
from puentes_proposals import api, rules
from puentes_proposals.models import Proposal, TeamMembership
from puentes_proposals.platform_team import team_change
from tests.helpers import get, post_json

from .conftest import COMPLETE_ANSWERS, PDF, block_xml

pytestmark = pytest.mark.django_db

CONFIGURATION = {"team_sets": [
    {"id": "municipal", "name": "Municipal teams", "type": "open", "max_team_size": 4},
    {"id": "municipal", "name": "A duplicate id, ignored"},
    {"id": "bad/id", "name": "An id the platform refuses"},
    {"id": "regional", "type": "public_managed"},
]}


@pytest.fixture
def teams_configured(course_key):
    CourseTeamsSetting.objects.create(course_key=str(course_key), teams_configuration=CONFIGURATION)


@pytest.fixture
def cucuta(teams_configured, course_key, people):
    team = teams.create_team(course_key, "municipal", "Alcaldía de Cúcuta")
    for name in ("ana", "bruno"):
        teams.join_team(people[name], team)
    return team


@pytest.fixture
def teamset_block(load_block, people, teams_configured):
    return load_block.parse(block_xml(url_name="team_proposal", teamset_id="municipal"))


@pytest.fixture
def as_member(block_as, teamset_block):
    return lambda name: block_as(name, teamset_block)


def state(block):
    response = get(block, "state")
    return response.status_code, json.loads(response.body)


def fill_and_submit(block):
    revision = state(block)[1]["revision"]
    status, _ = post_json(block, "save_draft", {"changes": [
        {"section": key, "value": value, "base_revision": revision} for key, value in COMPLETE_ANSWERS.items()]})
    assert status == 200
    with TestCase.captureOnCommitCallbacks(execute=True):  # the task after the commit, eager here
        status, body = post_json(block, "submit", {})
    assert status == 200, body
    return body


def approve(proposal_id, tutor, points):
    api.start_review(proposal_id, tutor.id)
    review = api.record_review(proposal_id, tutor.id, decision=rules.APPROVED, points_earned=points,
                               points_possible=100)
    api.send_review(review.review_id, tutor.id)


def gradebook_score(user, course_key, block):
    score = submissions_api.get_score({"student_id": anonymous_id_for(user.id, course_key),
                                       "course_id": str(course_key), "item_id": str(block.block_key),
                                       "item_type": "puentes_proposal"})
    return (score["points_earned"], score["points_possible"]) if score else None


# --- the demo's services answer as the platform's ---------------------------------------------------

def test_teams_configuration_reads_team_sets_as_the_platform_does(teams_configured, course_key):
    configuration = teams.TeamsConfigurationService().get_teams_configuration(course_key)
    assert [(t.teamset_id, t.name) for t in configuration.teamsets] == [
        ("municipal", "Municipal teams"), ("regional", "regional")]   # duplicates and bad ids dropped; name falls back
    assert configuration.is_enabled and configuration.calc_max_team_size("municipal") == 4
    assert configuration.calc_max_team_size("regional") == 200     # managed team-sets: "arbitrarily large"
    with pytest.raises(ValueError):
        configuration.calc_max_team_size("nope")
    assert not teams.TeamsConfigurationService().get_teams_configuration("course-v1:OAS+NONE+2027").teamsets
    assert [t.teamset_id for t in teams.TeamsConfig({"topics": [{"id": "old"}]}).teamsets] == ["old"]


def test_the_teams_service_answers_as_the_platform_does(cucuta, people, course_key):
    service = teams.TeamsService()
    assert service.get_team(people["ana"], str(course_key), "municipal") == cucuta
    assert service.get_team(people["ana"], course_key, "municipal") == cucuta      # a key works as its string
    assert service.get_team(people["carol"], str(course_key), "municipal") is None  # no team: None, not an error
    assert service.get_team(people["ana"], str(course_key), "regional") is None
    with pytest.raises(ValueError):
        service.get_team(people["ana"], "not a course", "municipal")
    assert service.get_team_by_team_id(cucuta.team_id) == cucuta and service.get_team_by_team_id("nope") is None
    assert service.get_team_names(str(course_key), "municipal") == {cucuta.team_id: "Alcaldía de Cúcuta"}
    expected = sorted(anonymous_id_for(people[name].id, course_key) for name in ("ana", "bruno"))
    assert service.get_anonymous_user_ids_for_team(people["bruno"], cucuta) == expected   # a member may ask
    assert service.get_anonymous_user_ids_for_team(people["diego"], cucuta) == expected   # course staff may ask
    with pytest.raises(Exception, match="not permitted"):                                # nobody else
        service.get_anonymous_user_ids_for_team(people["carol"], cucuta)
    assert service.get_team_detail_url(cucuta).endswith(f"/teams/#teams/municipal/{cucuta.team_id}")


def test_the_teams_tab_keeps_one_team_per_team_set_and_the_size(cucuta, course_key, people, make_user):
    other = teams.create_team(course_key, "municipal", "Prefeitura de Boa Vista")
    with pytest.raises(teams.TeamsTabError, match="already_on_team_in_teamset"):
        teams.join_team(people["ana"], other)
    teams.join_team(people["carol"], cucuta)
    teams.join_team(people["dora"], cucuta)
    with pytest.raises(teams.TeamsTabError, match="team_full"):
        teams.join_team(people["tutor"], cucuta)
    with pytest.raises(teams.TeamsTabError, match="not_enrolled"):
        teams.join_team(make_user("outsider"), other)


def test_team_change_is_who_came_and_who_went():
    assert team_change({1: "a", 2: "b"}, {2, 3}) == ([3], [1])
    assert team_change({}, {5, 4}) == ([4, 5], [])
    assert team_change({1: ""}, {1}) == ([], [])


# --- the block with a team-set --------------------------------------------------------------------

def test_a_learner_with_no_team_is_sent_to_the_teams_tab(as_member, cucuta, course_key):
    html = as_member("carol").student_view().body_html()
    assert "You are not in a team of “Municipal teams” yet" in html
    assert f'href="/courses/{course_key}/teams/#topics/municipal"' in html
    assert "invitation code" not in html and "pp-start-button" not in html
    status, body = post_json(as_member("carol"), "start")
    assert status == 400 and "Teams tab" in body["error"] and body["code"] == "no_platform_team"
    assert not Proposal.objects.exists()


def test_the_team_is_the_open_edx_team_and_its_members_share_one_draft(as_member, cucuta):
    html = as_member("ana").student_view().body_html()
    assert "Alcaldía de Cúcuta" in html and "Ana" in html and "Bruno" in html and "pp-start-button" in html
    status, started = post_json(as_member("ana"), "start")
    assert status == 200 and started["team"] == ["ana", "bruno"]
    assert post_json(as_member("bruno"), "start")[1]["proposal_id"] == started["proposal_id"]  # the same draft
    post_json(as_member("ana"), "save_draft", {"changes": [{"section": "title", "value": "Casa", "base_revision": 0}]})
    assert state(as_member("bruno"))[1]["answers"]["title"] == "Casa"
    page = as_member("bruno").student_view().body_html()
    assert "This is your Open edX team in “Municipal teams”" in page and "pp-invite" not in page
    # The consent path's handlers have nothing to change here: the team changes in the Teams tab.
    status, body = post_json(as_member("ana"), "invite", {"username": "carol"})
    assert status == 400 and body["code"] == "managed_team"
    assert post_json(as_member("ana"), "leave", {})[1]["code"] == "managed_team"
    proposal = Proposal.objects.get()
    assert (proposal.teamset_id, proposal.team_id) == ("municipal", cucuta.team_id)
    # Each member's own anonymous id, from their own session only.
    assert dict(TeamMembership.objects.values_list("user__username", "anonymous_id")) == {
        "ana": as_member("ana").runtime.anonymous_student_id, "bruno": as_member("bruno").runtime.anonymous_student_id}


def test_a_teamset_proposal_from_start_to_approval_scores_each_members_gradebook(as_member, cucuta, people,
                                                                                  course_key):
    status, started = post_json(as_member("ana"), "start")
    fill_and_submit(as_member("bruno"))
    version = Proposal.objects.get().versions.get()
    submission = team_api.get_team_submission(version.team_submission_uuid)
    assert submission["team_id"] == cucuta.team_id and submission["submitted_by"] == people["bruno"].id
    assert sorted(team_api.get_team_submission_student_ids(version.team_submission_uuid)) == \
        teams.TeamsService().get_anonymous_user_ids_for_team(people["ana"], cucuta)
    api.grant_tutor(course_key, people["tutor"].id)
    approve(started["proposal_id"], people["tutor"], 87)
    block = as_member("ana")
    assert gradebook_score(people["ana"], course_key, block) == (87, 100)
    assert gradebook_score(people["bruno"], course_key, block) == (87, 100)
    assert gradebook_score(people["carol"], course_key, block) is None
    assert state(as_member("ana"))[1]["status"] == rules.APPROVED


def test_members_leaving_and_joining_mid_draft(as_member, cucuta, people, course_key, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    status, started = post_json(as_member("ana"), "start")
    proposal_id = started["proposal_id"]
    api.add_attachment(proposal_id, people["ana"].id, "documents", block_xml_template(as_member("ana")), "carta.pdf",
                       PDF, 10_000, ("pdf",))
    attachment_id = Proposal.objects.get().attachments.get().pk
    # On the platform: Bruno leaves the team, Carol joins it.
    teams.leave_team(people["bruno"], cucuta)
    teams.join_team(people["carol"], cucuta)
    # Bruno loses the draft at once, files included, and is sent to the Teams tab.
    assert state(as_member("bruno"))[0] == 404
    assert get(as_member("bruno"), "attachment", str(attachment_id), f"proposal={proposal_id}").status_code == 404
    assert "You are not in a team" in as_member("bruno").student_view().body_html()
    assert post_json(as_member("bruno"), "save_draft", {"changes": [
        {"section": "title", "value": "x", "base_revision": 0}]})[0] == 404
    # Carol sees and edits the draft.
    status, carol = state(as_member("carol"))
    assert status == 200 and carol["team"] == ["ana", "carol"]
    assert post_json(as_member("carol"), "save_draft", {"changes": [
        {"section": "title", "value": "Casa de Carol", "base_revision": 0}]})[0] == 200
    assert get(as_member("carol"), "attachment", str(attachment_id)).status_code == 200
    # The timeline records it; the tutor queue, exports and conflicts read the same members.
    history = as_member("ana").student_view().body_html()
    assert "Bruno left the team" in history and "Carol joined the team" in history
    fill_and_submit(as_member("carol"))
    [row] = list(api.export_rows(course_key))
    assert row["team"] == ["ana", "carol"]
    assert api.is_member(proposal_id, people["carol"].id) and not api.is_member(proposal_id, people["bruno"].id)
    version = Proposal.objects.get().versions.get()
    assert sorted(team_api.get_team_submission_student_ids(version.team_submission_uuid)) == sorted(
        anonymous_id_for(people[name].id, course_key) for name in ("ana", "carol"))


def block_xml_template(block):
    return block.template()


def test_who_left_after_submitting_keeps_that_versions_grade(as_member, cucuta, people, course_key):
    status, started = post_json(as_member("ana"), "start")
    fill_and_submit(as_member("ana"))
    teams.leave_team(people["bruno"], cucuta)          # after the submission, before the review
    assert state(as_member("ana"))[1]["team"] == ["ana"]
    approve(started["proposal_id"], people["tutor"], 90)
    assert gradebook_score(people["bruno"], course_key, as_member("ana")) == (90, 100)
    assert state(as_member("bruno"))[0] == 404


def test_a_member_who_moves_team_leaves_the_old_proposal(as_member, cucuta, people, course_key):
    boa_vista = teams.create_team(course_key, "municipal", "Prefeitura de Boa Vista")
    teams.join_team(people["carol"], boa_vista)
    post_json(as_member("ana"), "start")
    post_json(as_member("carol"), "start")
    teams.leave_team(people["bruno"], cucuta)
    teams.join_team(people["bruno"], boa_vista)
    assert state(as_member("bruno"))[1]["team"] == ["carol", "bruno"]
    cucuta_proposal = Proposal.objects.get(team_id=cucuta.team_id)
    assert list(cucuta_proposal.members.values_list("user__username", flat=True)) == ["ana"]
    assert [c.kind for c in api.team_changes(cucuta_proposal.pk)] == ["left"]


# --- Studio: the team-set is chosen among the course's ------------------------------------------------

def test_studio_offers_the_courses_team_sets_and_refuses_others(as_member, studio_as, teamset_block, cucuta):
    from .test_studio import editor_values, init_args
    editor = studio_as("diego", teamset_block)
    assert init_args(editor.render("studio_view", {}))["teamsets"] == [
        ["", "None: learners form their team in this unit, by invitation"], ["municipal", "Municipal teams"],
        ["regional", "regional"]]
    values = editor_values(editor)
    assert values["teamset_id"] == "municipal"
    values["teamset_id"] = "invented"
    status, body = post_json(studio_as("diego", teamset_block), "studio_submit", values)
    assert status == 400 and body["field"] == "teamset_id" and "Pages & Resources" in body["error"]
    assert as_member("diego").teamset_id == "municipal"
    values["teamset_id"] = ""
    assert post_json(studio_as("diego", teamset_block), "studio_submit", values)[0] == 200
    assert as_member("diego").teamset_id == ""


def test_a_course_without_teams_offers_none_and_keeps_the_consent_path(block_as, studio_as, people):
    from .test_studio import init_args
    assert init_args(studio_as("diego").render("studio_view", {}))["teamsets"] == [
        ["", "None: learners form their team in this unit, by invitation"]]
    assert post_json(block_as("ana"), "start")[1]["team"] == ["ana"]
    assert "Invite a colleague by username" in block_as("ana").student_view().body_html()


def test_studio_has_the_teams_configuration_but_not_the_teams_service(studio_as, teamset_block, cucuta):
    """Studio's editor and preview give `teams_configuration` and no `teams` (openedx-platform
    cms/djangoapps/contentstore/utils.py load_services_for_studio, views/preview.py): the editor still lists
    the team-sets, and nothing in it asks for a learner's team."""
    editor = studio_as("diego", teamset_block)
    assert editor.runtime.service(editor, "teams") is None
    assert editor.course_teamsets()[0] == ("municipal", "Municipal teams")
    assert editor.platform_team() is None


def test_who_left_the_team_still_never_reviews_its_proposal(as_member, cucuta, people, course_key):
    """Conflicts of interest read the same members, past ones included: Bruno wrote version 1 with the team,
    left it on the platform, and is later made a tutor of the course; he cannot claim or review it."""
    status, started = post_json(as_member("ana"), "start")
    fill_and_submit(as_member("bruno"))
    teams.leave_team(people["bruno"], cucuta)
    assert state(as_member("ana"))[1]["team"] == ["ana"]            # the team's copy follows the platform
    api.grant_tutor(course_key, people["bruno"].id)
    with pytest.raises(api.NotAllowed) as refused:
        api.claim_proposal(started["proposal_id"], people["bruno"].id)
    assert refused.value.code == "own_proposal"
    with pytest.raises(api.NotAllowed) as refused:
        api.record_review(started["proposal_id"], people["bruno"].id, decision=rules.APPROVED, points_earned=100,
                          points_possible=100)
    assert refused.value.code == "own_proposal"
