from django.contrib import admin

from .models import ClosureDay, SchoolHoliday


@admin.register(ClosureDay)
class ClosureDayAdmin(admin.ModelAdmin):
    list_display = ["date", "name"]
    date_hierarchy = "date"


@admin.register(SchoolHoliday)
class SchoolHolidayAdmin(admin.ModelAdmin):
    list_display = ["name", "start_date", "end_date"]
    date_hierarchy = "start_date"
