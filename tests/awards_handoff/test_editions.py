"""A course's editions are read once a second per process, and an organiser's change is never missed for longer."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from puentes_awards import api, editions
from puentes_awards.models import Edition, EditionCourse, Entry, OutboxMessage
from tests.awards_handoff.conftest import build_snapshot, make_edition

pytestmark = pytest.mark.django_db
OTHER = "course-v1:OAS+PUENTES-PT+2027"


@pytest.fixture
def clock(monkeypatch):
    """The cache's clock, moved on by hand."""
    now = [1000.0]
    monkeypatch.setattr(editions, "clock", lambda: now[0])
    return now


def edition_reads(captured):
    return [query["sql"] for query in captured.captured_queries if "puentes_awards_editioncourse" in query["sql"]]


def test_entries_from_one_course_read_its_editions_once_and_ask_nothing_before_inserting(edition, clock, settings):
    settings.PUENTES_AWARDS_DELIVERY_URL = "http://127.0.0.1:9/never-called/"
    api.enter_proposal(build_snapshot(1))
    with CaptureQueriesContext(connection) as captured:
        entry = api.enter_proposal(build_snapshot(2))
    assert entry.eligible and entry.edition_slug == edition.slug
    assert edition_reads(captured) == []
    assert [query["sql"].split()[0] for query in captured.captured_queries
            if not query["sql"].startswith(("SAVEPOINT", "RELEASE"))] == ["INSERT", "INSERT"], \
        "the entry and its outbox row, nothing read first"
    clock[0] += editions.FRESH_SECONDS
    with CaptureQueriesContext(connection) as captured:
        api.enter_proposal(build_snapshot(3))
    assert len(edition_reads(captured)) == 1, "read again once the remembered answer is a second old"


def test_an_organisers_change_in_this_process_applies_to_the_next_entry_at_once(edition, clock):
    assert api.enter_proposal(build_snapshot(1, budget="45000")).eligible
    make_edition(budget_cap=Decimal("40000"))  # the organiser lowers the cap (api.create_edition, as the admin saves)
    later = api.enter_proposal(build_snapshot(2, budget="45000"))
    assert not later.eligible and later.ineligibility[0]["code"] == "over_budget"
    edition.refresh_from_db()
    edition.call_closes_at = datetime.now(UTC) - timedelta(days=1)
    edition.save()  # the admin closes the call
    assert api.enter_proposal(build_snapshot(3, budget="1000")).ineligibility == [
        {"code": "call_closed", "closed": edition.call_closes_at.date().isoformat()}]


def test_a_change_made_in_another_process_applies_within_a_second(edition, clock):
    api.enter_proposal(build_snapshot(1))
    # No signal here: what another process's save looks like to this one.
    Edition.objects.filter(pk=edition.pk).update(countries=["BR"])
    assert api.enter_proposal(build_snapshot(2)).eligible, "remembered for less than a second"
    clock[0] += editions.FRESH_SECONDS
    assert api.enter_proposal(build_snapshot(3)).ineligibility == [{"code": "country_not_allowed", "country": "CO"}]


def test_a_course_with_no_edition_is_not_remembered(edition, clock):
    assert api.enter_proposal(build_snapshot(1, course_key=OTHER)) is None
    # bulk_create sends no signal: only asking again finds the course's new edition.
    EditionCourse.objects.bulk_create([EditionCourse(edition=edition, course_key=OTHER, language="pt-br")])
    entry = api.enter_proposal(build_snapshot(1, course_key=OTHER))
    assert entry.eligible and Entry.objects.get().language == "pt-br"


def test_a_repeat_without_files_is_caught_by_the_constraints_and_changes_nothing(edition, settings):
    settings.PUENTES_AWARDS_DELIVERY_URL = "http://127.0.0.1:9/never-called/"
    first = api.enter_proposal(build_snapshot(1))
    again = api.enter_proposal(build_snapshot(1))
    later = api.enter_proposal(build_snapshot(1, version=2, budget="90000"))
    assert again.uuid == first.uuid == later.uuid and later.version == 1 and later.eligible
    assert Entry.objects.count() == 1 and OutboxMessage.objects.count() == 1
