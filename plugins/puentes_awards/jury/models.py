"""Jury models. Imported by puentes_awards.models so Django registers them in the app."""
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone

from puentes_core import rulebook

from ..scoring.tiebreak import DEFAULT_ORDER

SCREENING, FINAL = "screening", "final"
ROUNDS = [(SCREENING, "screening"), (FINAL, "final")]


def default_tiebreak():
    return list(DEFAULT_ORDER)


# The rulebook (puentes_core/rulebook.toml) says how a jury works; a row made without services.jury_settings
# (the admin, a fixture) starts from the same rules.
def default_jurors_per_entry():
    return rulebook.load().jurors_per_entry


def default_show_municipality():
    """Blind scoring (the rulebook's `jury.blind`) hides the municipality from the jurors."""
    return not rulebook.load().blind


class JurySettings(models.Model):
    """How an edition's jury works; created with the edition's first juror or by the organisers."""

    edition = models.OneToOneField("puentes_awards.Edition", on_delete=models.CASCADE, related_name="jury_settings")
    jurors_per_entry = models.PositiveSmallIntegerField(default=default_jurors_per_entry)
    seed = models.PositiveIntegerField(default=2027, help_text="Makes the assignment reproducible")
    show_municipality = models.BooleanField(default=default_show_municipality,
                                            help_text="Jurors see the entry's municipality")
    conflict_same_municipality = models.BooleanField(default=True)
    conflict_same_country = models.BooleanField(default=False)
    tiebreak_order = models.JSONField(default=default_tiebreak)
    tiebreak_published_at = models.DateTimeField(null=True, blank=True)
    # The results page is public only from this moment (services.publish_results); confirming the winners
    # alone shows it to the organisers as a preview.
    results_published_at = models.DateTimeField(null=True, blank=True)
    results_published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                             on_delete=models.SET_NULL, related_name="+")
    # Off: the public sees the winners' scores and the other entries' names only.
    results_scores_public = models.BooleanField(default=False,
                                                help_text="The public results show every entry's score")

    class Meta:
        verbose_name_plural = "jury settings"

    def __str__(self):
        return f"jury settings of {self.edition}"


class EditionCriterion(models.Model):
    """One row of an edition's scoring grid; default criteria keep name and levels blank to use translated text."""

    edition = models.ForeignKey("puentes_awards.Edition", on_delete=models.CASCADE, related_name="criteria")
    code = models.SlugField(max_length=40)
    position = models.PositiveSmallIntegerField(default=0)
    weight = models.PositiveSmallIntegerField()
    minimum = models.PositiveSmallIntegerField(null=True, blank=True)
    name = models.CharField(max_length=200, blank=True)
    levels = models.JSONField(default=list, blank=True)  # six descriptions, or [] for the default text

    class Meta:
        ordering = ["edition", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["edition", "code"], name="awards_criterion_once")]

    def __str__(self):
        return self.code


class Juror(models.Model):
    """A user who judges one edition. Granted in the admin or with `puentes_awards_grant_role`."""

    edition = models.ForeignKey("puentes_awards.Edition", on_delete=models.CASCADE, related_name="jurors")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="award_juries")
    municipality = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=2, blank=True)
    active = models.BooleanField(default=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["edition", "user__username"]
        constraints = [models.UniqueConstraint(fields=["edition", "user"], name="awards_juror_once")]

    def __str__(self):
        return f"{self.user} ({self.edition})"


class ConflictDeclaration(models.Model):
    """A juror's own declaration that they must not judge an entry."""

    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="declarations")
    entry = models.ForeignKey("puentes_awards.Entry", on_delete=models.CASCADE, related_name="declared_conflicts")
    reason = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["juror", "entry"], name="awards_declaration_once")]

    def __str__(self):
        return f"{self.juror.user} ≠ {self.entry}"


class JuryAssignment(models.Model):
    """Juror to judge entry in a round."""

    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="assignments")
    entry = models.ForeignKey("puentes_awards.Entry", on_delete=models.CASCADE, related_name="jury_assignments")
    round = models.CharField(max_length=10, choices=ROUNDS, default=SCREENING)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["juror", "entry", "round"], name="awards_assignment_once")]

    def __str__(self):
        return f"{self.juror.user} → {self.entry} ({self.round})"


class ScoreSheet(models.Model):
    """A juror's levels and comments for one assignment; a draft until submitted."""

    DRAFT, SUBMITTED = "draft", "submitted"
    assignment = models.OneToOneField(JuryAssignment, on_delete=models.CASCADE, related_name="sheet")
    levels = models.JSONField(default=dict)     # {criterion code: 0..5}
    comments = models.JSONField(default=dict)   # {criterion code: text}
    status = models.CharField(max_length=10, choices=[(DRAFT, "draft"), (SUBMITTED, "submitted")], default=DRAFT)
    total = models.FloatField(null=True, blank=True)  # weighted, out of 100, once submitted
    updated = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.assignment} · {self.status}"


class Finalist(models.Model):
    edition = models.ForeignKey("puentes_awards.Edition", on_delete=models.CASCADE, related_name="finalists")
    entry = models.ForeignKey("puentes_awards.Entry", on_delete=models.CASCADE, related_name="finalist_of")
    chosen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["edition", "entry"], name="awards_finalist_once")]

    def __str__(self):
        return str(self.entry)


class FinalBallot(models.Model):
    """A juror's ranking of the finalists they may judge: {entry uuid: rank}, 1 best, equal ranks allowed."""

    juror = models.OneToOneField(Juror, on_delete=models.CASCADE, related_name="final_ballot")
    ranks = models.JSONField(default=dict)
    submitted_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"ballot of {self.juror.user}"


class Winner(models.Model):
    edition = models.ForeignKey("puentes_awards.Edition", on_delete=models.CASCADE, related_name="winners")
    entry = models.ForeignKey("puentes_awards.Entry", on_delete=models.PROTECT, related_name="prizes")
    place = models.PositiveSmallIntegerField()
    prize_amount = models.DecimalField(max_digits=12, decimal_places=2)
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["edition", "place"]
        constraints = [models.UniqueConstraint(fields=["edition", "place"], name="awards_one_winner_per_place"),
                       models.UniqueConstraint(fields=["edition", "entry"], name="awards_one_prize_per_entry")]

    def __str__(self):
        return f"{self.place}. {self.entry}"


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied("The audit log is append-only")

    def delete(self):
        raise PermissionDenied("The audit log is append-only")


class AuditLog(models.Model):
    """Append-only: who did what, when, with the state before and after."""

    edition = models.ForeignKey("puentes_awards.Edition", on_delete=models.PROTECT, related_name="audit_log")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    actor_username = models.CharField(max_length=150)  # kept if the account goes
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=60)
    target = models.CharField(max_length=200, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.action} {self.target}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied("The audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("The audit log is append-only")
