"""Family group decision making, the Public Law Outline and court orders."""

from django.db import models


class FGDMResponse(models.TextChoices):
    PENDING = "pending", "Awaiting the family's answer"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class PreProceedingsOutcome(models.TextChoices):
    """Where pre-proceedings ended: the CIN census 2026-27 asks for this (PPOutcome)."""

    STEP_DOWN = "A", "Concerns reduced: stepped down"
    PROCEEDINGS = "B", "Care proceedings issued"
    CONTINUE_CP = "C", "Continue under child protection plan"
    OTHER = "D", "Other (e.g. child moved away)"


class CourtOrder(models.TextChoices):
    CARE_ORDER = "care_order", "Care order"
    SUPERVISION_ORDER = "supervision_order", "Supervision order"
    SGO = "sgo", "Special guardianship order"
    CHILD_ARRANGEMENTS = "cao", "Child arrangements order"
    PLACEMENT_ORDER = "placement_order", "Placement order"
    NO_ORDER = "no_order", "No order"
    WITHDRAWN = "withdrawn", "Application withdrawn"
