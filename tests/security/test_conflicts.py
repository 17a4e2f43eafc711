"""M1, M2: a person never reviews or judges what they wrote or tutored, whatever roles they hold."""
import pytest

from tests.helpers import post_json

pytestmark = pytest.mark.django_db


def test_a_tutor_cannot_claim_or_approve_their_own_teams_proposal(people, submit, review_as, course_key):
    """M2: carla tutors the course and also writes a proposal in it; before, she claimed it and approved it."""
    from puentes_proposals import api
    proposal_id = submit("carla")
    status, body = post_json(review_as("carla"), "claim", {"proposal_id": proposal_id})
    assert status == 409 and "another tutor must review it" in body["error"]
    assert api.current_claim(proposal_id) is None
    # Another tutor reviews it as usual.
    assert post_json(review_as("tina"), "claim", {"proposal_id": proposal_id})[0] == 200


def test_a_tutor_who_joins_the_team_after_claiming_cannot_send(people, submit, review_as, course_key):
    from puentes_demo.runtime import anonymous_id_for
    from puentes_proposals import api
    from puentes_proposals.models import TeamMembership
    proposal_id = submit("ana")
    assert post_json(review_as("tina"), "claim", {"proposal_id": proposal_id})[0] == 200
    proposal = api.get_proposal(proposal_id)
    TeamMembership.objects.create(proposal_id=proposal_id, block_key=proposal.block_key, user=people["tina"],
                                  anonymous_id=anonymous_id_for(people["tina"].id, course_key),
                                  added_by=people["ana"])
    status, body = post_json(review_as("tina"), "send_review", {
        "proposal_id": proposal_id, "decision": "revision_requested", "overall_comment": "Más datos."})
    assert status == 409 and "another tutor must review it" in body["error"]
    assert api.get_proposal(proposal_id).status == "in_review"


def test_the_lower_api_refuses_too(people, submit):
    from puentes_proposals import api
    proposal_id = submit("carla")
    with pytest.raises(api.NotAllowed) as refused:
        api.record_review(proposal_id, people["carla"].id, decision="approved", points_earned=1, points_possible=1)
    assert refused.value.code == "own_proposal"


def test_the_conflict_rule_covers_the_team_and_the_tutors():
    """M1: a juror who was on the entry's team, or tutored it, is conflicted."""
    from puentes_awards.scoring.conflicts import (
        REVIEWED_PROPOSAL,
        TEAM_MEMBER,
        ConflictPolicy,
        EntryProfile,
        JurorProfile,
        conflict_reasons,
    )
    entry = EntryProfile(7, "Quito", "EC", frozenset({"carla"}), frozenset({"ana", "bruno"}))
    assert conflict_reasons(JurorProfile("bruno"), entry, ConflictPolicy()) == [TEAM_MEMBER]
    assert conflict_reasons(JurorProfile("carla"), entry, ConflictPolicy()) == [REVIEWED_PROPOSAL]
    assert conflict_reasons(JurorProfile("elena"), entry, ConflictPolicy()) == []
