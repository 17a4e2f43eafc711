"""Two tutors claim the same proposal at the same moment, each on its own database connection: one wins.

Row locks (select_for_update) serialise the claims on MariaDB, as in production; the unique (proposal,
held) constraint is the backstop. SQLite has no row locks and one writer at a time, so this runs on MariaDB.
"""
import threading

import pytest
from django.db import connection, connections

from puentes_proposals import api

pytestmark = pytest.mark.skipif(connection.vendor != "mysql", reason="row locks: run with PUENTES_DB=mysql")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(5))
def test_two_tutors_racing_for_one_proposal_cannot_both_win(submit, people, round_):
    proposal_id = submit("ana")
    start = threading.Barrier(2)
    outcomes = {}

    def race(name):
        try:
            start.wait()
            outcomes[name] = api.claim_proposal(proposal_id, people[name].id).tutor_username
        except api.NotAllowed as refused:
            outcomes[name] = refused.code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=race, args=(name,)) for name in ("carla", "tina")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [name for name, outcome in outcomes.items() if outcome == name]
    assert len(winners) == 1, outcomes
    loser = ({"carla", "tina"} - set(winners)).pop()
    assert outcomes[loser] == "held_by_other"
    assert api.current_claim(proposal_id).tutor_username == winners[0]
    from puentes_proposals.models import ReviewClaim
    assert ReviewClaim.objects.filter(proposal_id=proposal_id).count() == 1
