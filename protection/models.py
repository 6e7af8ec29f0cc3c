"""Strategy discussions, section 47 enquiries, conferences, child protection plans and visits.

Under the reforms this work sits with a multi-agency child protection team (an access.Team of
kind MACPT) and a lead child protection practitioner per child.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from people.planning import Action, Objective
from timescales import registry

from .codes import (
    QUORATE_AGENCIES,
    AbuseCategory,
    Agency,
    ConferenceKind,
    ConferenceOutcome,
    CoreGroupAgency,
    Section47Outcome,
    StrategyOutcome,
)

User = settings.AUTH_USER_MODEL


class StrategyDiscussion(models.Model):
    referral = models.ForeignKey(
        "frontdoor.Referral", on_delete=models.PROTECT, related_name="strategy_discussions"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="strategy_discussions")
    held_on = models.DateField()
    chaired_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(max_length=10, choices=StrategyOutcome.choices)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()


class StrategyAttendee(models.Model):
    discussion = models.ForeignKey(StrategyDiscussion, on_delete=models.CASCADE, related_name="attendees")
    name = models.CharField(max_length=200)
    agency = models.CharField(max_length=20, choices=Agency.choices)
    user = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")


class Section47(models.Model):
    """A s47 enquiry; the initial conference is due 15 working days from the strategy discussion."""

    referral = models.ForeignKey("frontdoor.Referral", on_delete=models.PROTECT, related_name="section47s")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="section47s")
    strategy_discussion = models.ForeignKey(
        StrategyDiscussion, on_delete=models.PROTECT, related_name="section47s"
    )
    start_date = models.DateField(help_text="S47ActualStartDate in the CIN census.")
    icpc_due = models.DateField(editable=False, help_text="InitialCPCtarget in the CIN census.")
    outcome = models.CharField(max_length=10, choices=Section47Outcome.choices, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    icpc_not_required = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "section 47 enquiry"
        indexes = [models.Index(fields=["icpc_due"])]

    def save(self, *args, **kwargs):
        self.icpc_due = registry.get("ICPC").due(self.strategy_discussion.held_on)
        super().save(*args, **kwargs)


def next_review_due(start_date, review_dates, due: registry.Due = registry.due):
    """An open plan's next review: the first within 3 months of the plan starting, then at most 6 months
    apart. A function of the dates, so an import and the synthetic council set it without a query per plan."""
    if not review_dates:
        return due("CP_REVIEW_FIRST", start_date)
    return due("CP_REVIEW_SUBSEQUENT", max(review_dates))


class ChildProtectionPlan(models.Model):
    referral = models.ForeignKey("frontdoor.Referral", on_delete=models.PROTECT, related_name="cp_plans")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cp_plans")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    initial_category = models.CharField(max_length=3, choices=AbuseCategory.choices)
    latest_category = models.CharField(max_length=3, choices=AbuseCategory.choices)
    previous_plans = models.PositiveSmallIntegerField(
        default=0,
        editable=False,
        help_text=(
            "Plans this child had before (NumberOfPreviousCPP); 1+ makes this a second or subsequent plan."
        ),
    )
    team = models.ForeignKey(
        "access.Team",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cp_plans",
        help_text="The multi-agency child protection team.",
    )
    lead_practitioner = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cp_plans_led",
        help_text="The lead child protection practitioner.",
    )
    next_review_due = models.DateField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["start_date"]), models.Index(fields=["end_date", "next_review_due"])]

    @property
    def is_second_or_subsequent(self) -> bool:
        return self.previous_plans > 0

    def clean(self):
        if self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "A child protection plan cannot end before it starts."})

    def review_dates(self):
        return list(
            self.conferences.filter(kind=ConferenceKind.REVIEW)
            .order_by("date")
            .values_list("date", flat=True)
        )

    def compute_next_review_due(self):
        if self.end_date:
            return None
        return next_review_due(self.start_date, self.review_dates() if self.pk else [])

    def save(self, *args, **kwargs):
        if self._state.adding:
            self.previous_plans = ChildProtectionPlan.objects.filter(
                person_id=self.person_id, start_date__lt=self.start_date
            ).count()
        self.next_review_due = self.compute_next_review_due()
        super().save(*args, **kwargs)


class ChildProtectionConference(models.Model):
    referral = models.ForeignKey("frontdoor.Referral", on_delete=models.PROTECT, related_name="conferences")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="conferences")
    section47 = models.ForeignKey(
        Section47, null=True, blank=True, on_delete=models.PROTECT, related_name="conferences"
    )
    plan = models.ForeignKey(
        ChildProtectionPlan, null=True, blank=True, on_delete=models.PROTECT, related_name="conferences"
    )
    kind = models.CharField(max_length=12, choices=ConferenceKind.choices)
    date = models.DateField()
    chair = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="conferences_chaired"
    )
    outcome = models.CharField(max_length=10, choices=ConferenceOutcome.choices)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["kind", "date"])]

    @property
    def quorate(self) -> bool:
        """Quorate when at least three agencies, including social care, took part."""
        agencies = set(self.attendees.values_list("agency", flat=True))
        return Agency.SOCIAL_CARE in agencies and len(agencies) >= QUORATE_AGENCIES

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.plan_id:  # a review moves the plan's next review date on
            plan = self.plan
            plan.next_review_due = plan.compute_next_review_due()
            plan.save(update_fields=["next_review_due"])


class ConferenceAttendee(models.Model):
    conference = models.ForeignKey(
        ChildProtectionConference, on_delete=models.CASCADE, related_name="attendees"
    )
    name = models.CharField(max_length=200)
    agency = models.CharField(max_length=20, choices=Agency.choices)
    user = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")


class VisitKind(models.TextChoices):
    CHILD_PROTECTION = "cp", "Child protection visit"
    CHILD_IN_NEED = "cin", "Child in need visit"


class Visit(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="visits")
    kind = models.CharField(max_length=4, choices=VisitKind.choices)
    visited_on = models.DateField()
    visited_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    child_seen = models.BooleanField(default=True)
    seen_alone = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["person", "visited_on"])]


class PlanObjective(Objective):
    """What needs to change for the child on a child protection plan."""

    plan = models.ForeignKey(ChildProtectionPlan, on_delete=models.CASCADE, related_name="objectives")


class PlanAction(Action):
    """Who will do what by when under a child protection plan; the core group checks progress."""

    plan = models.ForeignKey(ChildProtectionPlan, on_delete=models.CASCADE, related_name="actions")
    objective = models.ForeignKey(
        PlanObjective, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )


class CoreGroupMember(models.Model):
    """A member of the core group: the family and the professionals who carry out the plan together."""

    plan = models.ForeignKey(ChildProtectionPlan, on_delete=models.CASCADE, related_name="core_group")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, help_text="Their role or relationship to the child.")
    agency = models.CharField(max_length=20, choices=CoreGroupAgency.choices)
    joined_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    def __str__(self):
        return f"{self.name} ({self.role})"


class CoreGroupMeeting(models.Model):
    """A meeting of the core group that carries the child protection plan forward: who came, progress against
    the plan, when it meets next. The first is due within 10 working days of the initial conference
    (Working Together to Safeguard Children 2023, chapter 3; CP_CORE_GROUP_FIRST)."""

    plan = models.ForeignKey(ChildProtectionPlan, on_delete=models.PROTECT, related_name="core_groups")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="core_groups")
    held_on = models.DateField()
    attendees = models.ManyToManyField(CoreGroupMember, blank=True, related_name="meetings")
    notes = models.TextField("progress against the plan", blank=True)
    next_meeting_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[attendees])

    class Meta:
        ordering = ["held_on", "pk"]
        indexes = [models.Index(fields=["plan", "held_on"])]

    def __str__(self):
        return f"Core group meeting, {self.held_on:%-d %B %Y}"
