"""Admin: editions are edited here; entries, deliveries and received entries are read-only records."""
from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import outbox
from .models import Edition, EditionCourse, Entry, EntryAttachment, OutboxMessage, ReceivedEntry


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class EditionCourseInline(admin.TabularInline):
    model = EditionCourse
    extra = 1


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "call_opens_at", "call_closes_at", "currency", "budget_cap"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["organisers"]
    inlines = [EditionCourseInline]


class EntryAttachmentInline(admin.TabularInline):
    model = EntryAttachment
    extra = 0
    can_delete = False
    readonly_fields = ["attachment_id", "name", "content_type", "size", "sha256", "file"]

    def has_add_permission(self, request, obj=None):
        return False


class OutboxInline(EntryAttachmentInline):
    model = OutboxMessage
    fields = readonly_fields = ["destination", "status", "attempts", "response_status", "last_error", "delivered_at"]


@admin.register(Entry)
class EntryAdmin(ReadOnlyAdmin):
    list_display = ["municipality", "country", "title", "version", "edition", "eligible", "entered_at"]
    list_filter = ["edition", "eligible", "country"]
    search_fields = ["municipality", "title", "=proposal_id", "=uuid"]
    inlines = [EntryAttachmentInline, OutboxInline]


@admin.action(description=gettext_lazy("Re-drive: deliver the selected dead letters again"))
def redrive(modeladmin, request, queryset):
    count = outbox.redrive(queryset)
    modeladmin.message_user(request, _("Messages queued for delivery again: {count}").format(count=count),
                            messages.SUCCESS)


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdmin):
    list_display = ["idempotency_key", "destination", "status", "attempts", "response_status", "next_attempt_at",
                    "delivered_at"]
    list_filter = ["status", "destination"]
    search_fields = ["=idempotency_key", "last_error"]
    actions = [redrive]


@admin.register(ReceivedEntry)
class ReceivedEntryAdmin(ReadOnlyAdmin):
    list_display = ["idempotency_key", "sender", "received_at"]
    search_fields = ["=idempotency_key", "sender"]


from .jury import admin as jury_admin  # noqa: E402, F401 - the jury's models (issue 6)
