"""Django admin: named analysts, and the reports built (read-only). Responses are not listed: nobody reads
a single respondent's answers outside the learner's own view."""
from django.contrib import admin

from .models import AnalystGrant, Report


@admin.register(AnalystGrant)
class AnalystGrantAdmin(admin.ModelAdmin):
    list_display = ("instrument", "user", "granted_at")
    list_filter = ("instrument",)
    search_fields = ("user__username", "instrument")
    raw_id_fields = ("user",)


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("instrument", "requested_at", "state", "steps_done", "steps_total", "finished_at")
    list_filter = ("instrument", "state")
    readonly_fields = [field.name for field in Report._meta.fields]

    def has_add_permission(self, request):
        return False
