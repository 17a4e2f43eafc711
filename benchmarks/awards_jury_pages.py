"""Benchmark: the jury's pages through Django's test client at two competition sizes (issue 6).

An edition with N entries, 20 jurors, k = 3, every screening sheet submitted and five finalists ranked.
A juror's score submit is timed while scoring is open (confirmed winners freeze the scores); then three
winners are confirmed, the results published with every entry's score (the largest public page), and each page
is timed as its user opens it. The dashboard, the results preview and the results page fit the severity model
with 1,000 bootstrap samples on the warm-up view and reuse the cached fit afterwards.

    python -m benchmarks.awards_jury_pages [--repeat N]
"""
import argparse
from datetime import timedelta
from decimal import Decimal

from benchmarks.harness import TIMED, bench_database, measure, table

SIZES = (100, 400)
JURORS = 20
COUNTRIES = ["AR", "BO", "BR", "CL", "CO", "CR", "EC", "GT", "MX", "PE", "PY", "UY"]


def competition(size):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from puentes_awards.jury import services
    from puentes_awards.jury.models import JuryAssignment
    from puentes_awards.models import Edition, Entry
    now = timezone.now()
    User = get_user_model()
    edition = Edition.objects.create(
        name=f"Bench {size}", slug=f"bench-{size}", call_opens_at=now - timedelta(days=30),
        call_closes_at=now + timedelta(days=30), first_prize=Decimal(30000), second_prize=Decimal(20000),
        third_prize=Decimal(10000), currency="USD")
    Entry.objects.bulk_create(Entry(
        edition=edition, proposal_id=size * 100_000 + number, version=1, course_key="course-v1:OAS+B+2027",
        block_key=f"b{number}", title=f"Project {number}", municipality=f"Town {number}",
        country=COUNTRIES[number % len(COUNTRIES)], team=[{"full_name": "x"}],
        snapshot={"total_budget": "10000", "sections": [{"title": "Summary", "section_type": "long_text",
                                                          "value": "A welcome desk. " * 40}]},
        eligible=True, submitted_at=now, approved_at=now, entered_at=now) for number in range(size))
    organiser = User.objects.create(username=f"org{size}")
    services.grant_role(edition, organiser, "organiser")
    jurors = [User.objects.create(username=f"j{size}-{number}") for number in range(JURORS)]
    for number, user in enumerate(jurors):
        services.grant_role(edition, user, "juror", municipality=f"City {number}", country="US")
    services.assign_screening(edition, organiser)
    codes = [criterion.code for criterion in services.grid(edition)]
    for assignment in JuryAssignment.objects.filter(juror__edition=edition).select_related("juror__user", "entry"):
        level = (assignment.entry.proposal_id + assignment.juror_id) % 6
        services.save_sheet(assignment.juror, assignment.entry, dict.fromkeys(codes, level), {}, True,
                            assignment.juror.user)
    finalists = list(edition.entries.order_by("id")[:5])
    services.choose_finalists(edition, finalists, organiser)
    for juror in edition.jurors.select_related("user"):
        visible = services.visible_entries(juror, "final")
        services.submit_ballot(juror, {str(entry.uuid): rank for rank, entry in enumerate(visible, 1)}, juror.user)
    return edition, organiser, jurors[0]


def confirm_winners(edition, organiser):
    """The organiser confirms three of the finalists (from here on scores and ballots are frozen) and publishes
    the results with every entry's score, the largest public page."""
    from puentes_awards.jury import services
    finalists = list(edition.entries.order_by("id")[:5])
    services.confirm_winners(edition, [(entry, Decimal(1000)) for entry in finalists[:3]], organiser)
    services.publish_results(edition, True, organiser)


def queries_of(operation):
    """SQL statements of one request. Django empties the query log when a request starts, which hides a
    request's queries from harness.measure's count; this counts with that reset switched off."""
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext
    request_started.disconnect(reset_queries)
    try:
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            operation()
        return len(captured)
    finally:
        request_started.connect(reset_queries)


def pages(size):
    """[(label, request)] for one competition of `size` entries, each as the user who opens it: first the
    juror's submit while scoring is open, then the organiser confirming the winners, then the pages after."""
    from django.test import Client

    from puentes_awards.jury.models import JuryAssignment
    edition, organiser, juror_user = competition(size)
    entry = JuryAssignment.objects.filter(juror__user=juror_user, round="screening").first().entry
    organiser_client, juror_client, public = Client(), Client(), Client()
    organiser_client.force_login(organiser)
    juror_client.force_login(juror_user)
    jury, organise = f"/puentes_awards/jury/{edition.slug}", f"/puentes_awards/organise/{edition.slug}"
    codes = ("innovation", "impact", "feasibility", "participation", "sustainability", "replicability",
             "gender_diversity")
    submits = iter(range(10**9))

    def submit_score():
        """A complete, valid sheet, each call with other levels than the one before (the juror changes it)."""
        number = next(submits)
        levels = {f"level-{code}": str((number + offset) % 6) for offset, code in enumerate(codes)}
        response = juror_client.post(f"{jury}/entries/{entry.uuid}/", {**levels, "action": "submit"})
        assert response.status_code == 302, response.status_code  # submitted (a refusal is a 400)
        return response

    return [
        ("juror submits a score", submit_score),
        ("winners confirmed", lambda: confirm_winners(edition, organiser)),
        ("juror workspace", lambda: juror_client.get(f"{jury}/")),
        ("juror opens an entry", lambda: juror_client.get(f"{jury}/entries/{entry.uuid}/")),
        ("organiser criteria page", lambda: organiser_client.get(f"{organise}/criteria/")),
        ("organiser settings page", lambda: organiser_client.get(f"{organise}/settings/")),
        ("organiser dashboard (ranking, 1,000 bootstrap samples)", lambda: organiser_client.get(f"{organise}/")),
        ("scores CSV export", lambda: organiser_client.get(f"{organise}/scores.csv")),
        ("organiser results preview", lambda: organiser_client.get(f"{organise}/results/?lang=es&scores=1")),
        ("public results page", lambda: public.get(f"/puentes_awards/results/{edition.slug}/?lang=es")),
    ]


def run(repeat):
    rows = []
    for size in SIZES:
        for label, operation in pages(size):
            if label == "winners confirmed":
                operation()
                continue
            status = operation().status_code
            assert status in (200, 302), (label, status)
            timing = measure(operation, repeat=repeat, warmup=1)
            rows.append([label, size, *timing.cells(queries=queries_of(operation))])
    rows.sort(key=lambda row: (row[0], row[1]))
    print(f"Jury pages, {JURORS} jurors, k = 3, every screening sheet submitted; the score submit timed before the "
          "winners are confirmed (they freeze scores), the other pages after; Django test client, SQLite.\n")
    print(table(["page", "entries", *TIMED], rows))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    with bench_database():
        run(args.repeat)


if __name__ == "__main__":
    main()
