"""Django admin: support staff find a team's proposal, its versions and reviews, and grant tutors."""
from django.contrib import admin

from .models import Attachment, CourseTutor, Proposal, ProposalVersion, Review, StatusChange, TeamMembership


class MembershipInline(admin.TabularInline):
    model = TeamMembership
    extra = 0
    raw_id_fields = ["user", "added_by"]
    exclude = ["block_key"]


class VersionInline(admin.TabularInline):
    model = ProposalVersion
    extra = 0
    can_delete = False
    fields = ["number", "title", "submitted_by", "submitted_at", "submission_uuid"]
    readonly_fields = fields


class HistoryInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    can_delete = False
    readonly_fields = ["status", "version_number", "actor", "at"]


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["id", "course_key", "block_key", "status", "versions_submitted", "submitted_at", "saved_at"]
    list_filter = ["status"]
    search_fields = ["id", "invitation_code", "members__user__username", "municipality"]
    raw_id_fields = ["created_by", "saved_by"]
    inlines = [MembershipInline, VersionInline, HistoryInline]

    def delete_queryset(self, request, queryset):
        """"Delete selected" one proposal at a time: Proposal.delete keeps the queue's counts by status."""
        for proposal in queryset:
            proposal.delete()


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["id", "proposal", "version", "tutor", "decision", "state", "sent_at"]
    list_filter = ["state", "decision"]
    raw_id_fields = ["proposal", "version", "tutor"]

    def has_change_permission(self, request, obj=None):
        return obj is None or obj.state != Review.SENT  # sent reviews are append-only


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["id", "proposal", "name", "content_type", "size", "uploaded_at"]
    raw_id_fields = ["proposal", "uploaded_by"]


@admin.register(CourseTutor)
class CourseTutorAdmin(admin.ModelAdmin):
    list_display = ["course_key", "user", "added_at"]
    search_fields = ["user__username", "course_key"]
    raw_id_fields = ["user"]
