"""The analysts' pages: the figures of an instrument, its exports and its analytical reports.

Course staff of a course that asks the instrument, global staff and named analysts (access.py) may read
them; nobody reads a single respondent's answers here, only figures of consented, submitted responses
with small cells suppressed.
"""
import functools
import json

from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import access, exports, presentation, reports, summaries
from .exports import CSV, JSON


def analyst_required(view):
    @functools.wraps(view)
    def wrapped(request, instrument, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not access.may_analyse(request.user, instrument):
            return render(request, "puentes_assessment/forbidden.html", {"instrument": instrument}, status=403)
        return view(request, instrument, *args, **kwargs)
    return wrapped


@require_GET
def index(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return render(request, "puentes_assessment/index.html", {"instruments": access.instruments_for(request.user)})


@require_GET
@analyst_required
def analysis_page(request, instrument):
    summary = summaries.summary(instrument, translation.get_language())
    return render(request, "puentes_assessment/analysis.html", {
        "instrument": instrument, "summary": summary, "charts": presentation.chart_set(summary),
        "report": reports.latest(instrument)})


@require_GET
@analyst_required
def export(request, instrument, name):
    language = translation.get_language()
    if name == "figures.csv":
        body, content_type = exports.figures_csv(summaries.summary(instrument, language)), CSV
    elif name == "codebook.csv":
        body, content_type = exports.codebook_csv(instrument, language), CSV
    else:
        body = json.dumps(exports.figures_json(summaries.summary(instrument, language), instrument, language),
                          ensure_ascii=False, indent=1)
        content_type = JSON
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{instrument}-{name}"'
    return response


@require_POST
@analyst_required
def request_report(request, instrument):
    report = reports.request(instrument, request.user)
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse(reports.status_json(report), status=202)
    return redirect("puentes_assessment:analysis", instrument=instrument)


@require_GET
@analyst_required
def report_status(request, instrument, report_id):
    report = reports.get(instrument, report_id)
    if report is None:
        return JsonResponse({"error": _("There is no such report for this instrument.")}, status=404)
    return JsonResponse(reports.status_json(report))


@require_GET
@analyst_required
def report_file(request, instrument, report_id, language, file_format):
    opened = reports.open_file(instrument, report_id, f"{language}.{file_format}")
    if opened is None:
        raise Http404(_("This report file is not ready, or does not exist."))
    return FileResponse(opened, as_attachment=file_format == "pdf",
                        filename=f"{instrument}-report-{language}.{file_format}",
                        content_type={"pdf": "application/pdf", "html": "text/html; charset=utf-8"}[file_format])
