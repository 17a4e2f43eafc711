"""H1 for the awards app: roles count in their own edition only, and an entry id from another edition names
nothing (access.py's _edition_view and visible_entry are the one place that decides)."""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_edition(make_user):
    from puentes_awards.jury import services
    from puentes_awards.models import Edition, Entry
    now = timezone.now()
    edition = Edition.objects.create(
        name="Another award", slug="another-award", call_opens_at=now - timedelta(days=3),
        call_closes_at=now + timedelta(days=3), first_prize=Decimal(1), second_prize=Decimal(1),
        third_prize=Decimal(1), currency="USD")
    entry = Entry.objects.create(edition=edition, proposal_id=99, version=1, course_key="course-v1:OAS+OTHER+2027",
                                 block_key="block-99", title="Other desk", municipality="Lima", country="PE",
                                 team=[], snapshot={"team": []}, eligible=True, submitted_at=now, approved_at=now,
                                 entered_at=now)
    services.grant_role(edition, make_user("olga"), "organiser")
    return edition, entry


def test_an_organiser_of_another_edition_reaches_nothing_here(client, decided, jury, other_edition):
    client.force_login(jury["fabio"])   # organiser of award-2027 only
    edition, _entry = other_edition
    assert client.get(f"/puentes_awards/organise/{edition.slug}/").status_code == 403
    assert client.get(f"/puentes_awards/organise/{edition.slug}/scores.csv").status_code == 403
    assert client.post(f"/puentes_awards/organise/{edition.slug}/",
                       {"action": "reopen", "reason": "x"}).status_code == 403


def test_an_entry_of_another_edition_is_not_found_here(client, edition, jury, other_edition):
    from puentes_awards.jury import services
    services.assign_screening(edition, jury["fabio"])
    _other, entry = other_edition
    client.force_login(jury["jorge"])
    assert client.get(f"/puentes_awards/jury/{edition.slug}/entries/{entry.uuid}/").status_code == 404
    assert client.post(f"/puentes_awards/jury/{edition.slug}/entries/{entry.uuid}/conflict/",
                       {"reason": "x"}).status_code == 404
    client.force_login(jury["fabio"])
    response = client.post(f"/puentes_awards/organise/{edition.slug}/",
                           {"action": "finalists", "finalist": [str(entry.uuid)]})
    assert response.status_code == 400 and "not in this competition" in response.content.decode()
