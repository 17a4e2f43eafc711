"""What the hand-off stores: competition editions, their entries, and the messages that carry entries out.

Private to the app (OEP-49): other packages go through api.py.
"""
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from opaque_keys.edx.django.models import CourseKeyField

from .storage import awards_storage


class Edition(models.Model):
    """One year's regional competition: its call for entries, its three prizes, who may enter."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    call_opens_at = models.DateTimeField()
    call_closes_at = models.DateTimeField()
    first_prize = models.DecimalField(max_digits=12, decimal_places=2)
    second_prize = models.DecimalField(max_digits=12, decimal_places=2)
    third_prize = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3, help_text="ISO 4217 code, e.g. USD")
    # Eligibility rules. Empty countries = every country may enter.
    budget_cap = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True,
                                     help_text="Largest total budget a project may ask for, in the edition's currency")
    countries = models.JSONField(default=list, blank=True, help_text="ISO 3166-1 alpha-2 codes allowed to enter")
    organisers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="organised_editions")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-call_opens_at"]

    def __str__(self):
        return self.name


class EditionCourse(models.Model):
    """A course run whose finished proposals may enter the edition, and the language its teams read."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="courses")
    course_key = CourseKeyField(max_length=255, db_index=True)
    language = models.CharField(max_length=10, default="en")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["edition", "course_key"], name="awards_one_course_per_edition")]

    def __str__(self):
        return f"{self.course_key} ({self.language})"


class Entry(models.Model):
    """A finished proposal as it entered the competition: a snapshot nobody edits afterwards."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="entries")
    proposal_id = models.BigIntegerField()
    version = models.PositiveIntegerField()
    course_key = CourseKeyField(max_length=255)
    block_key = models.CharField(max_length=255)
    title = models.CharField(max_length=300)
    municipality = models.CharField(max_length=200)
    country = models.CharField(max_length=2)
    language = models.CharField(max_length=10, default="en")
    team = models.JSONField(default=list)
    snapshot = models.JSONField()
    eligible = models.BooleanField()
    ineligibility = models.JSONField(default=list, blank=True)  # [{"code": ..., **params}], empty when eligible
    submitted_at = models.DateTimeField()
    approved_at = models.DateTimeField()
    entered_at = models.DateTimeField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "entries"
        ordering = ["edition", "created", "id"]
        constraints = [
            models.UniqueConstraint(fields=["proposal_id", "version"], name="awards_one_entry_per_version"),
            models.UniqueConstraint(fields=["edition", "proposal_id"], name="awards_one_entry_per_proposal"),
        ]

    def __str__(self):
        return f"{self.municipality} ({self.country}): {self.title}"

    def save(self, *args, **kwargs):
        if not self._state.adding and self.snapshot != getattr(self, "_stored_snapshot", self.snapshot):
            raise ValueError("An entry's snapshot is immutable")
        super().save(*args, **kwargs)
        self._stored_snapshot = self.snapshot

    @classmethod
    def from_db(cls, db, field_names, values):
        entry = super().from_db(db, field_names, values)
        if "snapshot" in field_names:
            entry._stored_snapshot = entry.snapshot
        return entry


class EntryAttachment(models.Model):
    """A file of the entered version, copied into the awards storage so the course can change freely."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="attachments")
    attachment_id = models.BigIntegerField()
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    file = models.FileField(storage=awards_storage, max_length=500)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "attachment_id"], name="awards_attachment_once")]

    def __str__(self):
        return self.name


class OutboxMessage(models.Model):
    """One entry to carry to one destination. The row, not the Celery message, is the source of truth."""

    HTTP = "http"
    EVENT_BUS = "event_bus"
    DESTINATIONS = [(HTTP, "external awards system (HTTP)"), (EVENT_BUS, "Open edX event bus")]
    PENDING, DELIVERED, DEAD = "pending", "delivered", "dead"
    STATUSES = [(PENDING, "pending"), (DELIVERED, "delivered"), (DEAD, "dead letter")]

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="outbox")
    destination = models.CharField(max_length=20, choices=DESTINATIONS)
    idempotency_key = models.CharField(max_length=100, unique=True)
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=STATUSES, default=PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    lease_expires_at = models.DateTimeField(null=True, blank=True)  # a worker is delivering it until then
    lease_token = models.CharField(max_length=32, blank=True, db_index=True)  # which claim holds it
    response_status = models.PositiveIntegerField(null=True, blank=True)
    response_body = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="awards_outbox_due")]
        constraints = [models.UniqueConstraint(fields=["entry", "destination"], name="awards_outbox_once")]

    def __str__(self):
        return f"{self.destination} {self.idempotency_key} ({self.status})"


class ReceivedEntry(models.Model):
    """An entry another site handed to us through the receiving endpoint, stored once per key and body."""

    sender = models.CharField(max_length=255, blank=True)
    idempotency_key = models.CharField(max_length=255, unique=True)
    body_hash = models.CharField(max_length=64, unique=True)
    payload = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "received entries"
        ordering = ["-received_at", "-id"]

    def __str__(self):
        return f"{self.sender or '?'} {self.idempotency_key}"


# The jury's models (issue 6) live in jury/models.py; importing them here registers them with the app.
from .jury.models import (  # noqa: E402, F401
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
