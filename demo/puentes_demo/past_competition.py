"""The demo's past competition, the 2026 edition: judged by the same jury, its winners confirmed and its results
published, so the demo shows a results page (/puentes_awards/results/premio-puentes-2026/) while the 2027 edition
waits for its jury. `demo_setup` runs it; every step goes through the awards app's api and jury services, as the
jurors' and the organiser's pages would."""
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from . import competition

PAST_EDITION = "premio-puentes-2026"
PAST_PROPOSAL_IDS = competition.DEMO_PROPOSAL_IDS + 1000   # apart from the 2027 entries' ids
# How good the jury found each entry, best first; Jorge, a strict juror, gives one level less on everything.
PREFERENCE = ["Arica", "Boa Vista", "Medellín", "Quito", "São Paulo", "Tapachula", "Georgetown", "San José",
              "Port of Spain", "San Juan de Lurigancho", "Tijuana", "Montevideo"]
LEVELS = [5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 1, 1]
STRICTER = {"jorge": 1}
FINALISTS = 5
PRIZES = (Decimal("30000"), Decimal("20000"), Decimal("10000"))


def ensure_past_edition(publish=True):
    """The 2026 edition judged to three confirmed winners; published when `publish`. Idempotent: a judged
    edition is left as it is (an organiser may have withdrawn or republished its results)."""
    from puentes_awards.jury import services
    edition = _edition_with_entries()
    fabio = get_user_model().objects.get(username="fabio")
    if not services.results_decided(edition):
        _judge(edition, fabio)
        if publish:
            services.publish_results(edition, False, fabio)
    return edition


def _edition_with_entries():
    from puentes_awards import api as awards_api
    from puentes_awards.models import Edition
    now = timezone.now()
    call_closed = now - timedelta(days=300)
    User = get_user_model()
    awards_api.create_edition(
        name="Premio Puentes 2026", slug=PAST_EDITION,
        courses=[(f"course-v1:OAS+PUENTES-{course}+2026", language)
                 for course, language in competition.COURSE_LANGUAGES.items()],
        call_opens_at=call_closed - timedelta(days=90), call_closes_at=call_closed,
        prizes=PRIZES, currency="USD", budget_cap=Decimal("100000"), organisers=[User.objects.get(username="fabio")])
    for username, _name, municipality, country in competition.DEMO_JURORS:
        awards_api.grant_role(PAST_EDITION, User.objects.get(username=username), "juror",
                              municipality=municipality, country=country)
    try:
        awards_api.configure_jury(PAST_EDITION, jurors_per_entry=2)
    except ValueError:
        pass  # assigned already: the settings stay as they were published
    written = call_closed - timedelta(days=10)
    for number, row in enumerate(competition.DEMO_ENTRIES, start=1):
        awards_api.enter_proposal(competition._demo_snapshot(number, row, written, run="2026",
                                                             first_id=PAST_PROPOSAL_IDS),
                                  entered_at=written + timedelta(hours=number))
    return Edition.objects.get(slug=PAST_EDITION)


def _level(entry, username):
    return max(0, LEVELS[PREFERENCE.index(entry.municipality)] - STRICTER.get(username, 0))


def _judge(edition, organiser):
    from puentes_awards.jury import services
    from puentes_awards.jury.models import FINAL, SCREENING, JuryAssignment
    if not JuryAssignment.objects.filter(juror__edition=edition, round=SCREENING).exists():
        services.assign_screening(edition, organiser)
    codes = [criterion.code for criterion in services.grid(edition)]
    for assignment in (JuryAssignment.objects.filter(juror__edition=edition, round=SCREENING)
                       .exclude(sheet__status="submitted").select_related("juror__user", "entry")):
        level = _level(assignment.entry, assignment.juror.user.username)
        services.save_sheet(assignment.juror, assignment.entry, dict.fromkeys(codes, level), {}, True,
                            assignment.juror.user)
    ranking, _reliability, entries = services.screening_ranking(edition)
    services.choose_finalists(edition, [entries[estimate.entry_id] for estimate in ranking.entries[:FINALISTS]],
                              organiser)
    for juror in edition.jurors.filter(active=True).select_related("user"):
        finalists = sorted(services.visible_entries(juror, FINAL), key=lambda e: PREFERENCE.index(e.municipality))
        if finalists:
            services.submit_ballot(juror, {str(entry.uuid): rank for rank, entry in enumerate(finalists, start=1)},
                                   juror.user)
    _result, settled, finalists = services.final_result(edition)
    order = [finalists[uuid] for tier in settled.tiers for uuid in tier]
    services.confirm_winners(edition, list(zip(order[:services.PLACES], PRIZES, strict=True)), organiser)
