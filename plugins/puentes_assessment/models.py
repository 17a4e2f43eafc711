"""What the app stores. Private to the app (OEP-49): other packages go through api.py.

A learner answers an instrument (the same question codes in every course language) as one pseudonymous
`Respondent`; each block they answer (baseline, end-line) is one `Response`, a draft until submitted.
Only submitted responses whose respondent consented to research use ever leave the learner's own view.
"""
import secrets

from django.conf import settings
from django.db import models
from opaque_keys.edx.django.models import CourseKeyField, UsageKeyField

WAVES = [("baseline", "baseline"), ("endline", "endline")]


def new_pseudonym():
    return "R-" + secrets.token_hex(6)


class Respondent(models.Model):
    """One learner in one instrument, known outside the block only by a random pseudonym."""

    instrument = models.CharField(max_length=64)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    pseudonym = models.CharField(max_length=20, unique=True, default=new_pseudonym)
    # Research use is asked once per instrument, apart from the course: None not asked, False declined.
    consent = models.BooleanField(null=True, default=None)
    consent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["instrument", "user"], name="respondent_once_per_instrument")]

    def __str__(self):
        return self.pseudonym


class Response(models.Model):
    respondent = models.ForeignKey(Respondent, on_delete=models.CASCADE, related_name="responses")
    instrument = models.CharField(max_length=64)
    wave = models.CharField(max_length=10, choices=WAVES)
    course_key = CourseKeyField(max_length=255)
    block_key = UsageKeyField(max_length=255)
    language = models.CharField(max_length=10, blank=True, default="")
    municipality = models.CharField(max_length=200, blank=True, default="")
    # Accents, case and spacing removed: "Cúcuta" and "cucuta " are one municipality ("CO:cucuta").
    municipality_key = models.CharField(max_length=210, blank=True, default="")
    country = models.CharField(max_length=2, blank=True, default="")  # ISO 3166-1 alpha-2
    answers = models.JSONField(default=dict)       # question code -> value (codes, numbers, text)
    saved_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["block_key", "respondent"], name="response_once_per_block")]
        indexes = [models.Index(fields=["instrument", "submitted_at"], name="response_analysis_idx")]

    def __str__(self):
        return f"{self.respondent_id} {self.wave} {self.block_key}"


class Codebook(models.Model):
    """The questionnaire as a block in one language shows it: codes, types, labels. Written on submission,
    so the analysts' page and exports can name every code in the reader's language."""

    instrument = models.CharField(max_length=64)
    language = models.CharField(max_length=10)
    wave = models.CharField(max_length=10, choices=WAVES)
    fingerprint = models.CharField(max_length=64)
    definition = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["instrument", "language", "wave"], name="codebook_once")]


class AnalystGrant(models.Model):
    """A named analyst of one instrument: may read its analysts' page, exports and reports (never raw rows)."""

    instrument = models.CharField(max_length=64)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["instrument", "user"], name="analyst_once")]

    def __str__(self):
        return f"{self.user_id} analyses {self.instrument}"


class Report(models.Model):
    """One build of the analytical report (en, es, pt; HTML and PDF), with the progress the page shows."""

    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATES = [(s, s) for s in (QUEUED, RUNNING, DONE, FAILED)]

    instrument = models.CharField(max_length=64)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=10, choices=STATES, default=QUEUED)
    steps_done = models.PositiveIntegerField(default=0)
    steps_total = models.PositiveIntegerField(default=1)
    stage = models.CharField(max_length=40, blank=True, default="")
    files = models.JSONField(default=dict)      # "es.pdf" -> storage name
    error = models.TextField(blank=True, default="")
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["instrument", "-requested_at"], name="report_latest_idx")]
