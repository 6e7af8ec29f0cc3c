"""Periods of care and their episodes: the SSDA903 Episodes table, and what hangs off it.

A new episode starts whenever the legal status or the placement changes, so one stay with a foster
carer can span several episodes. The period of care groups them: reviews, health assessments and
PEPs all count from the day the child became looked after.
"""

import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from frontdoor.codes import PrimaryNeed
from people import postcodes

from .. import timing
from ..codes import (
    ADOPTION_PLACEMENTS,
    LONG_TERM_PLACEMENTS,
    NO_PROVIDER_PLACEMENTS,
    NO_URN_PLACEMENTS,
    PERMANENCE_ELSEWHERE,
    PLACEMENT_MOVES,
    PROVIDER_CANNOT_PROVIDE,
    TEMPORARY_PLACEMENTS,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    PreviousPermanence,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    SocialWorkerChangeReason,
)
from ..postcodes import normalise_postcode, validate_postcode

User = settings.AUTH_USER_MODEL
# The 903's categories of need are the census's primary needs N1 to N8.
CATEGORIES_OF_NEED = [
    (c.value, c.label) for c in PrimaryNeed if c not in (PrimaryNeed.NOT_STATED, PrimaryNeed.NOT_IN_NEED)
]
URN_NOT_REQUIRED = "XXXXXXX"


def validate_la_perm(value: str) -> None:
    if value and not (re.fullmatch(r"\d{3}", value) or value in PERMANENCE_ELSEWHERE):
        raise ValidationError("Enter a 3-digit DfE local authority code, or WAL, SCO, NIR, NUK or 999")


class PeriodOfCare(models.Model):
    """From becoming looked after to ceasing to be; carries the 903's PrevPerm items and CIN code."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="periods_of_care")
    start_date = models.DateField(help_text="Became looked after: the first episode's DECOM.")
    end_date = models.DateField(
        null=True, blank=True, help_text="Ceased to be looked after: the last episode's DEC."
    )
    category_of_need = models.CharField("category of need", max_length=2, choices=CATEGORIES_OF_NEED)
    previous_permanence = models.CharField(
        max_length=2,
        choices=PreviousPermanence.choices,
        default=PreviousPermanence.NONE,
        help_text="PREV_PERM",
    )
    previous_permanence_la = models.CharField(
        "council that arranged the previous permanence",
        max_length=3,
        blank=True,
        validators=[validate_la_perm],
        help_text="LA_PERM",
    )
    previous_permanence_date = models.DateField(
        "date of the previous permanence order", null=True, blank=True, help_text="DATE_PERM"
    )
    next_review_due = models.DateField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        indexes = [
            models.Index(fields=["person", "start_date"]),
            models.Index(fields=["end_date", "next_review_due"]),
        ]

    def __str__(self):
        return f"In care from {self.start_date:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.end_date is None

    def clean(self):
        if self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The period of care cannot end before it starts."})
        has_details = self.previous_permanence_la or self.previous_permanence_date
        if self.previous_permanence == PreviousPermanence.NONE and has_details:
            raise ValidationError(
                {
                    "previous_permanence": "Select the previous permanence order, or remove its "
                    "council and date."
                }
            )

    def ordered_episodes(self):
        return list(self.episodes.order_by("start_date", "pk"))

    def current_episode(self):
        return self.episodes.order_by("-start_date", "-pk").first()

    def placement_start(self, episodes=None):
        """When the current placement began: the latest episode that started with a move."""
        for episode in reversed(episodes if episodes is not None else self.ordered_episodes()):
            if episode.reason_new in PLACEMENT_MOVES:
                return episode.start_date
        return self.start_date

    def review_dates(self):
        return list(self.reviews.order_by("held_on", "pk").values_list("held_on", flat=True))

    def adoption_dates(self) -> tuple:
        """(placed for adoption, authority to place): the start of a current placement for adoption (A3 to
        A6), and the day the agency could place the child, unless that decision was reversed."""
        if not self.pk:
            return None, None
        episodes = self.ordered_episodes()
        placed = (
            self.placement_start(episodes)
            if episodes and episodes[-1].placement_type in ADOPTION_PLACEMENTS
            else None
        )
        adoption = self.adoptions.filter(decision_reversed_on__isnull=True).first()
        return placed, adoption.placement_order_on if adoption else None

    def _review_due(self, held, on=None):
        placed, authority = self.adoption_dates()
        return timing.review_due(
            self.start_date,
            held,
            placed if placed and (on is None or placed <= on) else None,
            authority if authority and (on is None or authority <= on) else None,
        )

    def save(self, *args, **kwargs):
        held = self.review_dates() if self.pk else []
        self.next_review_due = None if self.end_date else self._review_due(held)
        super().save(*args, **kwargs)

    def refresh_reviews(self):
        """Each review's due date follows from the reviews before it, so one held out of order moves the rest;
        a placement for adoption or authority to place moves the next one (Adoption Agencies Regulations reg
        36)."""
        held = []
        for review in self.reviews.order_by("held_on", "pk"):
            due = self._review_due(held, on=review.held_on)
            if review.due_on != due:
                type(review).objects.filter(pk=review.pk).update(due_on=due)
            held.append(review.held_on)
        self.save(update_fields=["next_review_due"])


class InCare(models.Model):
    """Something recorded during a period of care; the child is copied from the period for indexed
    look-ups."""

    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="%(class)ss")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="care_%(class)ss", editable=False
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.person_id = self.period.person_id
        super().save(*args, **kwargs)


class Episode(InCare):
    """One row of the 903 Episodes table: a legal status and a placement, from DECOM to DEC."""

    start_date = models.DateField(help_text="DECOM")
    end_date = models.DateField(null=True, blank=True, help_text="DEC")
    reason_new = models.CharField(
        "reason for new episode", max_length=1, choices=ReasonNewEpisode.choices, help_text="RNE"
    )
    legal_status = models.CharField(max_length=2, choices=LegalStatus.choices, help_text="LS")
    placement_type = models.CharField(max_length=3, choices=PlacementType.choices, help_text="PLACE")
    provider = models.CharField(
        "placement provider",
        max_length=3,
        choices=PlacementProvider.choices,
        blank=True,
        help_text="PLACE_PROVIDER",
    )
    provider_name = models.CharField(
        "carers or home",
        max_length=200,
        blank=True,
        help_text="The foster carers, home or setting the child lives with.",
    )
    urn = models.CharField("Ofsted unique reference number (URN)", max_length=8, blank=True, help_text="URN")
    placement_postcode = models.CharField(max_length=8, validators=[validate_postcode], help_text="PL_POST")
    home_postcode = models.CharField(
        max_length=8,
        validators=[validate_postcode],
        help_text=(
            "HOME_POST: where the child lived when they became looked after; distance is measured from here."
        ),
    )
    distance_miles = models.DecimalField(
        "distance from home (miles)",
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        editable=False,
        help_text="Straight-line miles from the home postcode, as the DfE derives PL_DISTANCE.",
    )
    placement_council = models.CharField(
        max_length=9,
        blank=True,
        editable=False,
        help_text="The council the placement postcode lies in (PL_LA, as the DfE derives it): an ONS code, "
        "or SCO, WAL or NIR.",
    )
    weekly_cost = models.DecimalField(
        "weekly cost (£)", max_digits=9, decimal_places=2, null=True, blank=True
    )
    reason_ceased = models.CharField(
        "reason episode ceased",
        max_length=3,
        choices=ReasonEpisodeCeased.choices,
        blank=True,
        help_text="REC",
    )
    reason_place_change = models.CharField(
        "reason for placement change",
        max_length=6,
        choices=ReasonPlaceChange.choices,
        blank=True,
        help_text="REASON_PLACE_CHANGE",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["start_date", "pk"]
        indexes = [models.Index(fields=["person", "start_date"]), models.Index(fields=["end_date"])]

    def __str__(self):
        return f"{self.get_placement_type_display()} from {self.start_date:%d %b %Y}"

    @property
    def is_placement_move(self) -> bool:
        return self.reason_new in PLACEMENT_MOVES

    @property
    def is_long_term(self) -> bool:
        return self.placement_type in LONG_TERM_PLACEMENTS

    def clean(self):
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = "The episode cannot end before it starts."
        if bool(self.end_date) != bool(self.reason_ceased):
            errors["reason_ceased"] = "Give both the date the episode ended and why, or neither."
        errors.update(self._provider_errors())
        if (
            self.placement_type == PlacementType.SEMI_INDEPENDENT
            and self.start_date
            and self.start_date > timing.SEMI_INDEPENDENT_LAST_START
            and self.reason_new != ReasonNewEpisode.LEGAL_STATUS
        ):  # a placement begun earlier goes on
            errors["placement_type"] = (
                "Semi-independent living accommodation (H5) is not recorded for "
                "placements from 1 April 2025: choose registered supported "
                "accommodation (K3)."
            )
        if self.reason_place_change and (not self.end_date or self.placement_type in TEMPORARY_PLACEMENTS):
            errors["reason_place_change"] = (
                "A reason for the placement change is only given when a placement that is not temporary ends."
            )
        if (
            self.home_postcode
            and normalise_postcode(self.home_postcode) == normalise_postcode(self.placement_postcode)
            and self.placement_type != PlacementType.WITH_PARENTS
        ):
            errors["placement_postcode"] = (
                "The placement postcode can only be the home postcode when the child is placed with parents."
            )
        if errors:
            raise ValidationError(errors)

    def _provider_errors(self) -> dict:
        """Which provider and URN go with which placement type (903 rules 213, 218, 222, 526 to 531, 550)."""
        place, provider = self.placement_type, self.provider
        if place in NO_PROVIDER_PLACEMENTS:
            if provider:
                return {"provider": "Leave the placement provider blank for temporary and other placements."}
        elif not provider:
            return {"provider": "Select the placement provider"}
        elif (place == PlacementType.WITH_PARENTS) != (
            provider == PlacementProvider.PARENTS
        ) or place in PROVIDER_CANNOT_PROVIDE.get(provider, ()):
            return {"provider": f"{PlacementProvider(provider).label} cannot provide this type of placement."}
        urn_given = self.urn and self.urn != URN_NOT_REQUIRED
        if place in NO_URN_PLACEMENTS and urn_given:
            return {"urn": "Leave the URN blank: this type of placement has no Ofsted registration."}
        if place not in NO_URN_PLACEMENTS and not self.urn:
            return {"urn": "Enter the provider's Ofsted unique reference number (URN)"}
        return {}

    def save(self, *args, **kwargs):
        self.placement_postcode = normalise_postcode(self.placement_postcode)
        self.home_postcode = normalise_postcode(self.home_postcode)
        self.urn = self.urn.strip().upper()
        facts = placement_facts(self.home_postcode, self.placement_postcode)
        self.placement_council, self.distance_miles = facts
        super().save(*args, **kwargs)

    @property
    def placement_council_name(self) -> str:
        return postcodes.council_names().get(self.placement_council, "")

    @property
    def far_from_home(self) -> bool:
        return self.distance_miles is not None and self.distance_miles > timing.FAR_FROM_HOME_MILES


def placement_facts(home_postcode: str, placement_postcode: str) -> tuple[str, Decimal | None]:
    """The placement's council and its distance from home, derived from the postcodes as the DfE does."""
    placement = postcodes.find(placement_postcode)
    home = postcodes.find(home_postcode)
    distance = Decimal(f"{postcodes.distance_miles(home, placement):.1f}") if home and placement else None
    return (placement.council if placement else ""), distance


class SocialWorkerChange(models.Model):
    """Why a looked-after child's social worker changed: the 903's SW_REASON.

    The social worker episode itself (SW_ID, SW_DECOM, SW_DEC) is the allocated-worker
    Involvement, so access and the return cannot disagree about who the worker was and when.
    """

    involvement = models.OneToOneField(
        "access.Involvement", on_delete=models.PROTECT, related_name="social_worker_change"
    )
    reason = models.CharField(max_length=6, choices=SocialWorkerChangeReason.choices, help_text="SW_REASON")
    history = HistoricalRecords()


class DeprivationOfLiberty(InCare):
    """A court order authorising deprivation of the child's liberty (the 903's DoLo table from 2026-27)."""

    start_date = models.DateField(help_text="DOLO_START")
    end_date = models.DateField(null=True, blank=True, help_text="DOLO_END")
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "deprivations of liberty"

    def __str__(self):
        until = f" to {self.end_date:%-d %b %Y}" if self.end_date else ", in force"
        return f"Deprivation of liberty order from {self.start_date:%-d %b %Y}{until}"

    def clean(self):
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The order cannot end before it starts."})
