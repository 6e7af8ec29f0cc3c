"""Looked-after reviews chaired by the IRO (the 903 Reviews table), and statutory visits."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from people.planning import Action

from ..codes import ReviewParticipation
from .periods import InCare

User = settings.AUTH_USER_MODEL
PARTICIPATION_AGE = 4  # PN0 is for children under 4 at the review (903 rules 440 and 441)


class Review(InCare):
    """A looked-after review; its due date follows from the period's start and the reviews before it."""

    held_on = models.DateField(help_text="REVIEW")
    participation = models.CharField(
        max_length=3, choices=ReviewParticipation.choices, help_text="REVIEW_CODE"
    )
    iro = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews_chaired",
        verbose_name="independent reviewing officer",
    )
    due_on = models.DateField(null=True, editable=False)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["held_on", "pk"]
        indexes = [models.Index(fields=["person", "held_on"])]

    @property
    def on_time(self) -> bool:
        return self.due_on is not None and self.held_on <= self.due_on

    def clean(self):
        if self.period_id and self.held_on and self.held_on < self.period.start_date:
            raise ValidationError(
                {"held_on": "The review must be on or after the day the child became looked after."}
            )
        age = self.period.person.age_on(self.held_on) if self.period_id and self.held_on else None
        if age is not None and self.participation:
            under_4 = age < PARTICIPATION_AGE
            if under_4 != (self.participation == ReviewParticipation.UNDER_4):
                message = (
                    f"Select “{ReviewParticipation.UNDER_4.label}”: the child was under 4 at the review"
                    if under_4
                    else "The child was 4 or over at the review: select how they took part"
                )
                raise ValidationError({"participation": message})

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.period.refresh_reviews()


class Visit(InCare):
    """A statutory visit by the child's social worker (Care Planning Regulations 2010, reg 28)."""

    visited_on = models.DateField()
    visited_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="care_visits_made")
    child_seen = models.BooleanField(default=True)
    seen_alone = models.BooleanField(default=False)
    child_agrees_to_fewer_visits = models.BooleanField(
        "the child agrees to be visited less often",
        null=True,
        blank=True,
        help_text=(
            "In a long-term foster placement of a year or more, a child of sufficient age and understanding "
            "may agree to visits at most every 6 months (Care Planning Regulations reg 28(3A)). Leave blank "
            "if not asked; the latest answer stands."
        ),
    )
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["visited_on", "pk"]
        indexes = [models.Index(fields=["person", "visited_on"])]

    def __str__(self):
        seen = "seen alone" if self.seen_alone else ("seen" if self.child_seen else "not seen")
        return f"{self.visited_on:%-d %b %Y}: by {self.visited_by}, child {seen}"

    def clean(self):
        if self.seen_alone and not self.child_seen:
            raise ValidationError({"seen_alone": "A child seen alone was seen: tick both or neither."})


class ReviewRecommendation(Action):
    """A recommendation of a looked-after review: what the IRO recommends, who will do it, by when."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="recommendations")
