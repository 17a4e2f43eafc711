"""The juror workspace, the organisers' dashboard with exports, and the public results page."""
import csv
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from puentes_core.csv_cells import safe_cell
from puentes_core.numbers import request_locale

from ..form_errors import FieldErrors, from_failure
from ..models import Edition, Entry
from ..pages import render
from ..scoring.criteria import ScoreError, check_scores
from . import charts, results_page, services, setup
from .access import juror_required, organiser_required, visible_entry
from .models import FINAL, SCREENING, AuditLog, FinalBallot, Finalist, JuryAssignment, ScoreSheet, Winner
from .reading import blind_entry

TOP_CHART_ROWS = 15


# ---- juror ------------------------------------------------------------------------------------------------

@require_http_methods(["GET"])
@juror_required
def workspace(request, edition, juror):
    sheets = {(sheet.assignment.entry_id, sheet.assignment.round): sheet.status
              for sheet in ScoreSheet.objects.filter(assignment__juror=juror).select_related("assignment")}
    rounds = []
    settings = services.jury_settings(edition)
    for round_name, label in ((SCREENING, _("Screening round")), (FINAL, _("Final round"))):
        entries = services.visible_entries(juror, round_name)
        rows = [{"entry": blind_entry(entry, settings, request),
                 "status": sheets.get((entry.pk, round_name), "todo")} for entry in entries]
        if rows:
            rounds.append({"name": round_name, "label": label, "rows": rows})
    ballot = FinalBallot.objects.filter(juror=juror).first()
    return render(request, "puentes_awards/jury/workspace.html", {
        "edition": edition, "rounds": rounds, "ballot": ballot,
        "has_final": any(r["name"] == FINAL for r in rounds)})


@require_http_methods(["GET", "POST"])
@juror_required
def score_entry(request, edition, juror, entry_uuid):
    entry = visible_entry(juror, entry_uuid)
    criteria = services.grid(edition)
    assignment = services.assignment_for(juror, entry)
    sheet = ScoreSheet.objects.filter(assignment=assignment).first()
    levels = dict(sheet.levels) if sheet else {}
    comments = dict(sheet.comments) if sheet else {}
    status, form_errors = 200, FieldErrors()
    if request.method == "POST":
        levels, comments = {}, {}
        submit = request.POST.get("action") == "submit"
        for criterion in criteria:
            # Each criterion checked on its own, so the sheet shows every missing or wrong level at once.
            raw = request.POST.get(f"level-{criterion.code}", "")
            comments[criterion.code] = request.POST.get(f"comment-{criterion.code}", "").strip()[:5000]
            try:
                if raw != "":
                    levels[criterion.code] = int(raw)
                check_scores({criterion.code: levels.get(criterion.code)} if raw != "" else {}, [criterion],
                             complete=submit)
            except (ValueError, ScoreError):
                form_errors.add(f"level-{criterion.code}", _("Choose a level from 0 to 5 for “{criterion}”.")
                                .format(criterion=criterion.name))
        try:
            if form_errors:
                raise services.JuryError("")
            services.save_sheet(juror, entry, levels, comments, submit, request.user)
            messages.success(request, _("Score submitted.") if submit else _("Draft saved."))
            return redirect(reverse("puentes_awards:jury_workspace", args=[edition.slug]))
        except services.JuryError as failure:
            if not form_errors:
                form_errors.add("", str(failure))
            status = 400
    rows = [{"criterion": criterion, "level": levels.get(criterion.code), "comment": comments.get(criterion.code, ""),
             "levels": list(enumerate(criterion.levels))} for criterion in criteria]
    return render(request, "puentes_awards/jury/score.html", {
        "edition": edition, "entry": blind_entry(entry, services.jury_settings(edition), request, sections=True),
        "rows": rows, "sheet": sheet, "round": assignment.round, "form_errors": form_errors}, status=status)


@require_POST
@juror_required
def declare_conflict(request, edition, juror, entry_uuid):
    entry = visible_entry(juror, entry_uuid)
    try:
        services.declare_conflict(juror, entry, request.POST.get("reason", "").strip()[:2000], request.user)
    except services.JuryError as failure:
        messages.error(request, str(failure))
        return redirect(reverse("puentes_awards:jury_workspace", args=[edition.slug]))
    messages.success(request, _("Conflict of interest recorded; the entry has left your workspace."))
    return redirect(reverse("puentes_awards:jury_workspace", args=[edition.slug]))


@require_http_methods(["GET", "POST"])
@juror_required
def ballot(request, edition, juror):
    settings = services.jury_settings(edition)
    finalists = [blind_entry(entry, settings, request) for entry in services.visible_entries(juror, FINAL)]
    if not finalists:
        raise Http404(_("There is no final round for you to rank yet."))
    current = FinalBallot.objects.filter(juror=juror).first()
    ranks = dict(current.ranks) if current else {}
    status, form_errors = 200, FieldErrors()
    if request.method == "POST":
        ranks = {}   # what the juror chose now, kept on the page even when another position is missing
        for item in finalists:
            try:
                rank = int(request.POST.get(f"rank-{item['uuid']}", ""))
            except ValueError:
                rank = None
            if rank is None or not 1 <= rank <= len(finalists):
                form_errors.add(f"rank-{item['uuid']}", _("Give “{title}” a position from 1 (best) to {count}.")
                                .format(title=item["title"], count=len(finalists)))
            else:
                ranks[item["uuid"]] = rank
        try:
            if form_errors:
                raise services.JuryError("")
            services.submit_ballot(juror, ranks, request.user)
            messages.success(request, _("Your ranking is recorded."))
            return redirect(reverse("puentes_awards:jury_workspace", args=[edition.slug]))
        except services.JuryError as failure:
            if not form_errors:
                form_errors.add("", str(failure))
            status = 400
    rows = [{"entry": item, "rank": ranks.get(item["uuid"])} for item in finalists]
    return render(request, "puentes_awards/jury/ballot.html",
                  {"edition": edition, "rows": rows, "positions": range(1, len(finalists) + 1),
                   "form_errors": form_errors}, status=status)


# ---- organisers -------------------------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
@organiser_required
def dashboard(request, edition, organiser):
    status = 200
    if request.method == "POST":
        try:
            _act(request, edition)
            return redirect(reverse("puentes_awards:jury_dashboard", args=[edition.slug]))
        except services.JuryError as failure:
            messages.error(request, str(failure))
            status = 400
    settings = services.jury_settings(edition)
    criteria = services.grid(edition)
    rule_labels = dict(setup.tiebreak_rules(criteria))
    context = {"edition": edition, "settings": settings, "criteria": criteria,
               "tiebreak_labels": [rule_labels.get(rule, rule) for rule in settings.tiebreak_order],
               "criteria_locked": services.scoring_started(edition),
               "jurors": edition.jurors.select_related("user"),
               "assigned": edition.entries.filter(jury_assignments__round=SCREENING).distinct().count(),
               "eligible": edition.entries.filter(eligible=True).count(),
               "finalists": [f.entry for f in Finalist.objects.filter(edition=edition).select_related("entry")],
               "winners": Winner.objects.filter(edition=edition).select_related("entry"),
               "results_published": services.results_published(edition),
               "prizes": [edition.first_prize, edition.second_prize, edition.third_prize]}
    context.update(_screening(edition))
    context.update(_final(edition))
    context["progress"] = _progress(edition)
    return render(request, "puentes_awards/jury/dashboard.html", context, status=status)


def _act(request, edition):
    action = request.POST.get("action")
    if action == "assign":
        services.assign_screening(edition, request.user)
        messages.success(request, _("Entries assigned to the jury."))
    elif action == "finalists":
        chosen = request.POST.getlist("finalist")
        entries = list(Entry.objects.filter(edition=edition, uuid__in=_uuids(chosen)))
        if len(entries) != len(set(chosen)):
            raise services.JuryError(_("One of the chosen entries is not in this competition."))
        services.choose_finalists(edition, entries, request.user)
        messages.success(request, _("Finalists chosen; the final round is open."))
    elif action == "winners":
        places = []
        for place in (1, 2, 3):
            entry = Entry.objects.filter(edition=edition, uuid__in=_uuids([request.POST.get(f"place-{place}")])).first()
            if entry is None:
                raise services.JuryError(_("Choose a finalist for each of the three places."))
            try:
                amount = Decimal(str(request.POST.get(f"amount-{place}", "")).strip().replace(",", ".")[:40])
            except InvalidOperation as error:
                raise services.JuryError(_("Write each prize amount as a number, e.g. 25000.")) from error
            places.append((entry, amount))
        services.confirm_winners(edition, places, request.user)
        messages.success(request, _("Winners confirmed. Preview the results page, then publish it."))
    elif action == "reopen":
        services.reopen_results(edition, request.POST.get("reason", ""), request.user)
        messages.success(request, _("The results are reopened. The reason is in the audit log."))
    else:
        raise services.JuryError(_("Unknown action."))


# ---- organisers: set-up before scoring ---------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
@organiser_required
def edit_criteria(request, edition, organiser):
    """Weights, level descriptions and minimums; locked once a juror has started scoring."""
    locked = setup.criteria_lock_reason(services.scoring_started(edition))
    current = services.criterion_rows(edition)
    submitted = None
    status, form_errors = 200, FieldErrors()
    if request.method == "POST":
        submitted = request.POST  # shown back on a refusal, so nothing the organiser typed is lost
        try:
            if locked:
                raise services.JuryError(locked)
            rows = setup.read_criteria_form(request.POST, current, services.DEFAULTS,
                                            services.jury_settings(edition).tiebreak_order)
            services.update_criteria(edition, rows, request.user)
            messages.success(request, _("Criteria saved."))
            return redirect(reverse("puentes_awards:jury_dashboard", args=[edition.slug]))
        except (setup.SetupError, services.JuryError) as failure:
            form_errors = from_failure(failure)
            status = 400
    return render(request, "puentes_awards/jury/criteria.html", {
        "edition": edition, "locked": locked, "rows": [_criterion_fields(row, submitted) for row in current],
        "new": _criterion_fields(None, submitted), "levels": list(range(6)),
        "total_weight": sum(row.weight for row in current), "form_errors": form_errors}, status=status)


def _criterion_fields(row, submitted):
    """What one criterion's fieldset shows: the submitted values after a refusal, else what is stored.

    Field names are the ones setup.read_criteria_form reads: weight-<code>, level-<code>-3; new-weight, new-level-3.
    """
    default = services.DEFAULTS.get(row.code) if row else None

    def value(name, stored):
        return submitted.get(name, "") if submitted is not None else stored

    def name_of(field):
        return f"{field}-{row.code}" if row else f"new-{field}"

    stored_levels = list(row.levels) if row and row.levels else [""] * 6
    return {
        "code": row.code if row else "new", "default": default,
        "label": (row.name or (default.name if default else row.code)) if row else "",
        "weight": value(name_of("weight"), row.weight if row else ""),
        "minimum": str(value(name_of("minimum"), "" if not row or row.minimum is None else row.minimum)),
        "name": value(name_of("name"), row.name if row else ""),
        "removed": bool(row and value(f"remove-{row.code}", "")),
        "new_code": "" if row else value("new-code", ""),
        "levels": [{"level": level, "value": value(f"{name_of('level')}-{level}", stored_levels[level]),
                    "default": default.levels[level] if default else ""} for level in range(6)],
    }


@require_http_methods(["GET", "POST"])
@organiser_required
def edit_settings(request, edition, organiser):
    """k, seed, what jurors see, conflict rules and the tie-break order; locked once the order is published."""
    settings = services.jury_settings(edition)
    locked = setup.settings_lock_reason(settings.tiebreak_published_at)
    criteria = services.grid(edition)
    rules = setup.tiebreak_rules(criteria)
    values = {"jurors_per_entry": settings.jurors_per_entry, "seed": settings.seed,
              "show_municipality": settings.show_municipality,
              "conflict_same_municipality": settings.conflict_same_municipality,
              "conflict_same_country": settings.conflict_same_country}
    order = list(settings.tiebreak_order)
    status, form_errors = 200, FieldErrors()
    if request.method == "POST":
        values = {name: request.POST.get(name, "") for name in values}
        order = [request.POST.get(f"tiebreak-{position}", "") for position in range(1, len(rules) + 1)]
        try:
            if locked:
                raise services.JuryError(locked)
            services.update_settings(edition, setup.read_settings_form(request.POST, criteria), request.user)
            messages.success(request, _("Jury settings saved."))
            return redirect(reverse("puentes_awards:jury_dashboard", args=[edition.slug]))
        except (setup.SetupError, services.JuryError) as failure:
            form_errors = from_failure(failure)
            status = 400
    positions = [{"position": position, "chosen": order[position - 1] if position <= len(order) else ""}
                 for position in range(1, len(rules) + 1)]
    return render(request, "puentes_awards/jury/settings.html", {
        "edition": edition, "locked": locked, "values": values, "rules": rules, "positions": positions,
        "active_jurors": edition.jurors.filter(active=True).count(), "form_errors": form_errors}, status=status)


def _progress(edition):
    """Per juror and round: sheets submitted and in draft of those assigned (before any ranking exists)."""
    counts = (JuryAssignment.objects.filter(juror__edition=edition)
              .values("juror__user__username", "juror__user__first_name", "juror__user__last_name", "round")
              .annotate(assigned=Count("id"), submitted=Count("id", filter=Q(sheet__status=ScoreSheet.SUBMITTED)),
                        drafts=Count("id", filter=Q(sheet__status=ScoreSheet.DRAFT)))
              .order_by("round", "juror__user__username"))
    return [{"juror": " ".join(filter(None, (row["juror__user__first_name"], row["juror__user__last_name"])))
             or row["juror__user__username"], "round": row["round"], "assigned": row["assigned"],
             "submitted": row["submitted"], "drafts": row["drafts"],
             "percent": round(100 * row["submitted"] / row["assigned"]) if row["assigned"] else 0} for row in counts]


def _on_scale(value):
    """A severity-corrected score on the criteria's 0-100 scale (the correction can overshoot either end)."""
    return min(100.0, max(0.0, float(value)))


def _uuids(values):
    import uuid
    found = []
    for value in values:
        try:
            found.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    return found


def _screening(edition):
    if not services.submitted_sheets(edition, SCREENING).exists():
        return {}
    try:
        ranking, reliability, entries = services.screening_ranking(edition)
    except services.JuryError as failure:
        return {"ranking_error": str(failure)}
    zone_members = {entry_id for zone in ranking.tie_zones for entry_id in zone.entry_ids}
    rows = [{"estimate": estimate, "entry": entries[estimate.entry_id], "tied": estimate.entry_id in zone_members,
             "adjusted": _on_scale(estimate.adjusted), "low": _on_scale(estimate.low), "high": _on_scale(estimate.high),
             "top_percent": round(100 * estimate.top_probability)} for estimate in ranking.entries]
    labels = {code: criterion.name for code, criterion in ((c.code, c) for c in services.grid(edition))}
    totals = services.totals_by_juror(edition)
    return {
        "ranking": ranking, "ranking_rows": rows,
        "reliability": [{"row": row, "label": labels.get(row.code, row.code)} for row in reliability],
        "juror_chart": charts.juror_distributions(
            [(juror.juror_id, totals.get(juror.juror_id, []), juror.severity) for juror in ranking.jurors],
            _("Scores given by each juror"),
            _("Each dot is one total out of 100; the red line is the juror's mean. Jurors harshest first.")),
        "adjusted_chart": _adjusted_chart(rows[:TOP_CHART_ROWS]),
    }


def _adjusted_chart(rows):
    labels = results_page.entry_labels(row["entry"] for row in rows)
    return charts.adjusted_with_intervals(
        [(labels[row["entry"].pk], row["estimate"].adjusted, row["estimate"].low, row["estimate"].high,
          charts.TIE if row["tied"] else charts.OTHER) for row in rows],
        _("Adjusted scores with their 95% intervals"),
        _("Each mark is an entry's score corrected for juror severity; the bar is its uncertainty. "
          "The legend tells the tie zone apart."))


def _final(edition):
    if not FinalBallot.objects.filter(juror__edition=edition).exists():
        return {}
    try:
        result, settled, finalists = services.final_result(edition)
    except services.JuryError as failure:
        return {"final_error": str(failure)}
    return {"final_tiers": [[finalists[uuid] for uuid in tier] for tier in settled.tiers],
            "schulze_ties": [[finalists[uuid] for uuid in tier] for tier in result.ties],
            "tiebreak_decisions": settled.decisions,
            "ballots": FinalBallot.objects.filter(juror__edition=edition).count()}


def _score_rows(edition):
    sheets = (ScoreSheet.objects.filter(assignment__entry__edition=edition)
              .select_related("assignment__entry", "assignment__juror__user").order_by("id"))
    codes = [criterion.code for criterion in services.grid(edition)]
    for sheet in sheets:
        row = {"round": sheet.assignment.round, "entry": str(sheet.assignment.entry.uuid),
               "municipality": sheet.assignment.entry.municipality, "country": sheet.assignment.entry.country,
               "juror": sheet.assignment.juror.user.username, "status": sheet.status, "total": sheet.total,
               "submitted_at": sheet.submitted_at.isoformat() if sheet.submitted_at else ""}
        for code in codes:
            row[code] = sheet.levels.get(code)
            row[f"{code}_comment"] = sheet.comments.get(code, "")
        yield row


@require_http_methods(["GET"])
@organiser_required
def export_csv(request, edition, organiser):
    rows = list(_score_rows(edition))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{edition.slug}-scores.csv"'
    codes = [criterion.code for criterion in services.grid(edition)]
    fields = ["round", "entry", "municipality", "country", "juror", "status", "total", "submitted_at"]
    fields += [name for code in codes for name in (code, f"{code}_comment")]
    writer = csv.DictWriter(response, fieldnames=fields)
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(value) for key, value in row.items()})   # formulas stay text (L6)
    return response


@require_http_methods(["GET"])
@organiser_required
def export_json(request, edition, organiser):
    return JsonResponse({"edition": edition.slug, "scores": list(_score_rows(edition)),
                         "audit": [{"at": log.at.isoformat(), "actor": log.actor_username, "action": log.action,
                                    "target": log.target, "before": log.before, "after": log.after}
                                   for log in AuditLog.objects.filter(edition=edition)]},
                        json_dumps_params={"ensure_ascii": False})


# ---- results: the organisers' preview and publication, then the public page --------------------------------

@require_http_methods(["GET"])
def results(request, slug):
    edition = get_object_or_404(Edition, slug=slug)
    settings = services.jury_settings(edition)
    # Published, and its winners still confirmed (build gives nothing without them): services.results_published.
    context = (results_page.build(edition, settings.results_scores_public, request_locale(request))
               if settings.results_published_at else {})
    if not context:
        raise Http404(_("The results of this competition are not published yet."))
    return render(request, "puentes_awards/jury/results.html", context)


@require_http_methods(["GET", "POST"])
@organiser_required
def results_preview(request, edition, organiser):
    """The public page as it would read, for this edition's organisers only, with the publish and withdraw forms.

    ?scores=1 previews it with every entry's score; publishing publishes what was previewed."""
    settings = services.jury_settings(edition)
    status, form_errors = 200, FieldErrors()
    scores_public = request.GET.get("scores", "1" if settings.results_scores_public else "0") == "1"
    if request.method == "POST":
        action = request.POST.get("action")
        scores_public = request.POST.get("scores") == "1"
        try:
            if action == "publish":
                if request.POST.get("confirm") != "yes":
                    form_errors.add("confirm", _("Tick the box to confirm that this preview is what everyone "
                                                 "may read."))
                    raise services.JuryError("")
                services.publish_results(edition, scores_public, request.user)
                messages.success(request, _("The results are published: everyone can read them now."))
            elif action == "unpublish":
                services.unpublish_results(edition, request.POST.get("reason", ""), request.user)
                messages.success(request, _("The results are withdrawn: the public page is closed again. "
                                            "The reason is in the audit log."))
            else:
                form_errors.add("", _("Unknown action."))
                raise services.JuryError("")
            return redirect(reverse("puentes_awards:jury_results_preview", args=[edition.slug])
                            + ("?scores=1" if scores_public else ""))
        except services.JuryError as failure:
            if str(failure):   # a missing reason is the field's fault; the rest is the results' state (409)
                missing_reason = action == "unpublish" and not request.POST.get("reason", "").strip()
                form_errors.add("reason" if missing_reason else "", str(failure))
            status = 400 if form_errors.first_field or not str(failure) else 409  # bad form: 400; state: 409
    context = results_page.build(edition, scores_public, request_locale(request))
    context.update({"edition": edition, "preview": True, "settings": settings, "form_errors": form_errors,
                    "published": services.results_published(edition), "scores_public": scores_public})
    return render(request, "puentes_awards/jury/results.html", context, status=status)
