"""Admin: moderators are granted here; practices are moderated on the library's own page, shown here as records."""
from django.contrib import admin

from .models import LibraryModerator, Practice, PracticeEvent


@admin.register(LibraryModerator)
class LibraryModeratorAdmin(admin.ModelAdmin):
    list_display = ["user", "granted_at"]
    raw_id_fields = ["user"]


class PracticeEventInline(admin.TabularInline):
    model = PracticeEvent
    extra = 0
    can_delete = False
    readonly_fields = ["action", "actor", "at", "note"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "country", "status", "award", "published_at"]
    list_filter = ["status", "country", "award"]
    search_fields = ["title", "municipality", "=proposal_id"]
    inlines = [PracticeEventInline]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
