"""Family Help episodes, assessments and child in need plans in the synthetic council's journeys.

The front door's planner (frontdoor.synthetic) asks this module how long each stage takes;
the contribution below writes the rows for every planned journey, keeping what had happened by
the as-at date: an assessment authorised later is still open, a plan reviewed later is still due.
"""

from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta

from council.synthetic.casework import Weighted, between, date
from council.synthetic.registry import contributes

from .codes import AssessmentFactor, StepDirection
from .models import (
    Assessment,
    AssessmentFactorRecord,
    AssessmentOutcome,
    CINPlan,
    CINPlanReview,
    FamilyHelpEpisode,
    FamilyPlan,
    StepDecision,
    cin_plan_review_due,
)


@dataclass(slots=True)
class FamilyHelpPlan:
    start: int
    end: int
    agreed: int  # the family plan
    step_up: bool
    locality: int
    contact: object = None
    stepped_down_from: object = None  # the referral it stepped down from
    children: list = field(default_factory=list)
    team: object = None
    worker: int | None = None
    ids: list = field(default_factory=list)

    def open_on(self, day: int) -> bool:
        return self.start <= day < self.end

    def involvements(self, day: int):
        if self.open_on(day):
            yield "lead_practitioner", self.worker, self.team.id, self.start


@dataclass(slots=True)
class AssessmentPlan:
    start: int
    authorised: int
    outcome: str = ""


@dataclass(slots=True)
class CinPlanPlan:
    start: int
    end: int
    reviews: list

    def open_on(self, day: int) -> bool:
        return self.start <= day < self.end


def plan_family_help(planner, start, locality, *, contact=None, stepped_down_from=None) -> FamilyHelpPlan:
    r, j = planner.rng, planner.rates
    return FamilyHelpPlan(
        start,
        start + between(r, j.family_help_days),
        start + between(r, j.family_plan_agreed_days),
        r.random() < j.family_help_step_up_share,
        locality,
        contact=contact,
        stepped_down_from=stepped_down_from,
    )


def plan_assessment(planner, referred: int) -> AssessmentPlan:
    """Started within days of the referral; authorised within 45 working days, or late, at the set share."""
    r, j, days = planner.rng, planner.rates, planner.days
    start = days.add(days.on_or_after(referred), between(r, j.assessment_start_working_days))
    on_time = r.random() < j.assessment_on_time_share
    n = between(r, j.assessment_working_days if on_time else j.assessment_late_working_days)
    return AssessmentPlan(start, max(start, days.add(referred, n)))


def plan_cin_plan(planner, day: int, after_cp_plan: bool = False, need: str = "") -> CinPlanPlan:
    """Reviewed at the local interval (mostly on time) until a review ends it: seldom for a disabled child,
    whose plan (short breaks, support at home) usually runs for years.

    After a child protection plan the CIN plan starts from the day after the review that ended it: the
    CIN census validator's rule 4003 matches a review with every plan of the child that has the same number
    in any CIN episode, so a step-down on the review's own day reads as a review held in an open CIN plan
    for a child with a later plan (docs/returns.md)."""
    r, j, days = planner.rng, planner.rates, planner.days
    start = day + between(r, j.cin_plan_start_days)
    if after_cp_plan:
        start = max(start, day + 1)  # the same draws, so every later record stays as it was
    reviews, previous = [], start
    while True:
        due = days.due("CIN_PLAN_REVIEW", previous)
        if r.random() < j.cin_review_on_time_share:
            held = max(previous + 1, days.on_or_before(due - between(r, j.cin_review_early_days)))
        else:
            held = days.on_or_after(due + between(r, j.cin_review_late_days))
        reviews.append(held)
        if r.random() < j.cin_plan_ends_at_review_by_need.get(need, j.cin_plan_ends_at_review_share):
            return CinPlanPlan(start, held, reviews)
        previous = held


REASONS = (
    "Parenting support and routines for the younger children.",
    "Support with the child's behaviour at home and attendance at school.",
    "Domestic abuse recovery work with the parent and children.",
    "Help with housing, debt and benefits while the parent's health improves.",
    "Young carer support and a break for the family.",
    "Emotional wellbeing support for the young person.",
)
GOALS = (
    "Children at school every day; bedtime routine in place; parent attends the parenting course.",
    "Family safety plan agreed; parent engages with the domestic abuse service.",
    "Debts and tenancy stabilised; GP review of the parent's mental health.",
    "Young person attends the youth group weekly and has a trusted adult at school.",
)
SUMMARIES = {
    AssessmentOutcome.NO_FURTHER_ACTION: (
        "Needs met within the family and universal services; no further action."
    ),
    AssessmentOutcome.FAMILY_HELP: "Needs can be met by Family Help with a lead practitioner; stepped down.",
    AssessmentOutcome.CIN_PLAN: "The child is in need; a child in need plan will be agreed with the family.",
    AssessmentOutcome.STRATEGY: "Risk of significant harm identified; strategy discussion held.",
}
STEP_REASONS = {
    StepDirection.DOWN: "Risks reduced; the family's needs can be met by Family Help.",
    StepDirection.UP: "Concerns have increased despite Family Help; referred to children's social care.",
}


class FamilyHelpWriter:
    def __init__(self, council):
        self.council = council
        self.rng = council.rng("familyhelp.records")
        self.as_at = council.as_at.toordinal()
        self.person_ids = council.lookups["people.children"].person_ids
        j = council.rates.journeys
        self.factor_counts, self.factors = Weighted(j.factors_per_assessment), Weighted(j.assessment_factors)
        self.no_factors_share = j.no_factors_share
        self.no_factors_rng = council.rng("familyhelp.no_factors")  # its own stream: other draws as they were
        self.review_interval = relativedelta(months=j.family_plan_review_months)

    def journey(self, journey) -> None:
        for episode in journey.family_help:
            if episode.start <= self.as_at:
                self.family_help(episode)
        for ref in journey.referrals:
            if ref.start > self.as_at:
                continue
            if ref.stepped_up_from is not None:
                self.step(StepDirection.UP, ref.start, ref.stepped_up_from, ref)
            if ref.assessment is not None and ref.assessment.start <= self.as_at:
                self.assessment(ref)
            if ref.cin_plan is not None and ref.cin_plan.start <= self.as_at:
                self.cin_plan(ref)

    def family_help(self, episode: FamilyHelpPlan) -> None:
        r, insert, as_at = self.rng, self.council.insert, self.as_at
        reason = r.choice(REASONS)
        ended = episode.end <= as_at
        closure = ""
        if ended:
            closure = "Stepped up to children's social care" if episode.step_up else "Family plan goals met"
        for child in episode.children:
            pk = insert(
                FamilyHelpEpisode,
                person_id=self.person_ids[child],
                start_date=date(episode.start),
                end_date=date(episode.end) if ended else None,
                lead_practitioner_id=episode.worker,
                team_id=episode.team.id,
                reason=reason,
                closure_reason=closure,
            )
            episode.ids.append(pk)
            if episode.agreed <= as_at:
                agreed = date(episode.agreed)
                insert(
                    FamilyPlan,
                    episode_id=pk,
                    agreed_on=agreed,
                    goals=r.choice(GOALS),
                    next_review_due=agreed + self.review_interval,
                )
        if episode.stepped_down_from is not None:
            self.step(StepDirection.DOWN, episode.start, episode, episode.stepped_down_from)

    def step(self, direction, day, episode, ref) -> None:
        manager = (ref.team if direction == StepDirection.DOWN else episode.team).manager
        for episode_id, referral_id, child in zip(episode.ids, ref.ids, ref.children):
            self.council.insert(
                StepDecision,
                person_id=self.person_ids[child],
                direction=direction,
                decided_on=date(day),
                decided_by_id=manager,
                reason=STEP_REASONS[direction],
                family_help_episode_id=episode_id,
                referral_id=referral_id,
            )

    def assessment(self, ref) -> None:
        r, insert, plan = self.rng, self.council.insert, ref.assessment
        authorised = plan.authorised <= self.as_at
        due = date(self.council.lookups["frontdoor.workdays"].due("ASSESSMENT", ref.start))
        codes = sorted({self.factors(r) for _ in range(self.factor_counts(r))})
        # No factors: recorded on its own (the form insists; CIN rule 8869), and only where the episode
        # closed at the assessment, with no further action or to Family Help (RC8, RC9: rule 8873Q), so
        # never after an enquiry.
        no_factors = self.no_factors_rng.random() < self.no_factors_share.get(plan.outcome, 0)
        if no_factors and ref.protection is None:
            codes = [AssessmentFactor.NO_FACTORS]
        for child, referral_id in zip(ref.children, ref.ids):
            pk = insert(
                Assessment,
                referral_id=referral_id,
                person_id=self.person_ids[child],
                worker_id=ref.worker,
                start_date=date(plan.start),
                authorisation_date=date(plan.authorised) if authorised else None,
                due_date=due,
                outcome=plan.outcome if authorised else "",
                summary=SUMMARIES[plan.outcome] if authorised else "",
            )
            for code in codes:
                insert(AssessmentFactorRecord, assessment_id=pk, code=code)

    def cin_plan(self, ref) -> None:
        plan, as_at, workdays = ref.cin_plan, self.as_at, self.council.lookups["frontdoor.workdays"]
        reviews = [day for day in plan.reviews if day <= as_at]
        ended = plan.end <= as_at
        next_due = (
            None
            if ended
            else cin_plan_review_due(date(plan.start), [date(day) for day in reviews], workdays.due_on)
        )
        for child, referral_id in zip(ref.children, ref.ids):
            pk = self.council.insert(
                CINPlan,
                referral_id=referral_id,
                person_id=self.person_ids[child],
                start_date=date(plan.start),
                end_date=date(plan.end) if ended else None,
                next_review_due=next_due,
            )
            for day in reviews:
                self.council.insert(CINPlanReview, plan_id=pk, review_date=date(day))


@contributes(order=51)
def family_help_and_assessments(council):
    writer = FamilyHelpWriter(council)
    for n, journey in enumerate(council.lookups["frontdoor.journeys"]):
        writer.journey(journey)
        if n % 5_000 == 4_999:
            council.flush()
