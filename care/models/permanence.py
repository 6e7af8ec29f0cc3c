"""Permanence plans and the adoption journey: AD1 and PlacedAdoption in the 903, and the adoption measures."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from ..codes import AdopterLegalStatus, AdopterSex, PermanencePlanKind, ReasonPlacedCeased
from .periods import InCare

SINGLE_ADOPTERS = {AdopterSex.MALE, AdopterSex.FEMALE}
# What SEX_ADOPTR each LS_ADOPTR allows (903 rules 511, 514, 517, 518, 524).
ADOPTERS_ALLOWED = {
    AdopterLegalStatus.SINGLE: SINGLE_ADOPTERS,
    AdopterLegalStatus.CIVIL_PARTNERS: {AdopterSex.TWO_MALE, AdopterSex.TWO_FEMALE, AdopterSex.MALE_FEMALE},
    AdopterLegalStatus.MARRIED_SAME_SEX: {AdopterSex.TWO_MALE, AdopterSex.TWO_FEMALE},
    AdopterLegalStatus.MARRIED_DIFFERENT_SEX: {AdopterSex.MALE_FEMALE},
    AdopterLegalStatus.UNMARRIED_DIFFERENT_SEX: {AdopterSex.MALE_FEMALE},
    AdopterLegalStatus.UNMARRIED_SAME_SEX: {AdopterSex.TWO_MALE, AdopterSex.TWO_FEMALE},
}
ADOPTER_FIELDS = (
    "matched_on",
    "placed_on",
    "adoption_order_on",
    "foster_carer_adoption",
    "adopter_sex",
    "adopter_legal_status",
)


class PermanencePlan(InCare):
    """The plan for where the child will grow up; a new plan replaces the one before."""

    decided_on = models.DateField()
    plan = models.CharField(max_length=20, choices=PermanencePlanKind.choices)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["decided_on", "pk"]

    def __str__(self):
        return f"{self.decided_on:%-d %b %Y}: {self.get_plan_display().lower()}"


@dataclass(frozen=True)
class AdoptionMeasures:
    """The DfE adoption scorecard's timings for one child, in days (None until both dates are known)."""

    entering_care_to_moving_in: int | None  # A10
    entering_care_to_authority_to_place: int | None  # A20
    authority_to_place_to_match: int | None  # A2


def _days(earlier, later) -> int | None:
    return (later - earlier).days if earlier and later else None


class Adoption(InCare):
    """One child's adoption journey in a period of care, from the best interest decision to the order.

    The decision that the child should be placed for adoption is the 903's DATE_INT (AD1) and
    DATE_PLACED (PlacedAdoption): one decision, reported in two tables.
    """

    best_interest_decision_on = models.DateField(
        "best interest decision",
        help_text="The agency decision maker decided the child should be placed for "
        "adoption (DATE_INT, DATE_PLACED).",
    )
    placement_order_on = models.DateField(
        "authority to place",
        null=True,
        blank=True,
        help_text="Placement order granted, or parents' consent under section 19.",
    )
    matched_on = models.DateField("match with adopters", null=True, blank=True, help_text="DATE_MATCH")
    placed_on = models.DateField(
        "moved in with the adoptive family",
        null=True,
        blank=True,
        help_text=("For adoption by the child's foster carers, the day the child moved in with them."),
    )
    adoption_order_on = models.DateField("adoption order", null=True, blank=True)
    decision_reversed_on = models.DateField(
        "decision reversed",
        null=True,
        blank=True,
        help_text=(
            "The council decided the child should no longer be placed for adoption (DATE_PLACED_CEASED)."
        ),
    )
    reversal_reason = models.CharField(
        max_length=3, choices=ReasonPlacedCeased.choices, blank=True, help_text="REASON_PLACED_CEASED"
    )
    foster_carer_adoption = models.BooleanField(
        "adopted by former foster carers", null=True, blank=True, help_text="FOSTER_CARE"
    )
    adopter_sex = models.CharField(
        "adopters",
        max_length=2,
        choices=AdopterSex.choices,
        blank=True,
        help_text="SEX_ADOPTR; NB_ADOPTR follows from it.",
    )
    adopter_legal_status = models.CharField(
        "adopters' legal status",
        max_length=3,
        choices=AdopterLegalStatus.choices,
        blank=True,
        help_text="LS_ADOPTR",
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["period"], name="one_adoption_per_period_of_care")]

    @property
    def number_of_adopters(self) -> int | None:
        """NB_ADOPTR."""
        if not self.adopter_sex:
            return None
        return 1 if self.adopter_sex in SINGLE_ADOPTERS else 2

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.period.refresh_reviews()  # authority to place brings the first review forward (reg 36(1))

    def measures(self) -> AdoptionMeasures:
        entered_care = self.period.start_date
        return AdoptionMeasures(
            _days(entered_care, self.placed_on),
            _days(entered_care, self.placement_order_on),
            _days(self.placement_order_on, self.matched_on),
        )

    def clean(self):
        errors = {}
        steps = [
            ("best_interest_decision_on", self.best_interest_decision_on),
            ("matched_on", self.matched_on),
            ("placed_on", self.placed_on),
            ("adoption_order_on", self.adoption_order_on),
        ]
        known = [(name, day) for name, day in steps if day]
        for (_, before), (name, after) in zip(known, known[1:]):
            if after < before:
                errors[name] = (
                    f"The {self._meta.get_field(name).verbose_name} cannot be before the steps before it."
                )
        if self.decision_reversed_on:
            if not self.reversal_reason:
                errors["reversal_reason"] = "Select why the decision was reversed."
            if any(getattr(self, name) not in (None, "") for name in ADOPTER_FIELDS):
                errors["decision_reversed_on"] = (
                    "A reversed decision cannot also have a match, placement or order."
                )
        elif self.reversal_reason:
            errors["reversal_reason"] = "Give the date the decision was reversed, or remove the reason."
        status, sex = self.adopter_legal_status, self.adopter_sex
        if bool(status) != bool(sex):
            errors["adopter_sex"] = "Give both the adopters and their legal status, or neither."
        elif status and sex not in ADOPTERS_ALLOWED[status]:
            errors["adopter_sex"] = (
                f"{AdopterSex(sex).label} does not fit {AdopterLegalStatus(status).label.lower()}."
            )
        if errors:
            raise ValidationError(errors)
