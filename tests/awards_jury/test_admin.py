"""The jury in the Django admin: roles granted and audited there; decisions and the audit log read-only."""
import pytest

from puentes_awards.jury import services
from puentes_awards.jury.models import AuditLog, ConflictDeclaration, Juror, JuryAssignment, ScoreSheet

MODELS = ["juror", "jurysettings", "editioncriterion", "conflictdeclaration", "juryassignment", "scoresheet",
          "finalist", "finalballot", "winner", "auditlog"]


@pytest.fixture
def admin_client(client, make_user, jury):
    staff = make_user("root", is_staff=True, is_superuser=True)
    client.force_login(staff)
    return client


@pytest.fixture
def scored(edition, jury):
    """Assigned; jorge has submitted one sheet and saved one draft."""
    services.assign_screening(edition, jury["fabio"])
    juror = jury["jorge"].award_juries.get()
    first, second = JuryAssignment.objects.filter(juror=juror)[:2]
    full = {criterion.code: 3 for criterion in services.grid(edition)}
    services.save_sheet(juror, first.entry, full, {}, True, jury["jorge"])
    services.save_sheet(juror, second.entry, {"innovation": 2}, {}, False, jury["jorge"])
    return edition


@pytest.mark.parametrize("model", MODELS)
def test_every_jury_model_is_in_the_admin(admin_client, scored, model):
    page = admin_client.get(f"/admin/puentes_awards/{model}/")
    assert page.status_code == 200, model


def test_granting_a_juror_in_the_admin_is_audited(admin_client, edition, make_user):
    nina = make_user("nina")
    response = admin_client.post("/admin/puentes_awards/juror/add/", {
        "edition": edition.pk, "user": nina.pk, "municipality": "Arica", "country": "cl", "active": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    juror = Juror.objects.get(user=nina)
    assert juror.country == "CL"
    log = AuditLog.objects.filter(action="role.granted", target="nina").get()
    assert log.actor_username == "root" and log.after["country"] == "CL"


def test_granting_an_organiser_in_the_admin_is_audited(admin_client, edition, make_user):
    nina = make_user("nina")
    page = admin_client.get(f"/admin/puentes_awards/edition/{edition.pk}/change/")
    assert page.status_code == 200
    form = {"name": edition.name, "slug": edition.slug, "call_opens_at_0": edition.call_opens_at.date(),
            "call_opens_at_1": "00:00:00", "call_closes_at_0": edition.call_closes_at.date(),
            "call_closes_at_1": "00:00:00", "first_prize": "30000", "second_prize": "20000",
            "third_prize": "10000", "currency": "USD", "countries": "[]",
            "organisers": [jury_user.pk for jury_user in edition.organisers.all()] + [nina.pk],
            "courses-TOTAL_FORMS": "0", "courses-INITIAL_FORMS": "0"}
    response = admin_client.post(f"/admin/puentes_awards/edition/{edition.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert edition.organisers.filter(username="nina").exists()
    assert AuditLog.objects.filter(action="role.granted", target="nina", actor_username="root").exists()


def test_a_juror_who_has_scored_cannot_be_deleted(admin_client, scored, jury):
    jorge = jury["jorge"].award_juries.get()
    assert admin_client.post(f"/admin/puentes_awards/juror/{jorge.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Juror.objects.filter(pk=jorge.pk).exists()


def test_submitted_sheets_are_read_only_and_drafts_are_checked(admin_client, scored):
    submitted = ScoreSheet.objects.get(status="submitted")
    response = admin_client.post(f"/admin/puentes_awards/scoresheet/{submitted.pk}/change/",
                                 {"levels": '{"innovation": 0}', "comments": "{}"})
    assert response.status_code == 403
    assert ScoreSheet.objects.get(pk=submitted.pk).levels["innovation"] == 3
    draft = ScoreSheet.objects.get(status="draft")
    url = f"/admin/puentes_awards/scoresheet/{draft.pk}/change/"
    response = admin_client.post(url, {"levels": '{"innovation": 9}', "comments": "{}"})
    assert response.status_code == 200 and "from 0 to 5" in response.content.decode()
    assert admin_client.post(url, {"levels": '{"innovation": 4}', "comments": "{}"}).status_code == 302
    assert ScoreSheet.objects.get(pk=draft.pk).levels == {"innovation": 4}
    assert AuditLog.objects.filter(action="score.admin_changed", actor_username="root").exists()


def test_locked_settings_and_criteria_cannot_change_in_the_admin(admin_client, scored):
    settings = services.jury_settings(scored)
    response = admin_client.post(f"/admin/puentes_awards/jurysettings/{settings.pk}/change/",
                                 {"jurors_per_entry": "5", "seed": "1", "tiebreak_order": '["budget"]'})
    assert response.status_code == 302  # read-only fields are not taken from the form
    settings.refresh_from_db()
    assert (settings.jurors_per_entry, settings.seed) == (2, 2027)
    response = admin_client.post("/admin/puentes_awards/editioncriterion/add/", {
        "edition": scored.pk, "code": "innovation", "position": "0", "weight": "40", "name": "", "levels": "[]"})
    assert response.status_code == 200 and "locked" in response.content.decode()


def test_a_conflict_recorded_in_the_admin_takes_the_entry_away(admin_client, scored, jury):
    jorge = jury["jorge"].award_juries.get()
    entry = JuryAssignment.objects.filter(juror=jorge, sheet__isnull=True).first().entry
    response = admin_client.post("/admin/puentes_awards/conflictdeclaration/add/",
                                 {"juror": jorge.pk, "entry": entry.pk, "reason": "Told us by e-mail"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ConflictDeclaration.objects.filter(juror=jorge, entry=entry).exists()
    assert not JuryAssignment.objects.filter(juror=jorge, entry=entry).exists()
    assert AuditLog.objects.filter(action="conflict.declared", actor_username="root").exists()


def test_audit_log_and_decisions_cannot_be_edited_or_deleted(admin_client, scored):
    log = AuditLog.objects.filter(edition=scored).first()
    assert admin_client.get(f"/admin/puentes_awards/auditlog/{log.pk}/change/").status_code == 200  # view
    assert admin_client.post(f"/admin/puentes_awards/auditlog/{log.pk}/change/", {"action": "x"}).status_code == 403
    assert admin_client.post(f"/admin/puentes_awards/auditlog/{log.pk}/delete/", {"post": "yes"}).status_code == 403
    assert admin_client.get("/admin/puentes_awards/auditlog/add/").status_code == 403
    assignment = JuryAssignment.objects.first()
    assert admin_client.post(f"/admin/puentes_awards/juryassignment/{assignment.pk}/delete/",
                             {"post": "yes"}).status_code == 403
    assert AuditLog.objects.get(pk=log.pk).action == log.action
