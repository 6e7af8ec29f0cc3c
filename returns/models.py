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
    year = models.PositiveSmallIntegerField(
        help_text="The collection year, named by its reference date (2025 for 2024-25)."
    )
    rule_code = models.CharField(max_length=12)
    child = models.CharField(
        "LA child ID", max_length=20, blank=True, help_text="Blank for a rule about the whole return."
    )
    reason = models.TextField()
    overridden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    overridden_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["return_kind", "year", "rule_code", "child"], name="one_override_per_rule_and_child"
            )
        ]

    def __str__(self):
        return f"{self.rule_code} for {self.child or 'the return'}: {self.reason}"


class ValidationRun(models.Model):
    """One check of a return with the DfE-aligned validators: what was checked, with what, and when.

    The returns page shows the latest run, so an analyst can work through a long list without the
    return being rebuilt and checked on every page."""

    return_kind = models.CharField(max_length=10, choices=ReturnKind.choices)
    year = models.PositiveSmallIntegerField()
    ran_at = models.DateTimeField(default=timezone.now)
    ran_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    validator = models.CharField(max_length=60, help_text="The validator package and version.")
    ruleset = models.CharField(max_length=20, help_text="The collection year's rules, e.g. cin2024_25.")
    children = models.PositiveIntegerField()
    seconds = models.FloatField(default=0)
    rules = models.JSONField(
        default=dict, help_text="Code to message and kind, for the rules that found something."
    )

    class Meta:
        indexes = [models.Index(fields=["return_kind", "year", "-ran_at"])]

    def __str__(self):
        return f"{self.get_return_kind_display()} {self.year} checked {self.ran_at:%Y-%m-%d %H:%M}"


class IssueKind(models.TextChoices):
    ERROR = "error", "Error"
    QUERY = "query", "Query"
    DEFECT = "defect", "Validator defect"  # returns.dfe.DEFECTS: the validator contradicts its own rules


class ValidationIssue(models.Model):
    """One row the validator flagged under one rule."""

    run = models.ForeignKey(ValidationRun, on_delete=models.CASCADE, related_name="issues")
    rule_code = models.CharField(max_length=12)
    kind = models.CharField(max_length=6, choices=IssueKind.choices)
    child = models.CharField("LA child ID", max_length=20, blank=True)
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    table = models.CharField(max_length=40, blank=True)
    row = models.IntegerField(null=True, blank=True)
    fields = models.JSONField(default=list)
    values = models.JSONField(default=dict)
    not_yet_due = models.BooleanField(
        default=False, help_text="An in-year check: the query is about a timescale that has not yet run out."
    )

    class Meta:
        indexes = [models.Index(fields=["run", "kind", "rule_code"]), models.Index(fields=["run", "child"])]


class FixRequest(models.Model):
    """An analyst's request to a child's allocated worker to correct the record behind a return issue.

    The analyst cannot open the record; the worker sees the request in their due work. It is closed when
    the worker marks it done, or when a later check no longer finds the issue."""

    return_kind = models.CharField(max_length=10, choices=ReturnKind.choices)
    year = models.PositiveSmallIntegerField()
    rule_code = models.CharField(max_length=12)
    message = models.TextField(help_text="What the validator says, as the worker will read it.")
    detail = models.TextField(blank=True, help_text="The record and the values the rule looked at.")
    note = models.TextField(blank=True, help_text="What the analyst adds.")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="fix_requests"
    )
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    due_on = models.DateField()
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_how = models.CharField(
        max_length=20,
        blank=True,
        choices=[
            ("done", "Marked done by the worker"),
            ("resolved", "No longer found when the return was checked"),
        ],
    )

    class Meta:
        indexes = [models.Index(fields=["person", "closed_at"]), models.Index(fields=["worker", "closed_at"])]

    def __str__(self):
        return f"Fix {self.rule_code} for {self.person_id} ({self.get_return_kind_display()} {self.year})"
