"""M3: prize amounts are checked against what the column holds and what makes sense; M6: confirmed
winners freeze scores, ballots and the ranking, and only an audited reopening unfreezes them; M1: a
juror who was on an entry's team never sees it, in either round."""
from decimal import Decimal

import pytest

from puentes_awards.jury.models import AuditLog, FinalBallot, Finalist, JuryAssignment, ScoreSheet, Winner

pytestmark = pytest.mark.django_db


def winners_form(edition, amounts=("30000", "20000", "10000")):
    by_number = {entry.proposal_id: entry for entry in edition.entries.all()}
    form = {"action": "winners"}
    for place, amount in enumerate(amounts, start=1):
        form.update({f"place-{place}": str(by_number[place].uuid), f"amount-{place}": amount})
    return form


@pytest.fixture
def ranked(edition, jury):
    """The competition up to the final ballots, winners not yet confirmed."""
    from puentes_awards.jury import services
    services.assign_screening(edition, jury["fabio"])
    for assignment in JuryAssignment.objects.select_related("juror__user", "entry"):
        services.save_sheet(assignment.juror, assignment.entry,
                            {criterion.code: 3 for criterion in services.grid(edition)}, {}, True,
                            assignment.juror.user)
    services.choose_finalists(edition, list(edition.entries.filter(proposal_id__in=[1, 2, 3, 4])), jury["fabio"])
    for name in ("elena", "jorge", "carla"):
        juror = jury[name].award_juries.get()
        visible = services.visible_entries(juror, "final")
        services.submit_ballot(juror, {str(entry.uuid): rank for rank, entry in enumerate(visible, start=1)},
                               jury[name])
    return edition


@pytest.mark.parametrize(("amount", "message"), [
    ("1e30", "at most 9,999,999,999.99"), ("99999999999999", "at most 9,999,999,999.99"),
    ("NaN", "as a number"), ("Infinity", "as a number"), ("-5", "zero or more"),
    ("100.005", "two decimals"), ("doce mil", "as a number"), ("9" * 5000, "at most"),
])
def test_a_prize_past_the_column_or_sense_is_refused_and_nothing_is_stored(client, ranked, jury, amount, message):
    client.force_login(jury["fabio"])
    response = client.post(f"/puentes_awards/organise/{ranked.slug}/",
                           winners_form(ranked, ("30000", amount, "10000")))
    assert response.status_code == 400 and message in response.content.decode()
    assert not Winner.objects.filter(edition=ranked).exists()
    assert client.get(f"/puentes_awards/organise/{ranked.slug}/").status_code == 200
    assert client.get(f"/puentes_awards/results/{ranked.slug}/").status_code == 404


def test_the_largest_prize_the_column_holds_is_stored_and_shown(client, ranked, jury):
    client.force_login(jury["fabio"])
    response = client.post(f"/puentes_awards/organise/{ranked.slug}/",
                           winners_form(ranked, ("9999999999.99", "20000", "10000.5")))
    assert response.status_code == 302
    assert Winner.objects.get(edition=ranked, place=1).prize_amount == Decimal("9999999999.99")
    page = client.get(f"/puentes_awards/organise/{ranked.slug}/results/?lang=en")  # the organiser's preview
    assert page.status_code == 200 and "$9,999,999,999.99" in page.content.decode()


def test_confirmed_winners_freeze_scores_ballots_and_winners(client, decided, jury):
    from puentes_awards.jury import services
    edition = decided
    sheet = ScoreSheet.objects.filter(assignment__round="screening").select_related(
        "assignment__juror__user", "assignment__entry").first()
    before = (sheet.levels, sheet.total)
    juror = sheet.assignment.juror
    client.force_login(juror.user)
    zeros = {f"level-{criterion.code}": "0" for criterion in services.grid(edition)}
    response = client.post(f"/puentes_awards/jury/{edition.slug}/entries/{sheet.assignment.entry.uuid}/",
                           {**zeros, "action": "submit"})
    assert response.status_code == 400 and "winners are confirmed" in response.content.decode()
    sheet.refresh_from_db()
    assert (sheet.levels, sheet.total) == before
    ballot = FinalBallot.objects.get(juror=juror)
    with pytest.raises(services.JuryError):
        services.submit_ballot(juror, {uuid: 1 for uuid in ballot.ranks}, juror.user)
    with pytest.raises(services.JuryError):
        services.declare_conflict(juror, sheet.assignment.entry, "late", juror.user)
    with pytest.raises(services.JuryError):
        services.choose_finalists(edition, list(edition.entries.all()[:4]), jury["fabio"])
    client.force_login(jury["fabio"])
    response = client.post(f"/puentes_awards/organise/{edition.slug}/", winners_form(edition, ("1", "1", "1")))
    assert response.status_code == 400
    assert [str(w.prize_amount) for w in Winner.objects.filter(edition=edition).order_by("place")] == \
        ["30000.00", "20000.00", "10000.00"]


def test_only_an_audited_reopening_unfreezes(client, decided, jury):
    edition = decided
    client.force_login(jury["fabio"])
    response = client.post(f"/puentes_awards/organise/{edition.slug}/", {"action": "reopen", "reason": "  "})
    assert response.status_code == 400 and "Say why" in response.content.decode()
    assert Winner.objects.filter(edition=edition).count() == 3
    client.force_login(jury["jorge"])   # a juror cannot reopen
    assert client.post(f"/puentes_awards/organise/{edition.slug}/",
                       {"action": "reopen", "reason": "x"}).status_code == 403
    client.force_login(jury["fabio"])
    response = client.post(f"/puentes_awards/organise/{edition.slug}/",
                           {"action": "reopen", "reason": "A juror's conflict came to light."})
    assert response.status_code == 302 and not Winner.objects.filter(edition=edition).exists()
    log = AuditLog.objects.get(edition=edition, action="results.reopened")
    assert log.actor_username == "fabio" and log.after == {"reason": "A juror's conflict came to light."}
    assert len(log.before) == 3
    assert client.post(f"/puentes_awards/organise/{edition.slug}/", winners_form(edition)).status_code == 302


def test_a_juror_on_an_entrys_team_never_sees_it(edition, jury, make_user):
    """M1: before, jorge was conflicted with nothing; in the final round every finalist went to him."""
    from puentes_awards.jury import services
    from puentes_awards.models import Entry
    entry = edition.entries.get(proposal_id=3)
    # As the hand-off writes it: the snapshot's team is the proposal's team when it was entered.
    Entry.objects.filter(pk=entry.pk).update(snapshot={**entry.snapshot, "team": [{"username": "jorge"}]})
    services.assign_screening(edition, jury["fabio"])
    jorge = jury["jorge"].award_juries.get()
    assert entry not in services.visible_entries(jorge)
    assert not JuryAssignment.objects.filter(juror=jorge, entry=entry).exists()
    for assignment in JuryAssignment.objects.select_related("juror__user", "entry"):
        services.save_sheet(assignment.juror, assignment.entry,
                            {criterion.code: 3 for criterion in services.grid(edition)}, {}, True,
                            assignment.juror.user)
    services.choose_finalists(edition, list(edition.entries.filter(proposal_id__in=[1, 2, 3, 4])), jury["fabio"])
    assert Finalist.objects.filter(edition=edition, entry=entry).exists()
    assert entry not in services.visible_entries(jorge, "final")
    assert not JuryAssignment.objects.filter(juror=jorge, entry=entry, round="final").exists()
