"""Strategy discussions, section 47 enquiries, conferences, child protection plans and visits.

`plan_protection` is asked by the front door's planner (frontdoor.synthetic) what follows a
strategy discussion; the contribution writes the rows. A plan ends at a review conference (now and
then between reviews, or when proceedings are issued), so plan lengths and review timeliness come
from the review schedule the registry sets: first within 3 months, then at most 6 months apart; a
review brought forward (the plan's aims met early) ends the plan, unless the family is in proceedings.
"""

from dataclasses import dataclass, field

from council.synthetic.casework import Weighted, between, date
from council.synthetic.registry import contributes
from people.synthetic import YEAR_DAYS
from proceedings import synthetic as proceedings

from .codes import Agency, ConferenceKind, ConferenceOutcome, Section47Outcome, StrategyOutcome
from .models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    ConferenceAttendee,
    CoreGroupMeeting,
    Section47,
    StrategyAttendee,
    StrategyDiscussion,
    Visit,
    VisitKind,
    next_review_due,
)


@dataclass(slots=True)
class ProtectionPlan:
    """From the strategy discussion to the end of any child protection plan."""

    strategy: int
    strategy_outcome: str = StrategyOutcome.SECTION_47
    section47_start: int | None = None
    section47_done: int | None = None
    section47_outcome: str = ""
    icpc: int | None = None
    icpc_outcome: str = ""
    plan_start: int | None = None
    plan_end: int | None = None  # None: the plan outlasts every date planned (proceedings ended it)
    categories: tuple = ("", "")  # initial and, after any change at a review, latest
    reviews: list = field(default_factory=list)  # (day, outcome)
    court: object = None  # proceedings.CourtPlan
    end: int = 0  # when this stage of the referral ended
    then: str = ""  # what the referral does next
    team: object = None
    lead: int | None = None
    chair: int | None = None
    plan_ids: list = field(default_factory=list)

    def plan_open_on(self, day: int) -> bool:
        return (
            self.plan_start is not None
            and self.plan_start <= day
            and (self.plan_end is None or self.plan_end > day)
        )

    def involvements(self, day: int):
        if self.plan_open_on(day):
            yield "lead_cp_practitioner", self.lead, self.team.id, self.plan_start
            yield "team", None, self.team.id, self.plan_start
            yield "chair", self.chair, None, self.plan_start


def plan_protection(planner, day: int, repeat: bool) -> ProtectionPlan:
    """The enquiry, conference and plan that may follow a strategy discussion held on `day`.

    A family whose child had a plan before (`repeat`) goes to conference more often.
    """
    r, j, days = planner.rng, planner.rates, planner.days
    cp = ProtectionPlan(day, end=day, then="assess")
    if r.random() >= j.strategy_to_section47_share:
        cp.strategy_outcome = r.choice((StrategyOutcome.SINGLE_AGENCY, StrategyOutcome.NO_FURTHER_ACTION))
        return cp
    cp.section47_start = day
    if r.random() >= (j.repeat_section47_to_icpc_share if repeat else j.section47_to_icpc_share):
        cp.section47_done = cp.end = days.add(day, between(r, j.section47_working_days))
        cp.section47_outcome = r.choice(
            (Section47Outcome.CONCERNS_NOT_ICPC, Section47Outcome.NOT_SUBSTANTIATED)
        )
        return cp
    on_time = r.random() < j.icpc_on_time_share
    cp.icpc = days.add(day, between(r, j.icpc_working_days if on_time else j.icpc_late_working_days))
    cp.section47_outcome = Section47Outcome.ICPC
    cp.section47_done = max(day, days.add(cp.icpc, -between(r, j.section47_done_before_icpc_working_days)))
    if r.random() >= j.icpc_to_plan_share:
        cp.icpc_outcome, cp.end, cp.then = ConferenceOutcome.NO_PLAN, cp.icpc, "cin_plan"
        return cp
    cp.icpc_outcome = ConferenceOutcome.PLAN
    _plan(planner, cp)
    return cp


def _plan(planner, cp: ProtectionPlan) -> None:
    r, j, days = planner.rng, planner.rates, planner.days
    categories = Weighted(j.cp_categories)
    initial = categories(r)
    latest = categories(r) if r.random() < j.cp_category_change_share else initial
    cp.plan_start = previous = cp.icpc
    court = cp.court = proceedings.plan_court(planner, cp.plan_start)
    due = days.due("CP_REVIEW_FIRST", cp.plan_start)
    first = True
    while True:
        after, before = j.cp_review_brought_forward_days
        brought_forward = not first and r.random() < j.cp_review_brought_forward_share
        brought_forward &= previous + after < due - before
        if brought_forward:
            held = days.on_or_before(r.randint(previous + after, due - before))
        elif r.random() < j.cp_review_on_time_share:
            held = max(previous + 1, days.on_or_before(due - between(r, j.cp_review_early_days)))
        else:
            held = days.on_or_after(due + between(r, j.cp_review_late_days))
        if court is not None and court.issued is not None and court.issued <= held:
            cp.plan_end, cp.end, cp.then = court.issued, court.ended, court.then
            break
        if r.random() < j.cp_ends_between_reviews_share:
            between_reviews = r.randint(previous + 1, held - 1)
            if court is None or court.settled_by(between_reviews):
                cp.plan_end = cp.end = between_reviews
                cp.then = planner.after_plan(r)
                break
        share = j.cp_ends_at_first_review_share if first else j.cp_ends_at_later_review_share
        ends = (court is None or court.settled_by(held)) and (brought_forward or r.random() < share)
        cp.reviews.append((held, ConferenceOutcome.END_PLAN if ends else ConferenceOutcome.CONTINUE))
        if ends:
            cp.plan_end = cp.end = held
            cp.then = planner.after_plan(r)
            break
        previous, first = held, False
        due = days.due("CP_REVIEW_SUBSEQUENT", held)
    if court is not None and cp.plan_end != court.issued and court.begins >= cp.plan_end:
        cp.court = None  # the plan ended before the family needed to go to court
    cp.categories = (initial, latest)


def allocate(planner, cp: ProtectionPlan, locality: int, children: int) -> None:
    """The multi-agency team of the family's locality, a lead practitioner in it, and a chair."""
    cp.team = planner.staff.team("child_protection", locality)
    if cp.icpc is None:
        return
    open_now = cp.plan_open_on(planner.as_at)
    cp.chair = planner.staff.chair(children, open_now)
    if cp.plan_start is not None:
        cp.lead = planner.staff.worker(cp.team, children, open_now)


# Writing the rows

CORE_GROUP_ON_TIME_SHARE = 0.9
CORE_GROUP_WORKING_DAYS = (3, 10)
CORE_GROUP_LATE_WORKING_DAYS = (11, 20)
STRATEGY_NOTES = (
    "Information shared by police, health and school; threshold for s47 considered.",
    "Child seen and spoken to today; safety plan agreed with the non-abusing parent.",
    "Joint visit with police agreed; medical to be arranged if injuries are seen.",
)


class ProtectionWriter:
    def __init__(self, council):
        self.council = council
        self.rng = council.rng("protection.records")
        self.core_group_rng = council.rng("protection.core_groups")
        self.as_at = council.as_at.toordinal()
        self.index = council.lookups["people.children"]
        self.names = council.lookups["access.staff_names"]
        self.days = council.lookups["frontdoor.workdays"]
        self.demo_worker = council.lookups["access.demo_users"].get("social.worker")
        self.demo_overdue_shown = False
        self.pool = council.names.british

    def journey(self, journey) -> None:
        previous_plans: dict[int, int] = {}
        for ref in journey.referrals:
            cp = ref.protection
            if cp is not None and cp.strategy <= self.as_at:
                self.protection(ref, cp, previous_plans)
            if ref.cin_plan is not None and ref.cin_plan.start <= self.as_at:
                self.visits(
                    ref.children,
                    VisitKind.CHILD_IN_NEED,
                    ref.cin_plan.start,
                    ref.cin_plan.end,
                    ref.worker,
                    self.council.rates.journeys.cin_visit_days,
                    calendar_days=True,
                )

    def protection(self, ref, cp: ProtectionPlan, previous_plans: dict) -> None:
        as_at, insert, person_ids = self.as_at, self.council.insert, self.index.person_ids
        chair_of_strategy = cp.team.manager
        attendees = self.attendees(ref, cp, self.council.rates.journeys.strategy_agencies, ref.worker)
        s47_done = cp.section47_done is not None and cp.section47_done <= as_at
        for child, referral_id in zip(ref.children, ref.ids):
            person_id = person_ids[child]
            discussion = insert(
                StrategyDiscussion,
                referral_id=referral_id,
                person_id=person_id,
                held_on=date(cp.strategy),
                chaired_by_id=chair_of_strategy,
                outcome=cp.strategy_outcome,
                notes=self.rng.choice(STRATEGY_NOTES),
            )
            for name, agency, user in attendees:
                insert(StrategyAttendee, discussion_id=discussion, name=name, agency=agency, user_id=user)
            if cp.section47_start is None:
                continue
            enquiry = insert(
                Section47,
                referral_id=referral_id,
                person_id=person_id,
                strategy_discussion_id=discussion,
                start_date=date(cp.section47_start),
                icpc_due=date(self.days.due("ICPC", cp.strategy)),
                outcome=cp.section47_outcome if s47_done else "",
                completed_on=date(cp.section47_done) if s47_done else None,
                icpc_not_required=s47_done and cp.section47_outcome != Section47Outcome.ICPC,
            )
            if cp.icpc is not None and cp.icpc <= as_at:
                plan = (
                    self.plan(child, referral_id, cp, previous_plans) if cp.plan_start is not None else None
                )
                self.conference(
                    ref,
                    cp,
                    referral_id,
                    person_id,
                    ConferenceKind.INITIAL,
                    cp.icpc,
                    cp.icpc_outcome,
                    section47_id=enquiry,
                    plan_id=plan,
                )
                for day, outcome in cp.reviews:
                    if day <= as_at:
                        self.conference(
                            ref, cp, referral_id, person_id, ConferenceKind.REVIEW, day, outcome, plan_id=plan
                        )
        if cp.plan_start is not None and cp.plan_start <= as_at:
            lead_late = cp.lead == self.demo_worker and not self.demo_overdue_shown and cp.plan_open_on(as_at)
            self.demo_overdue_shown |= lead_late
            self.visits(
                ref.children,
                VisitKind.CHILD_PROTECTION,
                cp.plan_start,
                cp.plan_end,
                cp.lead,
                self.council.rates.journeys.cp_visit_working_days,
                last_late=lead_late,
            )

    def plan(self, child, referral_id, cp: ProtectionPlan, previous_plans: dict) -> int:
        ended = cp.plan_end is not None and cp.plan_end <= self.as_at
        reviews = [day for day, _ in cp.reviews if day <= self.as_at]
        next_due = (
            None
            if ended
            else next_review_due(date(cp.plan_start), [date(day) for day in reviews], self.days.due_on)
        )
        latest = cp.categories[1] if reviews else cp.categories[0]
        pk = self.council.insert(
            ChildProtectionPlan,
            referral_id=referral_id,
            person_id=self.index.person_ids[child],
            start_date=date(cp.plan_start),
            end_date=date(cp.plan_end) if ended else None,
            initial_category=cp.categories[0],
            latest_category=latest,
            previous_plans=previous_plans.get(child, 0),
            team_id=cp.team.id,
            lead_practitioner_id=cp.lead,
            next_review_due=next_due,
        )
        previous_plans[child] = previous_plans.get(child, 0) + 1
        cp.plan_ids.append(pk)
        self.first_core_group(pk, child, cp)
        return pk

    def first_core_group(self, plan_id, child, cp: ProtectionPlan) -> None:
        """Within 10 working days of the initial conference, nine times in ten (its own random stream, so the
        rest of the council is drawn as before)."""
        r = self.core_group_rng
        gap = (
            r.randint(*CORE_GROUP_WORKING_DAYS)
            if r.random() < CORE_GROUP_ON_TIME_SHARE
            else r.randint(*CORE_GROUP_LATE_WORKING_DAYS)
        )
        day = self.days.add(cp.plan_start, gap)
        if day <= self.as_at and (cp.plan_end is None or day <= cp.plan_end):
            self.council.insert(
                CoreGroupMeeting, plan_id=plan_id, person_id=self.index.person_ids[child], held_on=date(day)
            )

    def conference(self, ref, cp, referral_id, person_id, kind, day, outcome, **links) -> None:
        conference = self.council.insert(
            ChildProtectionConference,
            referral_id=referral_id,
            person_id=person_id,
            kind=kind,
            date=date(day),
            chair_id=cp.chair,
            outcome=outcome,
            **links,
        )
        social_worker = cp.lead if kind == ConferenceKind.REVIEW else ref.worker
        for name, agency, user in self.attendees(
            ref, cp, self.council.rates.journeys.conference_agencies, social_worker
        ):
            self.council.insert(
                ConferenceAttendee, conference_id=conference, name=name, agency=agency, user_id=user
            )

    def attendees(self, ref, cp, agencies: dict, social_worker) -> list[tuple]:
        """Children's social care and the police always (strategy) or usually (conference), then partners."""
        r, team = self.rng, cp.team
        present = [(self.names[social_worker], Agency.SOCIAL_CARE, social_worker)]
        for agency, share in {"police": 1.0, **agencies}.items():
            if r.random() >= share:
                continue
            members = team.partners.get(agency)
            if members:
                user = r.choice(members)
                present.append((self.names[user], agency, user))
            else:
                present.append((self._outsider(agency), agency, None))
        return present

    def _outsider(self, agency: str) -> str:
        name = f"{self.pool.forename(self.rng, '')} {self.pool.surname(self.rng)}"
        role = {
            "education": "designated safeguarding lead",
            "health": "health visitor",
            "probation": "probation officer",
            "police": "detective constable",
        }[agency]
        return f"{name} ({role})"

    def visits(
        self, children, kind, start, end, worker, gaps, *, calendar_days=False, last_late=False
    ) -> None:
        """Visits over the last months of a plan: mostly at the local interval, sometimes late."""
        r, j, as_at = self.rng, self.council.rates.journeys, self.as_at
        stop = as_at if end is None else min(end, as_at)
        day = max(start, as_at - j.cp_visit_history_days)
        if stop < day:
            return
        visits = []
        while True:
            late = kind == VisitKind.CHILD_PROTECTION and r.random() < j.cp_visit_late_share
            gap = between(r, j.cp_visit_late_working_days if late else gaps)
            day = day + gap if calendar_days else self.days.add(day, gap)
            if day > stop:
                break
            visits.append(day)
        if last_late:
            overdue_by = between(r, j.cp_visit_late_working_days)
            visits = [d for d in visits if d <= self.days.add(as_at, -overdue_by)]
        for day in visits:
            seen = r.random() < j.child_seen_share
            for child in children:
                born = self.index.birth[child]
                child_seen = seen and born <= day  # an unborn child cannot be seen
                old_enough = day - born >= j.seen_alone_from_age * YEAR_DAYS
                alone = child_seen and old_enough and r.random() < j.seen_alone_share
                self.council.insert(
                    Visit,
                    person_id=self.index.person_ids[child],
                    kind=kind,
                    visited_on=date(day),
                    visited_by_id=worker,
                    child_seen=child_seen,
                    seen_alone=alone,
                    notes="",
                )


@contributes(order=52)
def child_protection(council):
    writer = ProtectionWriter(council)
    for n, journey in enumerate(council.lookups["frontdoor.journeys"]):
        writer.journey(journey)
        if n % 5_000 == 4_999:
            council.flush()
