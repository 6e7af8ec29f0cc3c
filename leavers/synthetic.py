"""Care leavers in the synthetic council: personal advisers, pathway plans, contact, accommodation, activity,
Staying Put, Staying Close and the OC3 birthday information.

care.synthetic plans the periods of care (lookup "care.periods"): care leavers were looked after to 18
(a few moved on at 17), so each is a former relevant child, and 16 and 17-year-olds in care who are
eligible children already have a pathway plan and most a personal adviser. Their life after care is
drawn here from council.scales.CareRates, so about 94% live somewhere suitable and 60% are in
education, employment or training (CL_SUITABLE_ACCOMMODATION, CL_EET); each row is within what the
models' clean() accepts. Every OC3 birthday the SSDA903 asks about has its record (a few are missed),
including those of young people who left care at 16 or 17 to family (lookup "care.ended_periods").
"""

from access.models import Involvement
from access.models import InvolvementKind as IK
from council.synthetic.casework import Weighted, between, date
from council.synthetic.registry import contributes
from people.synthetic import YEAR_DAYS
from timescales.dates import birthday

from .codes import NEVER_SUITABLE, InTouch, LeaverStatus
from .codes import AccommodationType as A
from .eligibility import eligible_from, home_for_six_months, status
from .models import (
    OC3_AGES,
    Accommodation,
    BirthdaySnapshot,
    EducationEmployment,
    KeepingInTouch,
    LeavingCareNeedsAssessment,
    PathwayPlan,
    PathwayPlanReview,
    StayingCloseConsideration,
    StayingPut,
    pathway_plan_review_due,
)
from .snapshots import due_birthday

# Accommodation the council does not count as suitable however it is arranged.
UNSUITABLE = set(NEVER_SUITABLE) | {A.BED_AND_BREAKFAST, A.EMERGENCY, A.NOT_KNOWN}
# Periods of care that ended with the young person living with family: home, or an SGO, CAO or relatives.
ENDED_TO_FAMILY = {"home", "sgo", "cao", "relatives"}
STAYING_CLOSE_SUPPORT = (
    "A flat near former carers, with a key worker visiting weekly and help with bills and budgeting.",
    "Supported tenancy close to school and friends; key worker and out-of-hours contact for a year.",
    "Help to find and keep a home near the residential home, with staff from the home staying in touch.",
)
STAYING_CLOSE_REASONS = {
    "not_required": (
        "Settled with Staying Put carers; the young person's welfare does not require Staying Close."
    ),
    "declined": "Offered Staying Close support; the young person chose to move to a tenancy near family.",
}


class LeaverWriter:
    def __init__(self, council):
        self.council, self.rates = council, council.rates.care
        self.rng = council.rng("leavers.records")
        self.index = council.lookups["people.children"]
        self.days = council.lookups["frontdoor.workdays"]
        self.teams = council.lookups["access.teams"]["care_leavers"]
        self.as_at = council.as_at.toordinal()
        rates = self.rates
        self.in_touch = Weighted(rates.in_touch)
        self.first_home = Weighted(rates.accommodation_at_18)
        self.later_home = Weighted(rates.accommodation_later)
        self.activities = Weighted(rates.activities)
        self.staying_close = Weighted(rates.staying_close)
        self.stays = {}  # child: stays in all their periods of care, oldest first
        self.left_to_family_done: set[int] = set()  # OC3 birthdays are judged on all of a child's stays
        for period in council.lookups["care.periods"] + council.lookups["care.ended_periods"]:
            for child in period.children:
                self.stays.setdefault(child, []).extend(period.stays())
        for stays in self.stays.values():
            stays.sort(key=lambda stay: stay.start)

    def plan(self, period) -> None:
        child = period.children[0]
        born = date(self.index.birth[child])
        stays = period.stays()
        as_at = date(self.as_at)
        if period.outcome == "leaver":
            if status(born, stays, as_at) == LeaverStatus.FORMER_RELEVANT:
                self.care_leaver(period, child, stays)
        elif period.outcome == "in_care" and status(born, stays, as_at) == LeaverStatus.ELIGIBLE:
            self.eligible_child(period, child, stays)
        elif period.outcome in ENDED_TO_FAMILY:
            for each in [
                c for c in period.children if c not in self.left_to_family_done
            ]:  # once, if they came back
                self.left_to_family_done.add(each)
                self.left_to_family(period, each)

    def due_ages(self, child, stays):
        """(age, birthday ordinal) of each OC3 birthday the SSDA903 asks about (leavers.snapshots)."""
        born = date(self.index.birth[child])
        for age in OC3_AGES:
            day = birthday(born, age)
            if day.toordinal() <= self.as_at and due_birthday(born, stays, day, day):
                yield age, day.toordinal()

    def left_to_family(self, period, child) -> None:
        """Left care at 16 or 17 to their parents or on an order to carers: still due OC3 birthday
        information.
        Home for 6 months or more by the birthday is RHOM; otherwise in touch and living with family."""
        r, rates = self.rng, self.rates
        stays = self.stays[child]
        team = self.teams[self.index.household_locality[period.household] % len(self.teams)]
        for age, day in self.due_ages(child, stays):
            recorded = day + between(r, rates.snapshot_recorded_days)
            if recorded > self.as_at or r.random() < rates.snapshot_missed_share:
                continue
            row = dict(
                person_id=self.person(child),
                age=age,
                recorded_on=date(recorded),
                recorded_by_id=r.choice(team.workers),
            )
            if home_for_six_months(stays, date(day)):  # RHOM
                self.council.insert(
                    BirthdaySnapshot,
                    **row,
                    in_touch=InTouch.RETURNED_HOME,
                    activity="",
                    accommodation="",
                    accommodation_suitable=None,
                )
            else:
                self.council.insert(
                    BirthdaySnapshot,
                    **row,
                    in_touch=InTouch.YES,
                    activity=self.activities(r),
                    accommodation=A.PARENTS_RELATIVES,
                    accommodation_suitable=True,
                )

    def person(self, child) -> int:
        return self.index.person_ids[child]

    def pathway_plan(self, child, stays) -> None:
        """Prepared once the child is eligible, reviewed at most six months apart, mostly on time."""
        r, rates = self.rng, self.rates
        eligible = eligible_from(date(self.index.birth[child]), stays)
        started = eligible.toordinal() + between(r, rates.pathway_plan_days)
        assessed = max(
            eligible.toordinal(), started - r.randint(0, 10)
        )  # the plan follows the needs assessment
        if assessed <= self.as_at:
            self.council.insert(
                LeavingCareNeedsAssessment, person_id=self.person(child), completed_on=date(assessed)
            )
        if started > self.as_at:
            return
        reviews, due = [], self.days.due("PATHWAY_PLAN_REVIEW", started)
        while True:
            floor = reviews[-1] + 1 if reviews else started + 1
            if r.random() < rates.pathway_review_on_time_share:
                day = due - between(r, rates.pathway_review_early_days)
            else:
                day = due + between(r, rates.pathway_review_late_days)
            day = max(day, floor)
            if day > self.as_at:
                break
            reviews.append(day)
            due = self.days.due("PATHWAY_PLAN_REVIEW", day)
        plan = self.council.insert(
            PathwayPlan,
            person_id=self.person(child),
            started_on=date(started),
            next_review_due=pathway_plan_review_due(
                date(started), [date(day) for day in reviews], self.days.due_on
            ),
        )
        for day in reviews:
            self.council.insert(PathwayPlanReview, plan_id=plan, reviewed_on=date(day))

    def adviser(self, child, start, team, worker) -> None:
        self.council.insert(
            Involvement,
            person_id=self.person(child),
            kind=IK.PERSONAL_ADVISER,
            user_id=worker,
            team_id=team.id,
            start_date=date(start),
        )

    def eligible_child(self, period, child, stays) -> None:
        """A 16 or 17-year-old in care: a pathway plan, and most have their personal adviser already."""
        self.pathway_plan(child, stays)
        if self.rng.random() < self.rates.eligible_adviser_share:
            team = self.teams[self.index.household_locality[period.household] % len(self.teams)]
            worker = team.least_loaded()
            team.load[worker] = team.load.get(worker, 0) + 1
            since = eligible_from(date(self.index.birth[child]), stays).toordinal()
            self.adviser(child, min(max(since, period.handover.allocated), self.as_at), team, worker)

    def care_leaver(self, period, child, stays) -> None:
        handover = period.handover
        self.adviser(child, handover.allocated, handover.team, handover.worker)
        self.pathway_plan(child, stays)
        left = period.end
        touch = self.keeping_in_touch(child, left, handover)
        homes = self.accommodation(period, child, left)
        activities = self.activity(child, left)
        self.consider_staying_close(child, handover)
        self.birthdays(child, self.stays[child], touch, homes, activities, handover)

    def keeping_in_touch(self, child, left, handover) -> list[tuple[int, str]]:
        r, rates, found = self.rng, self.rates, []
        day = left + between(r, rates.keeping_in_touch_days)
        while day <= self.as_at:
            answer = self.in_touch(r)
            by = handover.worker if day >= handover.allocated else r.choice(handover.team.workers)
            self.council.insert(
                KeepingInTouch,
                person_id=self.person(child),
                contacted_on=date(day),
                in_touch=answer,
                recorded_by_id=by,
            )
            found.append((day, answer))
            day += between(r, rates.keeping_in_touch_days)
        return found

    def accommodation(self, period, child, left) -> list[tuple[int, str, bool]]:
        """Where they lived from leaving care: with their foster carers for those Staying Put, then moves."""
        r, rates = self.rng, self.rates
        homes = []
        day = left
        if period.staying_put:
            carers = period.episodes[-1].placement.carers
            until = left + int(between(r, rates.staying_put_months) * YEAR_DAYS / 12)
            self.council.insert(
                StayingPut,
                person_id=self.person(child),
                started_on=date(left),
                ended_on=date(until) if until <= self.as_at else None,
                carers=carers,
            )
            homes.append((left, A.FORMER_FOSTER_CARERS, True))
            day = until
        else:
            kind = self.first_home(r)
            homes.append((left, kind, self.suitable(kind)))
            day = left + 1 + int(r.expovariate(rates.accommodation_moves_per_year / YEAR_DAYS))
        while day <= self.as_at:
            kind = self.later_home(r)
            homes.append((day, kind, self.suitable(kind)))
            day += 1 + int(r.expovariate(rates.accommodation_moves_per_year / YEAR_DAYS))
        for day, kind, suitable in homes:
            self.council.insert(
                Accommodation, person_id=self.person(child), from_date=date(day), kind=kind, suitable=suitable
            )
        return homes

    def suitable(self, kind) -> bool:
        return kind not in UNSUITABLE and self.rng.random() >= self.rates.unsuitable_share

    def activity(self, child, left) -> list[tuple[int, str]]:
        r, rates = self.rng, self.rates
        found, day = [], left
        while day <= self.as_at:
            activity = self.activities(r)
            if not found or activity != found[-1][1]:
                self.council.insert(
                    EducationEmployment, person_id=self.person(child), from_date=date(day), activity=activity
                )
                found.append((day, activity))
            day += 1 + int(r.expovariate(rates.activity_changes_per_year / YEAR_DAYS))
        return found

    def consider_staying_close(self, child, handover) -> None:
        r, rates = self.rng, self.rates
        if r.random() >= rates.staying_close_considered_share:
            return
        eighteen = birthday(date(self.index.birth[child]), 18).toordinal()
        day = min(self.as_at, max(handover.allocated, eighteen + between(r, rates.staying_close_days)))
        decision = self.staying_close(r)
        support = r.choice(STAYING_CLOSE_SUPPORT) if decision == "provided" else ""
        self.council.insert(
            StayingCloseConsideration,
            person_id=self.person(child),
            considered_on=date(day),
            considered_by_id=handover.team.manager,
            decision=decision,
            support=support,
            reasons=STAYING_CLOSE_REASONS.get(decision, ""),
        )

    def birthdays(self, child, stays, touch, homes, activities, handover) -> None:
        """OC3: circumstances at each birthday the 903 asks about since leaving care, recorded around the
        day."""
        r, rates = self.rng, self.rates
        for age, day in self.due_ages(child, stays):
            recorded = day + between(r, rates.snapshot_recorded_days)
            if recorded > self.as_at or r.random() < rates.snapshot_missed_share:
                continue
            answer = _latest(touch, day) or InTouch.YES
            home, activity = _latest_row(homes, day), _latest(activities, day)
            known = answer == InTouch.YES and home is not None and activity is not None
            if answer == InTouch.YES and not known:
                answer = InTouch.NO
            self.council.insert(
                BirthdaySnapshot,
                person_id=self.person(child),
                age=age,
                in_touch=answer,
                activity=activity if known else "",
                accommodation=home[1] if known else "",
                accommodation_suitable=home[2] if known else None,
                recorded_on=date(recorded),
                recorded_by_id=handover.worker,
            )


def _latest(rows, day):
    found = [value for since, value in rows if since <= day]
    return found[-1] if found else None


def _latest_row(rows, day):
    found = [row for row in rows if row[0] <= day]
    return found[-1] if found else None


@contributes(order=62)
def care_leavers(council):
    """Life after care for today's care leavers, and pathway plans for eligible children still in care."""
    writer = LeaverWriter(council)
    for period in council.lookups["care.periods"] + council.lookups["care.ended_periods"]:
        writer.plan(period)
