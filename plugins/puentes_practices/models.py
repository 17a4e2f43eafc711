"""Practices and how they came to be public. Private to the app (OEP-49): other packages use api.py."""
from django.conf import settings
from django.db import models
from opaque_keys.edx.django.models import CourseKeyField

from .search import FoldedTextField


class Practice(models.Model):
    """A project the course produced, as a peer in another city needs to read it.

    Made from an approved proposal whose team consented to publish it, or from a competition entry an
    organiser marked. Nothing is public until a moderator publishes it; the team can withdraw it at any time.
    """

    PENDING, PUBLISHED, WITHDRAWN = "pending", "published", "withdrawn"
    STATUSES = [(PENDING, "pending"), (PUBLISHED, "published"), (WITHDRAWN, "withdrawn")]
    FROM_PROPOSAL, FROM_ENTRY = "proposal", "entry"

    source = models.CharField(max_length=10, choices=[(FROM_PROPOSAL, "proposal"), (FROM_ENTRY, "entry")])
    proposal_id = models.BigIntegerField(unique=True)   # one practice per proposal, whichever way it came
    version = models.PositiveIntegerField()
    entry_uuid = models.CharField(max_length=36, blank=True, default="")
    course_key = CourseKeyField(max_length=255)
    language = models.CharField(max_length=5)           # the language the team wrote in: en, es, pt
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True, default="")  # the public summary; moderators edit it
    problem = models.TextField(blank=True, default="")
    actions = models.TextField(blank=True, default="")
    partners = models.TextField(blank=True, default="")
    indicators = models.JSONField(default=list, blank=True)   # [{"indicator", "baseline", "target"}]
    municipality = models.CharField(max_length=200)
    country = models.CharField(max_length=2)                  # ISO 3166-1 alpha-2
    budget_total = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, default="USD")
    budget_band = models.CharField(max_length=12, blank=True, default="")
    award = models.CharField(max_length=10, blank=True, default="")   # "", "winner", "mention"
    award_place = models.PositiveSmallIntegerField(null=True, blank=True)
    edition_name = models.CharField(max_length=200, blank=True, default="")
    contact_email = models.EmailField(blank=True, default="")   # only when the team opted in
    in_network = models.BooleanField(default=False)            # the municipality is listed in the directory
    status = models.CharField(max_length=10, choices=STATUSES, default=PENDING)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # Accent-free lower-case words of the title, summary and texts: what search reads (FULLTEXT on MariaDB).
    search_text = FoldedTextField(blank=True, default="")

    class Meta:
        indexes = [
            models.Index(fields=["status", "published_at"], name="practice_public_idx"),
            models.Index(fields=["status", "country"], name="practice_country_idx"),
            models.Index(fields=["status", "budget_band"], name="practice_band_idx"),
            models.Index(fields=["status", "award"], name="practice_award_idx"),
        ]

    def __str__(self):
        return f"{self.title} ({self.municipality}, {self.country})"


class PracticeTag(models.Model):
    """A thematic area or a group served: rows, so filters and counts use an index on every database."""

    AREA, GROUP = "area", "group"
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="tags")
    kind = models.CharField(max_length=5, choices=[(AREA, "area"), (GROUP, "group")])
    code = models.CharField(max_length=20)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["practice", "kind", "code"], name="practice_tag_once")]
        indexes = [models.Index(fields=["kind", "code", "practice"], name="practice_tag_idx")]


class PracticeEvent(models.Model):
    """What happened to a practice and who did it: consent, publication, edits, withdrawal. Append-only."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=20)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["at", "id"]


class LibraryModerator(models.Model):
    """Someone who publishes, edits and withdraws practices (granted in the Django admin; global staff may too)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return str(self.user)
