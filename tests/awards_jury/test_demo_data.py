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


def test_demo_setup_ends_with_published_results_of_a_past_edition(make_user, client):
    from puentes_awards.jury.models import Winner
    from puentes_demo import past_competition
    current = load(make_user)
    for username in ("jorge", "marta"):
        assert make_user(username)   # ensure_award_jury made them; make_user finds them
    past = past_competition.ensure_past_edition()
    again = past_competition.ensure_past_edition()  # idempotent: judged once
    assert again.pk == past.pk and Winner.objects.filter(edition=past).count() == 3
    assert AuditLog.objects.filter(edition=past, action="results.published").count() == 1
    assert [w.entry.municipality for w in Winner.objects.filter(edition=past).select_related("entry")] == [
        "Arica", "Boa Vista", "Medellín"]
    page = client.get(f"/puentes_awards/results/{past.slug}/?lang=es")
    assert page.status_code == 200 and "Escuelas de puertas abiertas" in page.content.decode()
    assert not JuryAssignment.objects.filter(juror__edition=current).exists()  # 2027 still waits for its jury
    assert past.entries.filter(eligible=True).count() == 12
