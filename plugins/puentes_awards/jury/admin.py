"""Admin for the jury: roles are granted here (jurors; organisers on the edition), the rest is shown as the record.

What decides the competition (assignment, scores, finalists, ballots, winners) changes only through the jury
pages, which check the rules and write the audit log; here those are read-only. Every change the admin does
allow is audited with the admin user as the actor. puentes_awards.admin imports this module so Django's
admin finds it.
"""
from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..scoring.criteria import ScoreError, check_scores
from ..scoring.tiebreak import check_order
from . import services, setup
from .models import (
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


class ViewOnlyAdmin(admin.ModelAdmin):
    """A record to read: no add, no change, no delete."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _fields(obj, names):
    return {name: _plain(getattr(obj, name)) for name in names}


def _plain(value):
    return value if isinstance(value, str | int | float | bool | list | dict | type(None)) else str(value)


# ---- roles ------------------------------------------------------------------------------------------------
# Organisers are granted on the edition (puentes_awards.admin.EditionAdmin audits it); jurors here.

JUROR_FIELDS = ["municipality", "country", "active"]


@admin.register(Juror)
class JurorAdmin(admin.ModelAdmin):
    list_display = ["user", "edition", "municipality", "country", "active", "created"]
    list_filter = ["edition", "active", "country"]
    search_fields = ["user__username", "municipality"]
    raw_id_fields = ["user"]

    def get_readonly_fields(self, request, obj=None):
        return ["edition", "user"] if obj else []

    def save_model(self, request, obj, form, change):
        obj.country = obj.country.upper()
        before = _fields(Juror.objects.get(pk=obj.pk), JUROR_FIELDS) if change else None
        super().save_model(request, obj, form, change)
        services.audit(obj.edition, request.user, "role.changed" if change else "role.granted", obj.user.username,
                       before=before, after={"role": "juror", **_fields(obj, JUROR_FIELDS)})

    def has_delete_permission(self, request, obj=None):
        # A juror who has scored stays on record (their scores are the ranking's evidence): untick "active".
        if obj is not None and ScoreSheet.objects.filter(assignment__juror=obj).exists():
            return False
        return super().has_delete_permission(request, obj)

    def delete_model(self, request, obj):
        services.audit(obj.edition, request.user, "role.revoked", obj.user.username, before={"role": "juror"})
        super().delete_model(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # one at a time, so each is checked and audited
        return actions


# ---- set-up -----------------------------------------------------------------------------------------------

class JurySettingsForm(forms.ModelForm):
    class Meta:
        model = JurySettings
        fields = ["edition", "jurors_per_entry", "seed", "show_municipality", "conflict_same_municipality",
                  "conflict_same_country", "tiebreak_order"]

    def clean(self):
        cleaned = super().clean()
        order, edition = cleaned.get("tiebreak_order"), cleaned.get("edition") or self.instance.edition
        if order is not None and edition is not None:
            if not isinstance(order, list) or not all(isinstance(rule, str) for rule in order):
                raise forms.ValidationError({"tiebreak_order": _("Write the order as a list of rules, e.g. "
                                                                 "[\"criterion:impact\", \"budget\"].")})
            try:
                check_order(order, {criterion.code for criterion in services.grid(edition)})
            except ValueError as error:
                raise forms.ValidationError({"tiebreak_order": str(error)}) from error
        return cleaned


SETTINGS_FIELDS = JurySettingsForm.Meta.fields[1:]


@admin.register(JurySettings)
class JurySettingsAdmin(admin.ModelAdmin):
    form = JurySettingsForm
    list_display = ["edition", "jurors_per_entry", "seed", "show_municipality", "tiebreak_published_at"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.tiebreak_published_at is not None:
            return ["edition", *SETTINGS_FIELDS, "tiebreak_published_at"]  # see setup.settings_lock_reason
        return ["edition", "tiebreak_published_at"] if obj else ["tiebreak_published_at"]

    def save_model(self, request, obj, form, change):
        before = _fields(JurySettings.objects.get(pk=obj.pk), SETTINGS_FIELDS) if change else None
        super().save_model(request, obj, form, change)
        services.audit(obj.edition, request.user, "settings.changed", before=before,
                       after=_fields(obj, SETTINGS_FIELDS))

    def has_delete_permission(self, request, obj=None):
        return False


class CriterionForm(forms.ModelForm):
    class Meta:
        model = EditionCriterion
        fields = ["edition", "code", "position", "weight", "minimum", "name", "levels"]

    def clean(self):
        cleaned = super().clean()
        levels = cleaned.get("levels")
        if levels is not None and (not isinstance(levels, list) or len(levels) not in (0, 6)
                                   or not all(isinstance(text, str) for text in levels)):
            raise forms.ValidationError({"levels": _("Give six descriptions, level 0 first, or [] for the "
                                                     "standard wording.")})
        edition = cleaned.get("edition") or getattr(self.instance, "edition", None)
        if edition is not None and services.scoring_started(edition):
            raise forms.ValidationError(setup.criteria_lock_reason(True))
        code = cleaned.get("code")
        if code and code not in services.DEFAULTS:
            if not cleaned.get("name") or not levels or not all(levels):
                raise forms.ValidationError(_("A criterion of your own needs a name and a description of each "
                                              "level from 0 to 5."))
        row = setup.CriterionRow(code or "", cleaned.get("weight") or 0, cleaned.get("minimum"),
                                 cleaned.get("name") or "", tuple(levels or ()))
        try:
            setup.check_rows([row], services.DEFAULTS)
        except setup.SetupError as error:
            raise forms.ValidationError(str(error)) from error
        return cleaned


def _criteria_locked(obj):
    return obj is not None and services.scoring_started(obj.edition)


@admin.register(EditionCriterion)
class EditionCriterionAdmin(admin.ModelAdmin):
    """Usually edited on the organisers' criteria page; locked here too once scoring has started."""

    form = CriterionForm
    list_display = ["edition", "position", "code", "weight", "minimum", "name"]
    list_filter = ["edition"]

    def get_readonly_fields(self, request, obj=None):
        return CriterionForm.Meta.fields if _criteria_locked(obj) else []

    def has_delete_permission(self, request, obj=None):
        return not _criteria_locked(obj) and super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        before = _fields(EditionCriterion.objects.get(pk=obj.pk), CriterionForm.Meta.fields[1:]) if change else None
        super().save_model(request, obj, form, change)
        services.audit(obj.edition, request.user, "criteria.changed", obj.code, before=before,
                       after=_fields(obj, CriterionForm.Meta.fields[1:]))

    def delete_model(self, request, obj):
        services.audit(obj.edition, request.user, "criteria.changed", obj.code,
                       before=_fields(obj, CriterionForm.Meta.fields[1:]), after=None)
        super().delete_model(request, obj)


# ---- conflicts and scoring ---------------------------------------------------------------------------------

class ConflictForm(forms.ModelForm):
    class Meta:
        model = ConflictDeclaration
        fields = ["juror", "entry", "reason"]

    def clean(self):
        cleaned = super().clean()
        juror, entry = cleaned.get("juror"), cleaned.get("entry")
        if juror and entry and juror.edition_id != entry.edition_id:
            raise forms.ValidationError(_("The juror and the entry belong to different competitions."))
        return cleaned


@admin.register(ConflictDeclaration)
class ConflictDeclarationAdmin(admin.ModelAdmin):
    """A declaration recorded on a juror's behalf (e.g. told by e-mail) takes effect at once; none is undone."""

    form = ConflictForm
    list_display = ["juror", "entry", "reason", "created"]
    list_filter = ["juror__edition"]
    search_fields = ["juror__user__username", "entry__municipality", "reason"]
    raw_id_fields = ["juror", "entry"]

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        services.declare_conflict(obj.juror, obj.entry, obj.reason, request.user)
        obj.pk = ConflictDeclaration.objects.get(juror=obj.juror, entry=obj.entry).pk


@admin.register(JuryAssignment)
class JuryAssignmentAdmin(ViewOnlyAdmin):
    list_display = ["juror", "entry", "round", "created"]
    list_select_related = ["juror__user", "juror__edition", "entry"]
    list_filter = ["juror__edition", "round"]
    search_fields = ["juror__user__username", "entry__municipality"]


class ScoreSheetForm(forms.ModelForm):
    class Meta:
        model = ScoreSheet
        fields = ["levels", "comments"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("levels", "comments"):  # {} is a valid draft (nothing scored, no comments yet)
            if name in self.fields:
                self.fields[name].required = False

    def clean_levels(self):
        levels = self.cleaned_data["levels"] or {}
        if not isinstance(levels, dict):
            raise forms.ValidationError(_("Write the levels as {\"criterion code\": level}."))
        try:
            check_scores(levels, services.grid(self.instance.assignment.entry.edition), complete=False)
        except ScoreError as error:
            raise forms.ValidationError(f"{error.criterion}: {error}") from error
        return levels

    def clean_comments(self):
        comments = self.cleaned_data["comments"] or {}
        if not isinstance(comments, dict) or not all(isinstance(text, str) for text in comments.values()):
            raise forms.ValidationError(_("Write the comments as {\"criterion code\": \"text\"}."))
        return comments


@admin.register(ScoreSheet)
class ScoreSheetAdmin(admin.ModelAdmin):
    """Drafts may be corrected (audited); a submitted sheet is evidence and only its juror can change it."""

    form = ScoreSheetForm
    list_display = ["assignment", "juror", "status", "total", "updated", "submitted_at"]
    list_select_related = ["assignment__juror__user", "assignment__entry"]
    list_filter = ["assignment__juror__edition", "status", "assignment__round"]
    search_fields = ["assignment__juror__user__username", "assignment__entry__municipality"]
    readonly_fields = ["assignment", "status", "total", "submitted_at"]

    @admin.display(description=gettext_lazy("juror"))
    def juror(self, sheet):
        return sheet.assignment.juror.user.username

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return (obj is None or obj.status == ScoreSheet.DRAFT) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        stored = ScoreSheet.objects.get(pk=obj.pk)
        super().save_model(request, obj, form, change)
        services.audit(obj.assignment.entry.edition, request.user, "score.admin_changed",
                       f"{obj.assignment.round}:{obj.assignment.entry.uuid}",
                       before={"levels": stored.levels, "comments": stored.comments},
                       after={"levels": obj.levels, "comments": obj.comments})


@admin.register(Finalist)
class FinalistAdmin(ViewOnlyAdmin):
    list_display = ["entry", "edition", "chosen_at"]
    list_filter = ["edition"]


@admin.register(FinalBallot)
class FinalBallotAdmin(ViewOnlyAdmin):
    list_display = ["juror", "submitted_at"]
    list_filter = ["juror__edition"]
    readonly_fields = ["juror", "ranks", "submitted_at"]


@admin.register(Winner)
class WinnerAdmin(ViewOnlyAdmin):
    list_display = ["edition", "place", "entry", "prize_amount", "confirmed_at"]
    list_filter = ["edition"]


@admin.register(AuditLog)
class AuditLogAdmin(ViewOnlyAdmin):
    list_display = ["at", "edition", "actor_username", "action", "target"]
    list_filter = ["edition", "action"]
    search_fields = ["actor_username", "action", "target"]
    date_hierarchy = "at"
