"""Every change the jury makes, each in one transaction with its audit row, and the numbers the dashboard reads."""
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from puentes_core import rulebook
from puentes_core.numbers import format_number

from ..models import Entry
from ..scoring import assignment as assigning
from ..scoring.conflicts import ConflictIndex, ConflictPolicy, EntryProfile, JurorProfile
from ..scoring.criteria import DEFAULT_CRITERIA, ScoreError, check_scores, weighted_total
from ..scoring.reliability import reliability_by_criterion
from ..scoring.schulze import schulze
from ..scoring.severity import rank_entries
from ..scoring.tiebreak import TieBreakFacts, break_ties, check_order
from . import prizes, ranking_cache, setup
from .models import (
    FINAL,
    SCREENING,
    AuditLog,
    ConflictDeclaration,
    EditionCriterion,
    FinalBallot,
    Finalist,
    Juror,
    JuryAssignment,
    JurySettings,
    ScoreSheet,
    Winner,
)

PLACES = rulebook.load().prizes  # the rulebook's cash prizes; an edition stores three amounts (test_rulebook)
BOOTSTRAP_SAMPLES = 1000


class JuryError(ValueError):
    """A request the rules refuse; the message tells the person what to do (HTTP 400 or 409)."""


def audit(edition, actor, action, target="", before=None, after=None):
    return AuditLog.objects.create(edition=edition, actor=actor, actor_username=getattr(actor, "username", "") or "",
                                   action=action, target=str(target), before=before, after=after)


# ---- set-up -----------------------------------------------------------------------------------------------

def jury_settings(edition):
    """The edition's jury settings, created from the rulebook (jurors per entry, blind scoring, tie-break)."""
    book = rulebook.load()
    found, _created = JurySettings.objects.get_or_create(edition=edition, defaults={
        "jurors_per_entry": book.jurors_per_entry, "show_municipality": not book.blind,
        "tiebreak_order": list(book.tie_break)})
    return found


DEFAULTS = {criterion.code: criterion for criterion in DEFAULT_CRITERIA}


def criterion_rows(edition):
    """The edition's grid as stored (setup.CriterionRow): blank texts stand for the translated defaults."""
    rows = [_stored(row) for row in EditionCriterion.objects.filter(edition=edition)]
    return rows or [setup.CriterionRow(c.code, c.weight, c.minimum, "", ()) for c in DEFAULT_CRITERIA]


def _stored(row):
    return setup.CriterionRow(row.code, row.weight, row.minimum, row.name, tuple(row.levels))


def grid(edition):
    """The edition's criteria as scoring.criteria.Criterion; the default grid until organisers change it."""
    stored = list(EditionCriterion.objects.filter(edition=edition))
    if not stored:
        return DEFAULT_CRITERIA
    return tuple(setup.as_criterion(_stored(row), DEFAULTS) for row in stored)


def scoring_started(edition):
    return ScoreSheet.objects.filter(assignment__entry__edition=edition).exists()


@transaction.atomic
def update_criteria(edition, rows, actor):
    """Replace the edition's grid with `rows` (setup.CriterionRow, validated); refused once scoring started."""
    JurySettings.objects.select_for_update().filter(pk=jury_settings(edition).pk).first()  # one writer at a time
    locked = setup.criteria_lock_reason(scoring_started(edition))
    if locked:
        raise JuryError(locked)
    setup.check_rows(rows, DEFAULTS)
    before = [_row_json(row) for row in criterion_rows(edition)]
    EditionCriterion.objects.filter(edition=edition).delete()
    EditionCriterion.objects.bulk_create(
        EditionCriterion(edition=edition, code=row.code, position=position, weight=row.weight, minimum=row.minimum,
                         name=row.name, levels=list(row.levels)) for position, row in enumerate(rows))
    audit(edition, actor, "criteria.changed", before=before, after=[_row_json(row) for row in rows])


def _row_json(row):
    return {"code": row.code, "weight": row.weight, "minimum": row.minimum, "name": row.name,
            "levels": list(row.levels)}


@transaction.atomic
def update_settings(edition, choices, actor):
    """Store the organisers' setup.JuryChoices; refused once the tie-break order is published."""
    settings = JurySettings.objects.select_for_update().get(pk=jury_settings(edition).pk)
    locked = setup.settings_lock_reason(settings.tiebreak_published_at)
    if locked:
        raise JuryError(locked)
    try:
        check_order(list(choices.tiebreak_order), {criterion.code for criterion in grid(edition)})
    except ValueError as error:
        raise JuryError(str(error)) from error
    fields = ["jurors_per_entry", "seed", "show_municipality", "conflict_same_municipality",
              "conflict_same_country", "tiebreak_order"]
    before = {name: getattr(settings, name) for name in fields}
    for name in fields:
        value = getattr(choices, name)
        setattr(settings, name, list(value) if name == "tiebreak_order" else value)
    settings.save(update_fields=fields)
    audit(edition, actor, "settings.changed", before=before, after={name: getattr(settings, name) for name in fields})
    return settings


def grant_role(edition, user, role, actor=None, municipality="", country=""):
    """Make `user` an organiser or a juror of `edition` (the admin and the management command call this)."""
    with transaction.atomic():
        if role == "organiser":
            if not edition.organisers.filter(pk=user.pk).exists():  # granting what is held changes nothing
                edition.organisers.add(user)
                audit(edition, actor, "role.granted", user.username, after={"role": "organiser"})
            return None
        if role != "juror":
            raise JuryError(_("A role is either organiser or juror."))
        wanted = {"municipality": municipality, "country": country.upper(), "active": True}
        held = Juror.objects.filter(edition=edition, user=user, **wanted).first()
        if held is not None:
            return held
        juror, created = Juror.objects.update_or_create(edition=edition, user=user, defaults=wanted)
        audit(edition, actor, "role.granted", user.username,
              after={"role": "juror", "municipality": municipality, "country": country.upper()})
        return juror


def juror_of(user, edition):
    if not getattr(user, "is_authenticated", False):
        return None
    return Juror.objects.filter(edition=edition, user=user, active=True).first()


# ---- conflicts --------------------------------------------------------------------------------------------

def conflict_index(edition, jurors=None, entries=None):
    """The edition's conflict rule over these jurors (by pk) and entries: declarations, same place per its
    policy, tutors and teams, indexed so that assigning asks only about the pairs it considers."""
    settings = jury_settings(edition)
    jurors = list(jurors if jurors is not None else Juror.objects.filter(edition=edition).select_related("user"))
    entries = list(entries if entries is not None else Entry.objects.filter(edition=edition))
    declared = {}
    for juror_id, entry_id in ConflictDeclaration.objects.filter(juror__in=jurors).values_list("juror_id", "entry_id"):
        declared.setdefault(juror_id, set()).add(entry_id)
    pks = {juror.user.username: juror.pk for juror in jurors}
    return ConflictIndex(
        [JurorProfile(juror.user.username, juror.municipality, juror.country, frozenset(declared.get(juror.pk, ())))
         for juror in jurors],
        [entry_profile(entry) for entry in entries],
        ConflictPolicy(settings.conflict_same_municipality, settings.conflict_same_country),
        key=lambda profile: pks[profile.username])


def conflicts(edition, jurors=None, entries=None):
    """{(juror pk, entry pk): [reasons]}: declarations, same place per the edition's policy, tutors."""
    return conflict_index(edition, jurors, entries).pairs()


def entry_profile(entry):
    """What the conflict rule needs of an entry: its place, its tutors and its team, from the snapshot."""
    snapshot = entry.snapshot or {}
    return EntryProfile(entry.pk, entry.municipality, entry.country,
                        frozenset(snapshot.get("reviewer_usernames") or ()),
                        frozenset(member.get("username") for member in snapshot.get("team") or ()
                                  if isinstance(member, dict) and member.get("username")))


def visible_entries(juror, round_name=None):
    """What a juror may open: entries assigned to them, minus every conflict, however it arose."""
    assigned = Entry.objects.filter(jury_assignments__juror=juror, edition=juror.edition)
    if round_name:
        assigned = assigned.filter(jury_assignments__round=round_name)
    assigned = list(assigned.distinct())
    hidden = {entry_id for (_juror, entry_id) in conflicts(juror.edition, [juror], assigned)}
    return [entry for entry in assigned if entry.pk not in hidden]


@transaction.atomic
def declare_conflict(juror, entry, reason, actor):
    """The juror steps back from an entry: their assignment and any draft go, the organisers see why."""
    _refuse_when_decided(juror.edition)
    ConflictDeclaration.objects.get_or_create(juror=juror, entry=entry, defaults={"reason": reason})
    removed = JuryAssignment.objects.filter(juror=juror, entry=entry)
    rounds = list(removed.values_list("round", flat=True))
    removed.delete()
    audit(juror.edition, actor, "conflict.declared", entry.uuid, before={"assigned_rounds": rounds},
          after={"reason": reason})


# ---- screening round --------------------------------------------------------------------------------------

@transaction.atomic
def assign_screening(edition, actor):
    """Assign every eligible entry to k jurors; publishes the tie-break order (it cannot change afterwards)."""
    settings = JurySettings.objects.select_for_update().get(pk=jury_settings(edition).pk)  # vs. update_settings
    if scoring_started(edition):
        raise JuryError(_("Scoring has started; the assignment can no longer be redone."))
    try:
        check_order(settings.tiebreak_order, {criterion.code for criterion in grid(edition)})
    except ValueError as error:
        raise JuryError(str(error)) from error
    jurors = list(Juror.objects.filter(edition=edition, active=True).select_related("user"))
    entries = list(Entry.objects.filter(edition=edition, eligible=True))
    if not entries:
        raise JuryError(_("There are no eligible entries to assign yet."))
    try:
        result = assigning.assign([entry.pk for entry in entries], [juror.pk for juror in jurors],
                                  settings.jurors_per_entry, conflict_index(edition, jurors, entries), settings.seed)
    except assigning.AssignmentError as error:
        raise JuryError(str(error)) from error
    JuryAssignment.objects.filter(juror__edition=edition, round=SCREENING).delete()
    JuryAssignment.objects.bulk_create(JuryAssignment(juror_id=juror, entry_id=entry, round=SCREENING)
                                       for juror, entry in result.pairs())
    if settings.tiebreak_published_at is None:
        settings.tiebreak_published_at = timezone.now()
        settings.save(update_fields=["tiebreak_published_at"])
        audit(edition, actor, "tiebreak.published", after={"order": settings.tiebreak_order})
    by_username = {juror.pk: juror.user.username for juror in jurors}
    uuids = {entry.pk: str(entry.uuid) for entry in entries}
    audit(edition, actor, "assignment.created", SCREENING,
          after={"seed": settings.seed, "k": settings.jurors_per_entry,
                 "pairs": sorted([by_username[juror], uuids[entry]] for juror, entry in result.pairs())})
    return result


def assignment_for(juror, entry):
    """The juror's current assignment for the entry (final round first), or None (conflicts included)."""
    if entry.pk not in {visible.pk for visible in visible_entries(juror)}:
        return None
    assignments = {a.round: a for a in JuryAssignment.objects.filter(juror=juror, entry=entry)}
    return assignments.get(FINAL) or assignments.get(SCREENING)


@transaction.atomic
def save_sheet(juror, entry, levels, comments, submit, actor):
    """Save a draft or submit it. Drafts may be partial; a submitted sheet must be complete."""
    assignment = assignment_for(juror, entry)
    if assignment is None:
        raise JuryError(_("This entry is not assigned to you."))
    _refuse_when_decided(juror.edition)
    criteria = grid(juror.edition)
    try:
        check_scores(levels, criteria, complete=submit)
    except ScoreError as error:
        raise JuryError(str(error)) from error
    sheet, _created = ScoreSheet.objects.select_for_update().get_or_create(assignment=assignment)
    before = {"levels": sheet.levels, "comments": sheet.comments, "status": sheet.status}
    sheet.levels = levels
    sheet.comments = {code: text for code, text in comments.items() if text}
    if submit:
        sheet.status = ScoreSheet.SUBMITTED
        sheet.total = weighted_total(levels, criteria)
        sheet.submitted_at = timezone.now()
    elif sheet.status == ScoreSheet.SUBMITTED:
        raise JuryError(_("This score is already submitted; submit it again to change it."))
    sheet.save()
    audit(juror.edition, actor, "score.submitted" if submit else "score.saved", f"{assignment.round}:{entry.uuid}",
          before=before, after={"levels": sheet.levels, "comments": sheet.comments, "status": sheet.status})
    return sheet


def submitted_sheets(edition, round_name):
    return (ScoreSheet.objects.filter(status=ScoreSheet.SUBMITTED, assignment__round=round_name,
                                      assignment__entry__edition=edition)
            .select_related("assignment__entry", "assignment__juror__user"))


def totals_by_juror(edition, round_name=SCREENING):
    """{juror username: [submitted totals out of 100]} for the score-distribution charts."""
    totals = {}
    for username, total in (ScoreSheet.objects.filter(status=ScoreSheet.SUBMITTED, assignment__round=round_name,
                                                      assignment__entry__edition=edition)
                            .values_list("assignment__juror__user__username", "total")):
        totals.setdefault(username, []).append(total)
    return totals


def screening_ranking(edition, samples=BOOTSTRAP_SAMPLES):
    """(Ranking, reliability rows, {entry pk: Entry}) from submitted screening sheets; raises JuryError.

    The fit is reused from the cache until a submitted sheet, the seed or the grid changes (ranking_cache)."""
    ranking, reliability = ranking_cache.fetch(edition, SCREENING, samples,
                                               lambda: fit_screening_ranking(edition, samples))
    entries = edition.entries.in_bulk([estimate.entry_id for estimate in ranking.entries])
    return ranking, reliability, entries


def fit_screening_ranking(edition, samples=BOOTSTRAP_SAMPLES):
    """(Ranking, reliability rows) computed afresh from the submitted screening sheets; raises JuryError."""
    from ..scoring.severity import SeverityError
    sheets = list(ScoreSheet.objects.filter(status=ScoreSheet.SUBMITTED, assignment__round=SCREENING,
                                            assignment__entry__edition=edition)
                  .select_related("assignment__juror__user"))
    triples = [(sheet.assignment.entry_id, sheet.assignment.juror.user.username, sheet.total) for sheet in sheets]
    try:
        ranking = rank_entries(triples, samples=samples, seed=jury_settings(edition).seed, boundaries=(PLACES,))
    except SeverityError as error:
        raise JuryError(str(error)) from error
    reliability = reliability_by_criterion(
        {(sheet.assignment.entry_id, sheet.assignment.juror_id): sheet.levels for sheet in sheets},
        [criterion.code for criterion in grid(edition)])
    return ranking, reliability


# ---- final round ------------------------------------------------------------------------------------------

@transaction.atomic
def choose_finalists(edition, entries, actor):
    """Every active juror is assigned every finalist they have no conflict with."""
    if len(entries) <= PLACES:
        raise JuryError(_("Choose more than three finalists, so that the final round has a choice to make."))
    _refuse_when_decided(edition)
    Finalist.objects.filter(edition=edition).delete()
    JuryAssignment.objects.filter(juror__edition=edition, round=FINAL).delete()
    FinalBallot.objects.filter(juror__edition=edition).delete()
    Finalist.objects.bulk_create(Finalist(edition=edition, entry=entry) for entry in entries)
    jurors = list(Juror.objects.filter(edition=edition, active=True).select_related("user"))
    blocked = conflicts(edition, jurors, entries)
    JuryAssignment.objects.bulk_create(JuryAssignment(juror=juror, entry=entry, round=FINAL)
                                       for juror in jurors for entry in entries if (juror.pk, entry.pk) not in blocked)
    audit(edition, actor, "finalists.chosen", after={"entries": [str(entry.uuid) for entry in entries]})


@transaction.atomic
def submit_ballot(juror, ranks, actor):
    """ranks: {entry uuid: rank}; every finalist the juror may judge must be ranked, 1 is best."""
    allowed = {str(entry.uuid) for entry in visible_entries(juror, FINAL)}
    if not allowed:
        raise JuryError(_("There is no final round for you to rank yet."))
    _refuse_when_decided(juror.edition)
    if set(ranks) != allowed:
        raise JuryError(_("Rank every finalist shown, and only those."))
    if any(isinstance(rank, bool) or not isinstance(rank, int) or not 1 <= rank <= len(allowed)
           for rank in ranks.values()):
        raise JuryError(_("Ranks are whole numbers from 1 (best) to {count}.").format(count=len(allowed)))
    ballot, _created = FinalBallot.objects.get_or_create(juror=juror)
    before = ballot.ranks or None
    ballot.ranks, ballot.submitted_at = ranks, timezone.now()
    ballot.save()
    audit(juror.edition, actor, "ballot.submitted", juror.user.username, before=before, after=ranks)
    return ballot


def final_result(edition):
    """(Schulze result over entry uuids, tie-break result, {uuid: Entry})."""
    finalists = {str(f.entry.uuid): f.entry for f in Finalist.objects.filter(edition=edition).select_related("entry")}
    if not finalists:
        raise JuryError(_("Choose the finalists first."))
    ballots = [ballot.ranks for ballot in FinalBallot.objects.filter(juror__edition=edition)]
    if not ballots:
        raise JuryError(_("No juror has ranked the finalists yet."))
    result = schulze(ballots, sorted(finalists))
    means = {}
    for sheet in submitted_sheets(edition, FINAL):
        for code, level in sheet.levels.items():
            means.setdefault(str(sheet.assignment.entry.uuid), {}).setdefault(code, []).append(level)
    order = jury_settings(edition).tiebreak_order
    screening = _screening_scores(edition) if "screening" in order else {}
    facts = {uuid: TieBreakFacts({code: sum(v) / len(v) for code, v in means.get(uuid, {}).items()},
                                 _budget(entry), entry.submitted_at, screening.get(entry.pk))
             for uuid, entry in finalists.items()}
    settled = break_ties(result.tiers, facts, order)
    return result, settled, finalists


def _screening_scores(edition):
    """{entry pk: adjusted screening score} for the "screening" tie-break rule; {} when there is no ranking."""
    try:
        ranking, _reliability, _entries = screening_ranking(edition)
    except JuryError:
        return {}
    return {estimate.entry_id: estimate.adjusted for estimate in ranking.entries}


def _prize(amount):
    try:
        return prizes.check_prize(amount)
    except prizes.PrizeRefused as refused:
        largest = format_number(prizes.LARGEST, to_locale(get_language() or "en"))
        raise JuryError({
            prizes.NEGATIVE: _("Each prize needs an amount of zero or more."),
            prizes.TOO_LARGE: _("A prize can be at most {largest}.").format(largest=largest),
            prizes.TOO_PRECISE: _("Write each prize amount with at most two decimals (cents)."),
        }.get(refused.code, _("Write each prize amount as a number, e.g. 25000."))) from None


# ---- the decision: frozen once the winners are confirmed (M6) ---------------------------------------------

def results_decided(edition):
    """Confirmed winners freeze the scores, the ballots and the ranking they came from."""
    return Winner.objects.filter(edition=edition).exists()


def _refuse_when_decided(edition):
    if results_decided(edition):
        raise JuryError(_("The winners are confirmed, so scores, rankings and winners can no longer change. "
                          "An organiser can reopen the results, giving a reason that goes into the audit log."))


@transaction.atomic
def reopen_results(edition, reason, actor):
    """The organiser withdraws the confirmed winners, for a recorded reason; scoring and the choice open again."""
    reason = str(reason or "").strip()[:2000]
    if not reason:
        raise JuryError(_("Say why the results are reopened: the reason is kept in the audit log."))
    winners = list(Winner.objects.select_for_update().filter(edition=edition).select_related("entry"))
    if not winners:
        raise JuryError(_("The results are not confirmed, so there is nothing to reopen."))
    Winner.objects.filter(pk__in=[winner.pk for winner in winners]).delete()
    audit(edition, actor, "results.reopened",
          before=[[w.place, str(w.entry.uuid), str(w.prize_amount)] for w in winners], after={"reason": reason})
    _withdraw_publication(edition, reason, actor)  # the public page must not outlive its winners


def _budget(entry):
    value = (entry.snapshot or {}).get("total_budget")
    try:
        return None if value in (None, "") else Decimal(str(value))
    except InvalidOperation:
        return None


@transaction.atomic
def confirm_winners(edition, places, actor):
    """places: [(Entry, Decimal amount)] first to third; the decision is final and audited."""
    if len(places) != PLACES or len({entry.pk for entry, _amount in places}) != PLACES:
        raise JuryError(_("Confirm exactly three different winners."))
    finalists = set(Finalist.objects.filter(edition=edition).values_list("entry_id", flat=True))
    if any(entry.pk not in finalists for entry, _amount in places):
        raise JuryError(_("Every winner must be a finalist."))
    places = [(entry, _prize(amount)) for entry, amount in places]
    _refuse_when_decided(edition)
    for place, (entry, amount) in enumerate(places, start=1):
        Winner.objects.create(edition=edition, entry=entry, place=place, prize_amount=amount)
    audit(edition, actor, "winners.confirmed",
          after=[[place, str(entry.uuid), str(amount)] for place, (entry, amount) in enumerate(places, start=1)])


# ---- publication: confirmed results stay a preview for the organisers until one of them publishes ----------

def results_published(edition):
    """Whether anyone may read the results page: published, and its three winners still confirmed."""
    published = JurySettings.objects.filter(edition=edition, results_published_at__isnull=False).exists()
    return published and Winner.objects.filter(edition=edition).count() >= PLACES


def _publication(settings):
    return {"published_at": settings.results_published_at.isoformat() if settings.results_published_at else None,
            "scores_public": settings.results_scores_public}


@transaction.atomic
def publish_results(edition, scores_public, actor):
    """Make the results page public as the organiser previewed it: the winners, and every entry's score only
    when `scores_public`. Publishing again (another choice of scores) is allowed and audited the same way."""
    settings = JurySettings.objects.select_for_update().get(pk=jury_settings(edition).pk)
    if Winner.objects.filter(edition=edition).count() < PLACES:
        raise JuryError(_("Confirm the three winners on the competition dashboard before publishing the results."))
    before = _publication(settings)
    settings.results_published_at, settings.results_published_by = timezone.now(), actor
    settings.results_scores_public = bool(scores_public)
    settings.save(update_fields=["results_published_at", "results_published_by", "results_scores_public"])
    audit(edition, actor, "results.published", before=before, after=_publication(settings))
    return settings


@transaction.atomic
def unpublish_results(edition, reason, actor):
    """Take the results page back to a preview, for a recorded reason; the winners stay confirmed."""
    reason = str(reason or "").strip()[:2000]
    if not reason:
        raise JuryError(_("Say why the results are withdrawn: the reason is kept in the audit log."))
    JurySettings.objects.select_for_update().filter(edition=edition).first()  # one writer at a time
    if not _withdraw_publication(edition, reason, actor):
        raise JuryError(_("The results are not published, so there is nothing to withdraw."))


def _withdraw_publication(edition, reason, actor):
    """Clear the publication (audited); False when there was none."""
    settings = JurySettings.objects.filter(edition=edition, results_published_at__isnull=False).first()
    if settings is None:
        return False
    before = _publication(settings)
    settings.results_published_at, settings.results_published_by = None, None
    settings.save(update_fields=["results_published_at", "results_published_by"])
    audit(edition, actor, "results.unpublished", before=before, after={"reason": reason})
    return True
