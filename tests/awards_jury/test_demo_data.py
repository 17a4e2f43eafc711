"""The demo competition: twelve entries through the awards api, a jury of three, idempotent on every start."""
from puentes_awards.jury import services
from puentes_awards.jury.models import AuditLog, JuryAssignment
from puentes_awards.models import Edition


def load(make_user):
    from puentes_demo import competition, loading
    for username in ("fabio", "elena"):
        make_user(username)
    competition.ensure_award_edition({loading.gallery_course(language) for language in loading.LANGUAGES})
    competition.ensure_award_jury()
    return Edition.objects.get(slug="premio-puentes-2027")


def test_demo_competition_is_ready_for_its_jury_and_loads_once(make_user):
    edition = load(make_user)
    load(make_user)
    assert edition.entries.filter(eligible=True).count() == 12
    assert len({entry.country for entry in edition.entries.all()}) >= 10
    assert sorted(edition.jurors.values_list("user__username", flat=True)) == ["elena", "jorge", "marta"]
    assert edition.organisers.filter(username="fabio").exists()
    assert AuditLog.objects.filter(edition=edition, action="role.granted").count() == 3  # not again on reload
    assert all(entry.proposal_id > 9_000_000 and "team member" not in entry.title for entry in edition.entries.all())

    result = services.assign_screening(edition, edition.organisers.get())
    assert JuryAssignment.objects.filter(juror__edition=edition).count() == 24 == len(list(result.pairs()))
    assert not JuryAssignment.objects.filter(juror__user__username="elena", entry__municipality="Montevideo")
    load(make_user)  # a restart after the organiser assigned keeps the published settings
    assert services.jury_settings(edition).jurors_per_entry == 2
