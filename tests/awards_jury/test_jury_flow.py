"""The jury end to end through HTTP (Django test client), and the audit trail it leaves."""
import csv
import io
import json

import pytest
from django.core.exceptions import PermissionDenied

from puentes_awards.jury.models import AuditLog, JuryAssignment, ScoreSheet, Winner


def as_user(client, user):
    client.force_login(user)
    return client


def sheet_form(levels, action="submit"):
    form = {f"level-{code}": level for code, level in levels.items()}
    form["action"] = action
    return form


def uniform(level):
    return {code: level for code in ("innovation", "impact", "feasibility", "participation", "sustainability",
                                     "replicability", "gender_diversity")}


def score_everything(client, edition, jury, quality):
    for name in ("elena", "jorge", "carla"):
        juror = jury[name].award_juries.get()
        as_user(client, jury[name])
        for assignment in JuryAssignment.objects.filter(juror=juror, round="screening").select_related("entry"):
            level = quality[assignment.entry.proposal_id] - (1 if name == "jorge" else 0)  # jorge is harsh
            response = client.post(f"/puentes_awards/jury/{edition.slug}/entries/{assignment.entry.uuid}/",
                                   sheet_form(uniform(max(0, min(5, level)))))
            assert response.status_code == 302, response.content


def test_three_jurors_score_and_the_organiser_confirms_winners(client, edition, jury):
    as_user(client, jury["fabio"])
    assert client.post(f"/puentes_awards/organise/{edition.slug}/", {"action": "assign"}).status_code == 302
    assert JuryAssignment.objects.filter(juror__edition=edition).count() == 20  # 10 entries x k = 2

    quality = {number: 5 if number <= 3 else 2 for number in range(1, 11)}
    score_everything(client, edition, jury, quality)

    as_user(client, jury["fabio"])
    page = client.get(f"/puentes_awards/organise/{edition.slug}/").content.decode()
    assert "Screening round ranking" in page and "<svg" in page and "Krippendorff" in page
    finalists = [entry.uuid for entry in edition.entries.filter(proposal_id__in=[1, 2, 3, 4])]
    response = client.post(f"/puentes_awards/organise/{edition.slug}/",
                           {"action": "finalists", "finalist": [str(u) for u in finalists]})
    assert response.status_code == 302

    for name in ("elena", "jorge", "carla"):
        juror = jury[name].award_juries.get()
        as_user(client, jury[name])
        page = client.get(f"/puentes_awards/jury/{edition.slug}/final/")
        assert page.status_code == 200
        visible = [a.entry for a in JuryAssignment.objects.filter(juror=juror, round="final").select_related("entry")]
        ranks = {f"rank-{entry.uuid}": entry.proposal_id for entry in visible}
        ranks = {key: position for position, key in enumerate(sorted(ranks, key=ranks.get), start=1)}
        if name == "elena":   # one position left out: named beside its select, the others kept as chosen
            first, *others = sorted(ranks)
            response = client.post(f"/puentes_awards/jury/{edition.slug}/final/", {k: ranks[k] for k in others})
            page = response.content.decode()
            assert response.status_code == 400 and f'id="error-{first}"' in page and " autofocus" in page
            for key in others:
                assert f'<option value="{ranks[key]}" selected>' in page.split(f'id="{key}"')[1].split("</select>")[0]
        assert client.post(f"/puentes_awards/jury/{edition.slug}/final/", ranks).status_code == 302

    as_user(client, jury["fabio"])
    page = client.get(f"/puentes_awards/organise/{edition.slug}/").content.decode()
    assert "Final round" in page
    by_number = {entry.proposal_id: entry for entry in edition.entries.all()}
    response = client.post(f"/puentes_awards/organise/{edition.slug}/", {
        "action": "winners", "place-1": str(by_number[1].uuid), "amount-1": "30000",
        "place-2": str(by_number[2].uuid), "amount-2": "20000",
        "place-3": str(by_number[3].uuid), "amount-3": "10000"})
    assert response.status_code == 302
    assert [w.entry.proposal_id for w in Winner.objects.filter(edition=edition)] == [1, 2, 3]

    client.logout()
    assert client.get(f"/puentes_awards/results/{edition.slug}/?lang=en").status_code == 404  # a preview so far
    as_user(client, jury["fabio"])
    assert client.post(f"/puentes_awards/organise/{edition.slug}/results/",
                       {"action": "publish", "scores": "0", "confirm": "yes"}).status_code == 302
    client.logout()
    results = client.get(f"/puentes_awards/results/{edition.slug}/?lang=en").content.decode()
    assert "Welcome desk 1" in results and "$30,000" in results and "Quito" in results

    actions = list(AuditLog.objects.filter(edition=edition).values_list("action", flat=True))
    for action in ("role.granted", "tiebreak.published", "assignment.created", "score.submitted",
                   "finalists.chosen", "ballot.submitted", "winners.confirmed", "results.published"):
        assert action in actions
    assert all(log.actor_username for log in AuditLog.objects.filter(action="score.submitted"))


def test_results_are_not_public_before_the_winners(client, edition, jury):
    assert client.get(f"/puentes_awards/results/{edition.slug}/").status_code == 404


def test_bad_score_is_a_400_and_the_saved_draft_survives(client, edition, jury):
    from puentes_awards.jury import services
    services.assign_screening(edition, jury["fabio"])
    juror = jury["jorge"].award_juries.get()
    entry = JuryAssignment.objects.filter(juror=juror).first().entry
    as_user(client, jury["jorge"])
    url = f"/puentes_awards/jury/{edition.slug}/entries/{entry.uuid}/"
    assert client.post(url, sheet_form({"innovation": 4}, action="save")).status_code == 302
    response = client.post(url, sheet_form({"innovation": 4}, action="submit"))  # incomplete
    assert response.status_code == 400
    page = response.content.decode()
    # Every criterion left without a level is named beside its own fieldset, and the summary links to each.
    missing = [criterion for criterion in services.grid(edition) if criterion.code != "innovation"]
    for criterion in missing:
        assert f'id="error-level-{criterion.code}"' in page and f'href="#level-{criterion.code}"' in page
    assert 'id="error-level-innovation"' not in page
    first = missing[0].code
    assert page.count(" autofocus") == 1
    assert f'id="level-{first}-0" name="level-{first}" value="0"  aria-invalid="true"' in page
    assert 'value="4" checked' in page   # the level already chosen is still chosen
    response = client.post(url, sheet_form({"innovation": "seven"}, action="save"))
    assert response.status_code == 400
    sheet = ScoreSheet.objects.get(assignment__juror=juror, assignment__entry=entry)
    assert sheet.levels == {"innovation": 4} and sheet.status == "draft"


def test_exports_hold_every_score(client, edition, jury):
    from puentes_awards.jury import services
    services.assign_screening(edition, jury["fabio"])
    score_everything(client, edition, jury, {number: 3 for number in range(1, 11)})
    as_user(client, jury["fabio"])
    rows = list(csv.DictReader(io.StringIO(client.get(f"/puentes_awards/organise/{edition.slug}/scores.csv")
                                           .content.decode())))
    assert len(rows) == ScoreSheet.objects.count() == JuryAssignment.objects.count()
    exported = json.loads(client.get(f"/puentes_awards/organise/{edition.slug}/scores.json").content)
    assert len(exported["scores"]) == len(rows) and exported["audit"]


def test_audit_log_is_append_only(edition, jury):
    log = AuditLog.objects.filter(edition=edition).first()
    log.action = "forged"
    with pytest.raises(PermissionDenied):
        log.save()
    with pytest.raises(PermissionDenied):
        log.delete()
    with pytest.raises(PermissionDenied):
        AuditLog.objects.filter(edition=edition).update(action="forged")
    with pytest.raises(PermissionDenied):
        AuditLog.objects.filter(edition=edition).delete()


def test_grant_role_command(edition, make_user):
    from django.core.management import call_command
    user = make_user("nina")
    call_command("puentes_awards_grant_role", edition.slug, "nina", "juror", "--country", "cl",
                 "--municipality", "Arica")
    juror = user.award_juries.get()
    assert (juror.country, juror.municipality) == ("CL", "Arica")
    call_command("puentes_awards_grant_role", edition.slug, "nina", "organiser")
    assert edition.organisers.filter(pk=user.pk).exists()
