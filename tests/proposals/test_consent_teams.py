"""Teams formed in the block, without a team-set: membership only by consent (issue 13, row M5).

M5 as found: a learner `add_member`ed elena, diego and carla (200), elena could no longer start
her own proposal, nobody could leave, and it worked on a proposal already entered. Also
PLATFORM-AUDIT finding 4: the username path asked the user service for someone else's anonymous id,
which the LMS gives only to staff (openedx-platform common/djangoapps/xblock_django/user_service.py,
`get_anonymous_user_id`: "None for Non-staff users"); now the id is always the accepting user's own.
"""
import json

import pytest
from django.test import TestCase
from submissions import team_api

from puentes_proposals import api, rules
from puentes_proposals.models import Attachment, Proposal, TeamMembership
from tests.helpers import get, post_json

from .conftest import COMPLETE_ANSWERS, PDF, SMALL_TEMPLATE

pytestmark = pytest.mark.django_db


def state(block):
    response = get(block, "state")
    return response.status_code, json.loads(response.body)


@pytest.fixture
def ana_team(block_as):
    status, started = post_json(block_as("ana"), "start")
    assert status == 200
    return started["proposal_id"]


def invitation_id_for(block):
    html = block.student_view().body_html()
    return int(html.split('class="pp-invitation" data-invitation="')[1].split('"')[0])


def test_the_username_path_is_an_invitation_and_changes_nothing_until_accepted(block_as, ana_team):
    status, body = post_json(block_as("ana"), "invite", {"proposal_id": ana_team, "username": "bruno"})
    assert status == 200 and body["invited"] == "bruno" and body["team"] == ["ana"]
    # Bruno is in no team yet: he can still start his own, or answer.
    assert state(block_as("bruno"))[0] == 404
    html = block_as("bruno").student_view().body_html()
    assert "invites you to write the proposal" in html and "Accept and join the team" in html
    status, joined = post_json(block_as("bruno"), "answer_invitation",
                               {"invitation_id": invitation_id_for(block_as("bruno")), "accept": True})
    assert status == 200 and joined["team"] == ["ana", "bruno"]
    # His anonymous id is his own session's, not looked up for him by someone else.
    bruno = TeamMembership.objects.get(proposal_id=ana_team, user__username="bruno")
    assert bruno.anonymous_id == block_as("bruno").runtime.anonymous_student_id


def test_m5_invited_people_keep_their_own_proposals_and_may_decline(block_as, ana_team, people):
    # The attack: Ana names staff and other learners. They are only asked.
    for username in ("diego", "carol"):
        status, _ = post_json(block_as("ana"), "invite", {"proposal_id": ana_team, "username": username})
        assert status == 200
    assert [m.user.username for m in TeamMembership.objects.filter(proposal_id=ana_team)] == ["ana"]
    status, carol = post_json(block_as("carol"), "start")   # Carol is free to start her own
    assert status == 200 and carol["team"] == ["carol"]
    status, body = post_json(block_as("diego"), "answer_invitation",
                             {"invitation_id": invitation_id_for(block_as("diego")), "accept": False})
    assert status == 200 and body == {"declined": True}
    assert "invites you" not in block_as("diego").student_view().body_html()
    # Carol, now in her own team, cannot accept without leaving it first.
    invitation = api.invitations_for(block_as("carol").block_key, people["carol"].id)[0]
    status, body = post_json(block_as("carol"), "answer_invitation",
                             {"invitation_id": invitation.invitation_id, "accept": True})
    assert status == 400 and body["code"] == "already_in_team"
    # Nobody answers someone else's invitation.
    status, body = post_json(block_as("dora"), "answer_invitation",
                             {"invitation_id": invitation.invitation_id, "accept": True})
    assert status == 404
    assert [m.user.username for m in TeamMembership.objects.filter(proposal_id=ana_team)] == ["ana"]


@pytest.mark.parametrize("payload", [
    {}, {"invitation_id": "1", "accept": True}, {"invitation_id": 1, "accept": "yes"}, {"invitation_id": True,
                                                                                       "accept": True},
    {"invitation_id": [1], "accept": True},
])
def test_bad_answers_are_400_with_a_message(block_as, ana_team, payload):
    status, body = post_json(block_as("bruno"), "answer_invitation", payload)
    assert status == 400 and body["error"] and body["field"] == "invitation_id"


def test_an_unknown_username_is_a_400_at_the_username_field(block_as, ana_team):
    status, body = post_json(block_as("ana"), "invite", {"proposal_id": ana_team, "username": "nobody-here"})
    assert status == 404 and body["field"] == "username" and "enrolled" in body["error"]
    status, body = post_json(block_as("ana"), "invite", {"proposal_id": ana_team, "username": ""})
    assert status == 400 and body["field"] == "username"
    status, body = post_json(block_as("ana"), "invite", {"proposal_id": ana_team, "username": "ana"})
    assert status == 400 and body["code"] == "already_member"


def test_pending_invitations_count_towards_the_size_and_can_be_withdrawn(block_as, ana_team):
    # max_team_size is 3 in the test block: Ana + two pending invitations fill it.
    for username in ("bruno", "carol"):
        assert post_json(block_as("ana"), "invite", {"proposal_id": ana_team, "username": username})[0] == 200
    status, body = post_json(block_as("ana"), "invite", {"proposal_id": ana_team, "username": "dora"})
    assert status == 400 and body["code"] == "team_full"
    [first, _second] = api.invitations_sent(ana_team)
    status, _ = post_json(block_as("ana"), "withdraw_invitation",
                          {"proposal_id": ana_team, "invitation_id": first.invitation_id})
    assert status == 200
    assert "invites you" not in block_as("bruno").student_view().body_html()
    assert post_json(block_as("ana"), "invite", {"proposal_id": ana_team, "username": "dora"})[0] == 200


def test_a_member_leaves_before_submission_and_the_last_one_discards_the_draft(
        block_as, ana_team, settings, tmp_path, people, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = str(tmp_path)
    post_json(block_as("ana"), "invite", {"proposal_id": ana_team, "username": "bruno"})
    post_json(block_as("bruno"), "answer_invitation",
              {"invitation_id": invitation_id_for(block_as("bruno")), "accept": True})
    status, body = post_json(block_as("bruno"), "leave", {"proposal_id": ana_team})
    assert status == 200 and body == {"left": True, "discarded": False}
    assert state(block_as("bruno"))[0] == 404 and state(block_as("ana"))[1]["team"] == ["ana"]
    history = block_as("ana").student_view().body_html()
    assert "Bruno joined the team" in history and "Bruno left the team" in history
    api.add_attachment(ana_team, people["ana"].id, "documents", SMALL_TEMPLATE, "carta.pdf", PDF, 10_000, ("pdf",))
    [path] = Attachment.objects.filter(proposal_id=ana_team).values_list("storage_path", flat=True)
    assert (tmp_path / path).exists()
    with django_capture_on_commit_callbacks(execute=True):   # files go once the discard is committed
        status, body = post_json(block_as("ana"), "leave", {"proposal_id": ana_team})
    assert status == 200 and body["discarded"] is True
    assert not Proposal.objects.filter(pk=ana_team).exists() and not (tmp_path / path).exists()
    assert post_json(block_as("ana"), "start")[0] == 200   # free to start again


def test_teams_freeze_once_submitted_for_review(block_as, ana_team, people):
    code = Proposal.objects.get(pk=ana_team).invitation_code
    post_json(block_as("bruno"), "join", {"code": code})
    post_json(block_as("ana"), "save_draft", {"changes": [
        {"section": key, "value": value, "base_revision": 0} for key, value in COMPLETE_ANSWERS.items()]})
    assert post_json(block_as("ana"), "submit", {"proposal_id": ana_team})[0] == 200
    for person, handler, payload in [
            ("ana", "invite", {"username": "carol"}), ("bruno", "leave", {}), ("ana", "leave", {})]:
        status, body = post_json(block_as(person), handler, {"proposal_id": ana_team, **payload})
        assert status == 400 and body["code"] == "team_frozen" and "submitted" in body["error"]
    status, body = post_json(block_as("carol"), "join", {"code": code})     # the code no longer opens it
    assert status == 400 and body["code"] == "team_frozen"
    assert state(block_as("ana"))[1]["team"] == ["ana", "bruno"]
    assert "The team is fixed since its first submission" in block_as("ana").student_view().body_html()


def test_a_submission_is_a_team_submission_of_the_members_who_consented(block_as, ana_team, people):
    code = Proposal.objects.get(pk=ana_team).invitation_code
    post_json(block_as("bruno"), "join", {"code": code})
    post_json(block_as("ana"), "save_draft", {"changes": [
        {"section": key, "value": value, "base_revision": 0} for key, value in COMPLETE_ANSWERS.items()]})
    with TestCase.captureOnCommitCallbacks(execute=True):  # the task after the commit, eager here
        post_json(block_as("bruno"), "submit", {"proposal_id": ana_team})
    version = Proposal.objects.get(pk=ana_team).versions.get()
    submission = team_api.get_team_submission(version.team_submission_uuid)
    assert submission["team_id"] == f"puentes-proposal-{ana_team}" and submission["submitted_by"] == people["bruno"].id
    assert sorted(team_api.get_team_submission_student_ids(version.team_submission_uuid)) == sorted(
        TeamMembership.objects.filter(proposal_id=ana_team).values_list("anonymous_id", flat=True))
    assert Proposal.objects.get(pk=ana_team).status == rules.SUBMITTED
