"""The organisers' criteria and jury-settings pages over HTTP: saved and audited, refused with 400 once locked."""
from puentes_awards.jury import services
from puentes_awards.jury.models import AuditLog, EditionCriterion, JuryAssignment


def weights(**changes):
    form = {f"weight-{criterion.code}": str(criterion.weight) for criterion in services.DEFAULT_CRITERIA}
    form.update(changes)
    return form


def settings_form(**changes):
    form = {"jurors_per_entry": "2", "seed": "99", "show_municipality": "1", "conflict_same_municipality": "1",
            "tiebreak-1": "criterion:innovation", "tiebreak-2": "budget"}
    form.update(changes)
    return form


def test_organiser_changes_weights_and_a_minimum(client, edition, jury):
    client.force_login(jury["fabio"])
    url = f"/puentes_awards/organise/{edition.slug}/criteria/"
    page = client.get(url).content.decode()
    assert 'name="weight-innovation" value="25"' in page
    response = client.post(url, weights(**{"weight-innovation": "40", "minimum-feasibility": "2"}))
    assert response.status_code == 302
    grid = {criterion.code: criterion for criterion in services.grid(edition)}
    assert grid["innovation"].weight == 40 and grid["feasibility"].minimum == 2
    assert grid["impact"].name == "Expected impact and measurability"   # blank stays the translated default
    assert EditionCriterion.objects.get(edition=edition, code="impact").name == ""
    log = AuditLog.objects.filter(edition=edition, action="criteria.changed").get()
    assert log.actor_username == "fabio" and log.after[0]["weight"] == 40


def test_bad_weight_is_a_400_that_keeps_what_was_typed(client, edition, jury):
    client.force_login(jury["fabio"])
    response = client.post(f"/puentes_awards/organise/{edition.slug}/criteria/",
                           weights(**{"weight-impact": "a lot", "name-innovation": "Novelty for the city"}))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Expected impact and measurability" in page and "a lot" in page and "Novelty for the city" in page
    assert not EditionCriterion.objects.filter(edition=edition).exists()


def test_criteria_lock_once_a_juror_has_saved_a_draft(client, edition, jury):
    services.assign_screening(edition, jury["fabio"])
    assignment = JuryAssignment.objects.filter(juror__user=jury["jorge"]).first()
    services.save_sheet(assignment.juror, assignment.entry, {"innovation": 3}, {}, False, jury["jorge"])
    client.force_login(jury["fabio"])
    url = f"/puentes_awards/organise/{edition.slug}/criteria/"
    assert "locked" in client.get(url).content.decode()
    response = client.post(url, weights(**{"weight-innovation": "40"}))
    assert response.status_code == 400 and "jurors have started scoring" in response.content.decode()
    assert {c.code: c.weight for c in services.grid(edition)}["innovation"] == 25


def test_organiser_changes_the_jury_settings(client, edition, jury):
    client.force_login(jury["fabio"])
    url = f"/puentes_awards/organise/{edition.slug}/settings/"
    assert client.get(url).status_code == 200
    response = client.post(url, settings_form())
    assert response.status_code == 302
    settings = services.jury_settings(edition)
    assert (settings.jurors_per_entry, settings.seed, settings.conflict_same_country) == (2, 99, False)
    assert settings.tiebreak_order == ["criterion:innovation", "budget"]
    assert AuditLog.objects.filter(edition=edition, action="settings.changed").exists()
    response = client.post(url, settings_form(**{"tiebreak-2": "criterion:innovation"}))
    assert response.status_code == 400 and "twice" in response.content.decode()


def test_settings_lock_once_the_tiebreak_order_is_published(client, edition, jury):
    services.assign_screening(edition, jury["fabio"])
    client.force_login(jury["fabio"])
    url = f"/puentes_awards/organise/{edition.slug}/settings/"
    page = client.get(url).content.decode()
    assert "locked" in page and "disabled" in page
    response = client.post(url, settings_form(seed="1"))
    assert response.status_code == 400 and "tie-break order was published" in response.content.decode()
    assert services.jury_settings(edition).seed == 2027


def test_jurors_and_learners_cannot_set_up(client, edition, jury):
    for name in ("elena", "ana"):
        client.force_login(jury[name])
        for page in ("criteria/", "settings/"):
            url = f"/puentes_awards/organise/{edition.slug}/{page}"
            assert client.get(url).status_code == 403
            assert client.post(url, settings_form()).status_code == 403
    assert services.jury_settings(edition).seed == 2027


def test_screening_tiebreak_rule_uses_the_adjusted_scores(edition, jury):
    """A final-round tie broken by the screening round: the rule the set-up page offers must work."""
    settings = services.jury_settings(edition)
    settings.tiebreak_order = ["screening"]
    settings.save()
    services.assign_screening(edition, jury["fabio"])
    for assignment in JuryAssignment.objects.select_related("juror__user", "entry"):
        level = 5 if assignment.entry.proposal_id == 4 else 2
        services.save_sheet(assignment.juror, assignment.entry, {c.code: level for c in services.grid(edition)}, {},
                            True, assignment.juror.user)
    finalists = list(edition.entries.filter(proposal_id__in=[3, 4, 5, 6]))
    services.choose_finalists(edition, finalists, jury["fabio"])
    for name in ("jorge", "carla"):  # every finalist tied on every ballot
        juror = jury[name].award_juries.get()
        services.submit_ballot(juror, {str(e.uuid): 1 for e in services.visible_entries(juror, "final")},
                               jury[name])
    _result, settled, finalists_by_uuid = services.final_result(edition)
    assert finalists_by_uuid[settled.tiers[0][0]].proposal_id == 4
    assert settled.decisions[0].rule == "screening"


def test_every_problem_of_the_settings_shows_beside_its_field_with_focus_on_the_first(client, edition, jury):
    client.force_login(jury["fabio"])
    response = client.post(f"/puentes_awards/organise/{edition.slug}/settings/",
                           settings_form(jurors_per_entry="many", seed="-4", **{"tiebreak-2": "criterion:innovation"}))
    assert response.status_code == 400
    page = response.content.decode()
    for field in ("jurors_per_entry", "seed", "tiebreak-2"):   # all of them, not only the first
        assert f'id="error-{field}"' in page and f'href="#{field}"' in page
    assert 'class="pu-error-summary" role="alert"' in page and "Fix 3 problems" in page
    assert page.count(" autofocus") == 1
    assert 'aria-invalid="true" aria-describedby="error-jurors_per_entry jurors-help" autofocus' in page
    assert 'aria-describedby="error-seed seed-help"' in page          # the help text stays described
    assert 'value="many"' in page and 'value="-4"' in page               # nothing typed is thrown away


def test_every_problem_of_the_criteria_shows_at_once(client, edition, jury):
    client.force_login(jury["fabio"])
    response = client.post(f"/puentes_awards/organise/{edition.slug}/criteria/",
                           weights(**{"weight-impact": "a lot", "weight-innovation": "0", "minimum-feasibility": "9"}))
    assert response.status_code == 400
    page = response.content.decode()
    for field in ("weight-impact", "weight-innovation", "minimum-feasibility"):
        assert f'id="error-{field}"' in page
    assert page.count(" autofocus") == 1
