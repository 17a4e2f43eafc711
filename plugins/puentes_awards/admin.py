"""Admin: editions are edited here; entries, deliveries and received entries are read-only records."""
from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import outbox
from .jury import admin as jury_admin  # noqa: F401 - registers the jury's models
from .jury import services as jury_services
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

    def save_related(self, request, form, formsets, change):
        """Granting or removing an organiser is a jury role change: it goes in the audit log."""
        before = set(form.instance.organisers.values_list("username", flat=True)) if change else set()
        super().save_related(request, form, formsets, change)
        after = set(form.instance.organisers.values_list("username", flat=True))
        for username in sorted(after - before):
            jury_services.audit(form.instance, request.user, "role.granted", username, after={"role": "organiser"})
        for username in sorted(before - after):
            jury_services.audit(form.instance, request.user, "role.revoked", username, before={"role": "organiser"})


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

