"""Admin for people: for system administrators fixing data, not for casework.

Person lists can hold hundreds of thousands of rows, so people are chosen by id (never a
drop-down) and searched on indexed fields. Merges are made through the merge pages, which
keep the merge log, so `merged_into` and the log are read-only here.
"""
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Address, Person, PersonDisability, PersonMerge, Relationship


class AddressInline(admin.TabularInline):
    model = Address
    extra = 0


class DisabilityInline(admin.TabularInline):
    model = PersonDisability
    extra = 0


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["la_id", "surname", "forename", "birth_date", "nhs_number", "merged_into"]
    search_fields = ["=la_id", "=nhs_number", "=upn", "^search_surname"]
    show_full_result_count = False
    readonly_fields = ["merged_into", "created_at"]
    inlines = [AddressInline, DisabilityInline]


@admin.register(Relationship)
class RelationshipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "kind", "relative", "parental_responsibility", "lives_with"]
    raw_id_fields = ["person", "relative"]
    list_select_related = ["person", "relative"]
    show_full_result_count = False


@admin.register(PersonMerge)
class PersonMergeAdmin(admin.ModelAdmin):
    list_display = ["survivor", "duplicate", "merged_by", "merged_at", "undone_at"]
    list_select_related = ["survivor", "duplicate", "merged_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
