"""Confirmed winners are a preview for the edition's organisers until one of them publishes the results (POST, CSRF,
a confirmation ticked, audited); withdrawing and reopening close the public page again."""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from puentes_awards.jury import services
from puentes_awards.jury.models import AuditLog, JurySettings, Winner

pytestmark = pytest.mark.django_db

PUBLISH = {"action": "publish", "scores": "0", "confirm": "yes"}


def preview_url(edition):
    return f"/puentes_awards/organise/{edition.slug}/results/"


def public_status(edition):
    return Client().get(f"/puentes_awards/results/{edition.slug}/").status_code


@pytest.fixture
def other_organiser(make_user):
    """The organiser of another edition: no role in this one."""
    from puentes_awards.models import Edition
    now = timezone.now()
    other = Edition.objects.create(name="Otro premio", slug="otro-premio", call_opens_at=now - timedelta(days=3),
                                   call_closes_at=now + timedelta(days=3), first_prize=Decimal(1),
                                   second_prize=Decimal(1), third_prize=Decimal(1), currency="USD")
    user = make_user("olga")
    services.grant_role(other, user, "organiser")
    return user


def test_confirmed_winners_are_a_preview_until_published(client, decided, jury):
    assert public_status(decided) == 404
    client.force_login(jury["fabio"])
    preview = client.get(preview_url(decided) + "?lang=en").content.decode()
    assert "Preview of the results page" in preview and "Not published." in preview
    assert "First prize" in preview and "Welcome desk 1" in preview and 'name="confirm"' in preview

    response = client.post(preview_url(decided), PUBLISH)
    assert response.status_code == 302
    assert public_status(decided) == 200
    log = AuditLog.objects.get(edition=decided, action="results.published")
    assert log.actor_username == "fabio" and log.before["published_at"] is None
    assert log.after["scores_public"] is False and log.after["published_at"]
    settings = JurySettings.objects.get(edition=decided)
    assert settings.results_published_by == jury["fabio"] and settings.results_scores_public is False


def test_the_preview_is_the_public_page_marked_as_a_preview(client, published, jury):
    public = Client().get(f"/puentes_awards/results/{published.slug}/?lang=en").content.decode()
    client.force_login(jury["fabio"])
    preview = client.get(preview_url(published) + "?lang=en").content.decode()
    body = public[public.index("<h1>"):public.index("</main>")]
    assert body in preview and "Preview: what follows is the page as the public will read it." in preview
    assert "Published." in preview and 'action" value="unpublish"' in preview


def test_publishing_is_refused_until_the_winners_are_confirmed(client, edition, jury):
    client.force_login(jury["fabio"])
    page = client.get(preview_url(edition) + "?lang=en")
    assert page.status_code == 200 and "confirm the three winners" in page.content.decode()
    response = client.post(preview_url(edition) + "?lang=en", PUBLISH)
    assert response.status_code == 409
    assert "Confirm the three winners on the competition dashboard before publishing" in response.content.decode()
    assert not JurySettings.objects.filter(edition=edition, results_published_at__isnull=False).exists()
    assert not AuditLog.objects.filter(action="results.published").exists()


def test_publishing_asks_for_the_confirmation_next_to_its_box(client, decided, jury):
    client.force_login(jury["fabio"])
    response = client.post(preview_url(decided) + "?lang=en", {"action": "publish", "scores": "0"})
    page = response.content.decode()
    assert response.status_code == 400 and 'id="error-confirm"' in page and "Tick the box" in page
    assert 'aria-invalid="true"' in page.split('id="confirm"')[1].split(">")[0]
    assert public_status(decided) == 404


@pytest.mark.parametrize("who", ["anonymous", "ana", "elena", "olga"])
def test_only_this_editions_organisers_preview_and_publish(client, decided, jury, other_organiser, who):
    if who != "anonymous":
        client.force_login(jury.get(who) or other_organiser)
    preview = client.get(preview_url(decided))
    published = client.post(preview_url(decided), PUBLISH)
    if who == "anonymous":
        assert preview.status_code == published.status_code == 302 and "/login" in preview["Location"]
    else:
        assert preview.status_code == published.status_code == 403
    assert public_status(decided) == 404
    assert not AuditLog.objects.filter(action="results.published").exists()


def test_publishing_without_the_csrf_token_is_refused(decided, jury):
    """The LMS runs Django's CsrfViewMiddleware for every view not exempted (openedx-platform lms/envs/common.py,
    MIDDLEWARE, "CORS and CSRF"); the demo's settings list it too."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(jury["fabio"])
    assert browser.post(preview_url(decided), PUBLISH).status_code == 403
    assert public_status(decided) == 404
    page = browser.get(preview_url(decided)).content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert browser.post(preview_url(decided), {**PUBLISH, "csrfmiddlewaretoken": token}).status_code == 302
    assert public_status(decided) == 200


def test_withdrawing_needs_a_reason_and_closes_the_page(client, published, jury):
    client.force_login(jury["fabio"])
    response = client.post(preview_url(published) + "?lang=en", {"action": "unpublish", "reason": "  "})
    assert response.status_code == 400 and 'id="error-reason"' in response.content.decode()
    assert public_status(published) == 200
    response = client.post(preview_url(published), {"action": "unpublish", "reason": "Wrong prize currency."})
    assert response.status_code == 302 and public_status(published) == 404
    log = AuditLog.objects.get(edition=published, action="results.unpublished")
    assert log.after == {"reason": "Wrong prize currency."} and log.before["published_at"]
    assert Winner.objects.filter(edition=published).count() == 3  # the winners stay confirmed
    again = client.post(preview_url(published) + "?lang=en", {"action": "unpublish", "reason": "Again."})
    assert again.status_code == 409 and "not published" in again.content.decode()


def test_reopening_withdraws_the_published_results(client, published, jury):
    services.reopen_results(published, "A conflict of interest came to light.", jury["fabio"])
    assert public_status(published) == 404
    assert AuditLog.objects.get(edition=published, action="results.unpublished").after == {
        "reason": "A conflict of interest came to light."}
    by_number = {entry.proposal_id: entry for entry in published.entries.all()}
    services.confirm_winners(published, [(by_number[2], Decimal(30000)), (by_number[1], Decimal(20000)),
                                         (by_number[3], Decimal(10000))], jury["fabio"])
    assert public_status(published) == 404  # confirmed again: a preview until published again
    services.publish_results(published, False, jury["fabio"])
    page = Client().get(f"/puentes_awards/results/{published.slug}/?lang=en").content.decode()
    assert page.index("Welcome desk 2") < page.index("Welcome desk 1")


def test_publishing_another_choice_of_scores_is_audited(client, published, jury):
    client.force_login(jury["fabio"])
    assert client.post(preview_url(published), {**PUBLISH, "scores": "1"}).status_code == 302
    logs = list(AuditLog.objects.filter(edition=published, action="results.published").order_by("id"))
    assert [log.after["scores_public"] for log in logs] == [False, True] and logs[1].before["scores_public"] is False
    assert 'id="entries-heading"' in Client().get(f"/puentes_awards/results/{published.slug}/").content.decode()


def test_an_unknown_action_is_a_400_and_changes_nothing(client, decided, jury):
    client.force_login(jury["fabio"])
    response = client.post(preview_url(decided) + "?lang=en", {"action": "erase", "confirm": "yes"})
    assert response.status_code == 400 and "Unknown action." in response.content.decode()
    assert public_status(decided) == 404 and not AuditLog.objects.filter(action__startswith="results.").exists()


def test_scores_read_on_the_0_to_100_scale():
    from types import SimpleNamespace

    from puentes_awards.jury.results_page import on_scale
    score = on_scale(SimpleNamespace(adjusted=104.2, low=96.0, high=112.5))
    assert (score.adjusted, score.low, score.high) == (100.0, 96.0, 100.0)
    assert on_scale(SimpleNamespace(adjusted=-3, low=-9, high=4)).low == 0.0
