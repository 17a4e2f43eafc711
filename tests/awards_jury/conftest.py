"""An edition with entries from several municipalities, a jury and an organiser, built straight in the database."""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

MUNICIPALITIES = [("Quito", "EC"), ("Lima", "PE"), ("Cali", "CO"), ("Rosario", "AR"), ("Cusco", "PE"),
                  ("Recife", "BR"), ("Tacna", "PE"), ("Salta", "AR"), ("Loja", "EC"), ("Pasto", "CO")]


def snapshot(number, municipality, country, reviewers=()):
    return {
        "proposal_id": number, "version": 1, "title": f"Welcome desk {number}", "municipality": municipality,
        "country": country, "thematic_area": "reception", "total_budget": str(10000 + 1000 * number),
        "currency": "USD", "attachments": [], "reviewer_usernames": list(reviewers),
        "team": [{"username": f"team{number}", "full_name": f"Secret Teammate {number}", "email": "t@example.org"}],
        "sections": [{"section_id": "summary", "title": "Summary", "section_type": "long_text",
                      "value": f"A one-stop desk for migrants in {municipality}."}],
    }


@pytest.fixture
def edition(db):
    from puentes_awards.models import Edition, Entry
    now = timezone.now()
    edition = Edition.objects.create(
        name="Puentes Award 2027", slug="award-2027", call_opens_at=now - timedelta(days=30),
        call_closes_at=now + timedelta(days=30), first_prize=Decimal("30000"), second_prize=Decimal("20000"),
        third_prize=Decimal("10000"), currency="USD")
    for number, (municipality, country) in enumerate(MUNICIPALITIES, start=1):
        reviewers = ("carla",) if number == 2 else ()
        Entry.objects.create(
            edition=edition, proposal_id=number, version=1, course_key="course-v1:OAS+PUENTES+2027",
            block_key=f"block-{number}", title=f"Welcome desk {number}", municipality=municipality, country=country,
            team=[{"full_name": f"Secret Teammate {number}"}],
            snapshot=snapshot(number, municipality, country, reviewers),
            eligible=True, submitted_at=now - timedelta(days=10 - number), approved_at=now, entered_at=now)
    return edition


@pytest.fixture
def jury(edition, make_user):
    """Three jurors (elena from Quito), one organiser (fabio), one learner (ana)."""
    from puentes_awards.jury import services
    users = {name: make_user(name) for name in ("elena", "jorge", "carla", "fabio", "ana")}
    services.grant_role(edition, users["elena"], "juror", municipality="Quito", country="EC")
    services.grant_role(edition, users["jorge"], "juror", municipality="Montevideo", country="UY")
    services.grant_role(edition, users["carla"], "juror", municipality="Asunción", country="PY")
    services.grant_role(edition, users["fabio"], "organiser")
    # Three jurors and two conflicts (elena/Quito, carla/entry 2): two jurors per entry is what the jury can give.
    settings = services.jury_settings(edition)
    settings.jurors_per_entry = 2
    settings.save()
    return users


@pytest.fixture
def decided(edition, jury):
    """The whole competition run through the services: scored, finalists ranked, three winners confirmed."""
    from puentes_awards.jury import services
    from puentes_awards.jury.models import JuryAssignment
    services.assign_screening(edition, jury["fabio"])
    for assignment in JuryAssignment.objects.select_related("juror__user", "entry"):
        level = max(0, 5 - assignment.entry.proposal_id // 3 - (assignment.juror.user.username == "jorge"))
        services.save_sheet(assignment.juror, assignment.entry,
                            {criterion.code: level for criterion in services.grid(edition)}, {}, True,
                            assignment.juror.user)
    finalists = list(edition.entries.filter(proposal_id__in=[1, 2, 3, 4]))
    services.choose_finalists(edition, finalists, jury["fabio"])
    for name in ("elena", "jorge", "carla"):
        juror = jury[name].award_juries.get()
        visible = sorted(services.visible_entries(juror, "final"), key=lambda entry: entry.proposal_id)
        services.submit_ballot(juror, {str(entry.uuid): rank for rank, entry in enumerate(visible, start=1)},
                               jury[name])
    by_number = {entry.proposal_id: entry for entry in finalists}
    services.confirm_winners(edition, [(by_number[1], Decimal("30000")), (by_number[2], Decimal("20000")),
                                       (by_number[3], Decimal("10000"))], jury["fabio"])
    return edition


@pytest.fixture
def published(decided, jury):
    """The decided competition with its results published, winners' scores only (the default)."""
    from puentes_awards.jury import services
    services.publish_results(decided, False, jury["fabio"])
    return decided


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts without a cached ranking (the locmem cache outlives a test's database)."""
    from django.core.cache import cache
    cache.clear()
    yield
    cache.clear()
