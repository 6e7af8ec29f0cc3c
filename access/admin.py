"""Admin for staff, teams, involvements and the audit log.

The audit log and break-glass records are evidence, so they are read-only here.
"""
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agency, BreakGlass, Involvement, RecordView, Team, TeamMembership, User


class MembershipInline(admin.TabularInline):
    model = TeamMembership
    extra = 0


@admin.register(User)
class ThriveUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Work", {"fields": ["role", "agency", "job_title", "swe_number"]}),)
    list_display = ["username", "first_name", "last_name", "role", "agency", "is_active"]
    list_filter = ["role", "agency", "is_active"]
    search_fields = UserAdmin.search_fields + ("swe_number",)  # the 903 names workers by it
    inlines = [MembershipInline]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]


@admin.register(Team)
class TeamAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "parent"]
    list_filter = ["kind"]


@admin.register(Involvement)
class InvolvementAdmin(SimpleHistoryAdmin):
    list_display = ["person", "kind", "user", "team", "start_date", "end_date"]
    list_select_related = ["person", "user", "team"]
    raw_id_fields = ["person", "user"]
    show_full_result_count = False


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(BreakGlass)
class BreakGlassAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "person", "review_outcome", "reviewed_by"]
    list_select_related = ["user", "person", "reviewed_by"]


@admin.register(RecordView)
class RecordViewAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "person", "allowed", "basis"]
    list_filter = ["allowed"]
    list_select_related = ["user", "person"]
    show_full_result_count = False
