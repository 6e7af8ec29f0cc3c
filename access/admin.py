"""Admin for staff, teams and agencies: user administration only.

Django admin holds no child-level data: people, involvements, the audit log and break-glass records are
not here (involvements are made only by the journeys' allocation steps; the audit log and break glass
are read in the app's audit and break-glass review pages, which are themselves logged). An administrator
cannot change their own role, teams or permissions, so cannot give themselves a relationship with a child.
"""

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from .models import Agency, Team, TeamMembership, User

SELF_LOCKED = ("role", "agency", "is_staff", "is_superuser", "groups", "user_permissions")


class MembershipInline(admin.TabularInline):
    model = TeamMembership
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None or obj.pk != request.user.pk

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None or obj.pk != request.user.pk

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None or obj.pk != request.user.pk


@admin.register(User)
class ThriveUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Work", {"fields": ["role", "agency", "job_title", "swe_number"]}),)  # type: ignore[operator]
    list_display = ["username", "first_name", "last_name", "role", "agency", "is_active"]
    list_filter = ["role", "agency", "is_active"]
    search_fields = UserAdmin.search_fields + ("swe_number",)  # type: ignore[operator]  # the 903 names workers by it
    inlines = [MembershipInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = super().get_readonly_fields(request, obj)
        if obj is not None and obj.pk == request.user.pk:
            return (*fields, *SELF_LOCKED)
        return fields


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]


@admin.register(Team)
class TeamAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "parent"]
    list_filter = ["kind"]
