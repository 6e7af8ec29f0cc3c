from django.contrib import admin

from .models import LocalIndicator


@admin.register(LocalIndicator)
class LocalIndicatorAdmin(admin.ModelAdmin):
    """Where a council adds its own indicators: no code change needed."""

    list_display = ["name", "code", "area", "value_type", "polarity", "frequency", "target"]
    search_fields = ["name", "code"]
