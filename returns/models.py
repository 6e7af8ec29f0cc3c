"""Overrides: an analyst's recorded reason for sending a return with a validation error still in it.

The DfE accepts a return with errors only with an explanation, so the explanation is kept here,
with who gave it and when, and an error with an override no longer blocks the export.
"""
from django.conf import settings
from django.db import models
from django.utils import timezone


class ReturnKind(models.TextChoices):
    CIN_CENSUS = "cin", "Children in need census"
    SSDA903 = "ssda903", "SSDA903 (children looked after)"


class ValidationOverride(models.Model):
    return_kind = models.CharField(max_length=10, choices=ReturnKind.choices)
    year = models.PositiveSmallIntegerField(help_text="The collection year, named by its reference date (2025 for 2024-25).")
    rule_code = models.CharField(max_length=12)
    child = models.CharField("LA child ID", max_length=20, blank=True, help_text="Blank for a rule about the whole return.")
    reason = models.TextField()
    overridden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    overridden_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["return_kind", "year", "rule_code", "child"],
                                               name="one_override_per_rule_and_child")]

    def __str__(self):
        return f"{self.rule_code} for {self.child or 'the return'}: {self.reason}"
