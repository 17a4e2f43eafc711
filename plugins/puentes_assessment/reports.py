"""The analytical report: built by a Celery task in English, Spanish and Portuguese, as HTML and PDF
(WeasyPrint), with progress the analysts' page shows while it runs.

Good practices come from proposals whose teams confirmed their entry (approved, with consent to publish),
read through puentes_proposals.api only.
"""
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from . import access, codebooks, presentation, summaries
from .models import Report

LANGUAGES = (("en", "en"), ("es", "es-419"), ("pt", "pt-br"))  # file name, Django language
STAGES = {
    "queued": gettext_noop("Waiting for a worker"),
    "practices": gettext_noop("Collecting good practices"),
    "figures": gettext_noop("Computing the figures"),
    "writing": gettext_noop("Writing the documents"),
    "done": gettext_noop("Ready"),
    "failed": gettext_noop("Failed"),
}
MAX_PRACTICES = 12


def storage():
    return storages[settings.PUENTES_ASSESSMENT_REPORT_STORAGE]


def request(instrument, user):
    from .tasks import build_report
    report = Report.objects.create(instrument=instrument, requested_by=user, steps_total=2 + 2 * len(LANGUAGES),
                                   stage="queued")
    transaction.on_commit(lambda: build_report.delay(report.pk))
    return report


def latest(instrument):
    return Report.objects.filter(instrument=instrument).order_by("-requested_at", "-id").first()


def get(instrument, report_id):
    return Report.objects.filter(instrument=instrument, pk=report_id).first()


def status_json(report):
    files = {name: reverse("puentes_assessment:report_file", kwargs={
        "instrument": report.instrument, "report_id": report.pk, "language": name.split(".")[0],
        "file_format": name.split(".")[1]}) for name in sorted(report.files)}
    language = translation.get_language()
    labels = {}
    for name in files:
        code, file_format = name.split(".")
        labels[name] = f"{codebooks.language_name(code, language)} ({file_format.upper()})"
    return {"id": report.pk, "state": report.state, "labels": labels,
            "stage": translation.gettext(STAGES.get(report.stage, "")),
            "steps_done": report.steps_done, "steps_total": report.steps_total,
            "percent": round(100 * report.steps_done / report.steps_total) if report.steps_total else 0,
            "files": files, "error": report.error}


def open_file(instrument, report_id, name):
    report = get(instrument, report_id)
    if report is None or report.state != Report.DONE or name not in report.files:
        return None
    return storage().open(report.files[name], "rb")


def _advance(report, stage, steps=1):
    report.stage = stage
    report.steps_done = min(report.steps_total, report.steps_done + steps)
    report.save(update_fields=["stage", "steps_done"])


def good_practices(instrument):
    """Approved proposals whose teams consented to publication, from the courses that ask this instrument."""
    from puentes_proposals import api as proposals  # noqa: PLC0415 - only the report needs the proposals app
    practices = []
    for batch in proposals.finished_proposals(access.courses_of(instrument)):
        for finished in batch:
            snapshot = proposals.get_snapshot(finished.proposal.proposal_id, finished.proposal.version)
            practices.append(snapshot)
    practices.sort(key=lambda s: (s.country, s.municipality, s.title))
    return practices[:MAX_PRACTICES]


def _summary_text(snapshot):
    """The proposal's first written section, as plain text, cut to a paragraph."""
    from puentes_proposals import api as proposals  # noqa: PLC0415 - only the report needs the proposals app
    for section in snapshot.sections:
        if isinstance(section.value, str) and section.section_type in ("long_text", "short_text") \
                and section.section_id != "title":
            # Paragraphs kept apart and entities read as characters: the report prints text, not markup.
            text = " ".join(proposals.answer_text(section.section_type, section.value).split("\n"))
            if text:
                return text if len(text) <= 600 else text[:600].rsplit(" ", 1)[0] + "…"
    return ""


def build(report_id):
    """The task's body: every language, HTML then PDF, each stored as soon as it is written."""
    from weasyprint import HTML  # noqa: PLC0415 - needs pango; only the worker builds reports

    report = Report.objects.get(pk=report_id)
    report.state, report.steps_done = Report.RUNNING, 0
    report.save(update_fields=["state", "steps_done"])
    try:
        practices = [{"snapshot": s, "summary": _summary_text(s)} for s in good_practices(report.instrument)]
        _advance(report, "practices")
        _advance(report, "figures")
        for name, language in LANGUAGES:
            with translation.override(language):
                summary = summaries.summary(report.instrument, language)
                html = render_to_string("puentes_assessment/report.html", {
                    "instrument": report.instrument, "summary": summary, "charts": presentation.chart_set(summary),
                    "practices": practices, "generated_at": timezone.now(), "language": name})
            report.files[f"{name}.html"] = storage().save(
                f"puentes_assessment/reports/{report.pk}/{name}.html", ContentFile(html.encode("utf-8")))
            _advance(report, "writing")
            pdf = HTML(string=html).write_pdf()
            report.files[f"{name}.pdf"] = storage().save(
                f"puentes_assessment/reports/{report.pk}/{name}.pdf", ContentFile(pdf))
            report.save(update_fields=["files"])
            _advance(report, "writing")
        report.state, report.stage, report.finished_at = Report.DONE, "done", timezone.now()
        report.save(update_fields=["state", "stage", "finished_at", "files"])
    except Exception as error:  # noqa: BLE001 - the page must show that the build failed, and why
        report.state, report.stage, report.error = Report.FAILED, "failed", f"{type(error).__name__}: {error}"
        report.finished_at = timezone.now()
        report.save(update_fields=["state", "stage", "error", "finished_at"])
        raise
    return report
