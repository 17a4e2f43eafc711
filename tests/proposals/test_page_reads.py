"""The proposal page's reads (issue 19): compiled once (puentes_core.compiled_read), they return what the ORM
returns for every call's own arguments, on SQLite and MariaDB; and a page open asks only what it shows.
"""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from puentes_core.compiled_read import CompiledRead, Slot
from puentes_proposals import api, reading, team
from puentes_proposals.models import Proposal, StatusChange, TeamChange, TeamInvitation, TeamMembership
from tests.helpers import post_json

from .test_submit_queries import OURS, start_team

pytestmark = pytest.mark.django_db


def test_each_read_answers_for_its_own_arguments_as_the_orm_does(block_as, people, proposal_block):
    first = start_team(block_as, "ana", "bruno")
    second = start_team(block_as, "carol")
    assert post_json(block_as("ana"), "invite", {"username": "dora"})[0] == 200
    key = str(block_as("ana").block_key)
    for name, proposal_id in (("ana", first), ("bruno", first), ("carol", second)):
        record = api.proposal_for_member(key, people[name].id)
        assert record == reading.first_record(Proposal.objects.filter(pk=proposal_id))
        assert record.saved_at == Proposal.objects.get(pk=proposal_id).saved_at   # an aware datetime, converted
        assert isinstance(record.answers, dict) and record.course_key == str(block_as("ana").course_key)
    assert api.proposal_for_member(key, people["dora"].id) is None
    assert [member.username for member in api.proposal_for_member(key, people["bruno"].id).team] == ["ana", "bruno"]
    for proposal_id in (first, second):
        assert [list(row) for row in StatusChange.objects.filter(proposal_id=proposal_id).values_list(
            "status", "version_number", "actor__username", "at")] == reading.HISTORY.rows(proposal_id)
        assert [list(row) for row in TeamChange.objects.filter(proposal_id=proposal_id).values_list(
            "user__username", "user__first_name", "user__last_name", "kind", "actor__username", "at")] \
            == team.CHANGES.rows(proposal_id)
        assert [list(row) for row in TeamMembership.objects.filter(proposal_id=proposal_id).values_list(
            *reading.MEMBER_COLUMNS)] == reading.MEMBERS.rows(proposal_id)
    [invitation] = api.invitations_sent(first)
    assert (invitation.invitee_username, invitation.invited_by_username) == ("dora", "ana")
    assert invitation.created_at == TeamInvitation.objects.get(proposal_id=first).created_at
    assert api.invitations_sent(second) == []


def test_a_slot_that_does_not_reach_the_sql_is_refused():
    read = CompiledRead(TeamChange, lambda proposal_id: TeamChange.objects.filter(proposal_id=5).values_list("kind"),
                        Slot(-1))
    with pytest.raises(ValueError, match="each slot"):
        read.rows(5)


def page_statements(block_as, name):
    block = block_as(name)
    with CaptureQueriesContext(connection) as captured:
        block.student_view()
    return [query["sql"] for query in captured.captured_queries if OURS.search(query["sql"])]


def test_the_page_asks_for_invitations_only_when_one_can_be_waiting(block_as, people, proposal_block):
    start_team(block_as, "ana")
    quiet = page_statements(block_as, "ana")
    assert not any("teaminvitation" in sql for sql in quiet)
    assert len(quiet) == 5   # the proposal, its members, files, history and team changes
    assert post_json(block_as("ana"), "invite", {"username": "bruno"})[0] == 200
    waiting = page_statements(block_as, "ana")
    assert len(waiting) == 6 and any("teaminvitation" in sql for sql in waiting)
    assert 'data-invitation="' in block_as("ana").student_view().body_html()
