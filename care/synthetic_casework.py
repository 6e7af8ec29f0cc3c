"""The casework inside each synthetic period of care: reviews, visits, health, dental, SDQ, PEPs, missing
episodes, permanence plans, adoption steps and, for unaccompanied children, arrival and age assessment.

Each recurring item is due from the one before by the timescales registry (with the council's
calendar, as the models' save() would store it) and is held mostly on time (council.scales.CareRates).
Rows are bulk-written past the models' clean(), so each is drawn within what clean() accepts: PN0
exactly for children under 4, a return interview only after the child is back, adoption steps in order.
"""

import datetime

from dateutil.relativedelta import relativedelta

from council.synthetic.casework import Weighted, between, date
from people.synthetic import YEAR_DAYS
from timescales.dates import financial_year_start, year_to_31_march
from timescales.registry import health_review_code

from . import synthetic_planning as planning
from .codes import (
    AgeAssessmentOutcome,
    HealthAssessmentKind,
    Intervention,
    MissingType,
    ReviewParticipation,
    SDQReason,
    YouthJusticeOutcome,
)
from .codes import PermanencePlanKind as Plan
from .models import (
    Adoption,
    AgeAssessment,
    DentalCheck,
    HealthAssessment,
    MissingEpisode,
    PermanencePlan,
    PersonalEducationPlan,
    Review,
    StrengthsAndDifficulties,
    SubstanceMisuse,
    UnaccompaniedChild,
    YouthJusticeDisposal,
)
from .models.reviews import PARTICIPATION_AGE

NTS_ENTRY_COUNCILS = (
    "Kent County Council",
    "Portsmouth City Council",
    "London Borough of Croydon",
    "London Borough of Hillingdon",
    "Northamptonshire Children's Trust",
)
PLANS_AFTER = {
    "home": Plan.RETURN_HOME,
    "sgo": Plan.KINSHIP,
    "cao": Plan.KINSHIP,
    "relatives": Plan.KINSHIP,
    "adopted": Plan.ADOPTION,
    "other_la": Plan.LONG_TERM_FOSTERING,
}
INTERVENTIONS = {Intervention.RECEIVED: 0.6, Intervention.REFUSED: 0.2, Intervention.NOT_OFFERED: 0.2}
YOUTH_JUSTICE = {
    YouthJusticeOutcome.CONVICTION: 0.4,
    YouthJusticeOutcome.YOUTH_CAUTION: 0.35,
    YouthJusticeOutcome.CONDITIONAL_CAUTION: 0.25,
}


def reference_date_from(day: int) -> int:
    """The 31 March on or after `day`. A child who goes missing is back by then: the 903 validators read a
    missing period still open on 31 March as outlasting the child's placement and care (rules 575 and 577:
    rule 361 fills every open episode's end with 31 March in the table the later rules share), so the
    synthetic council avoids that day, which a real council's return may have."""
    on = datetime.date.fromordinal(day)
    return datetime.date(on.year + (on.month > 3), 3, 31).toordinal()


class Casework:
    def __init__(self, council, planner):
        self.council, self.planner, self.rates = council, planner, planner.rates
        self.rng = council.rng("care.casework")
        self.sdq_rng = council.rng("care.sdq")  # its own stream: see wellbeing()
        self.visit_rng, self.planning_rng = council.rng("care.visits"), council.rng("care.planning")
        self.days, self.index, self.as_at = planner.days, planner.index, planner.as_at
        schools = council.lookups["education.schools"]
        self.primary = [s.id for s in schools if s.phase in ("primary", "all_through")] or [
            s.id for s in schools
        ]
        self.secondary = [s.id for s in schools if s.phase in ("secondary", "all_through")] or self.primary
        teams = council.lookups["access.teams"]
        self.virtual_school = [w for team in teams["virtual_school"] for w in team.workers]
        rates = self.rates
        self.participation = Weighted(rates.participation)
        self.ratings = Weighted(rates.pep_ratings)
        self.no_score = Weighted(rates.sdq_no_score)
        self.routes = Weighted(rates.arrival_routes)

    def stop(self, plan) -> int:
        """Records fall before this day: the end of the period, or the day after the as-at date."""
        return min(plan.end if plan.end is not None else self.as_at + 1, self.as_at + 1)

    def when(self, due, on_time_share, early, late, floor) -> int:
        r = self.rng
        day = due - between(r, early) if r.random() < on_time_share else due + between(r, late)
        return max(day, floor)

    def review_days(self, plan) -> tuple[list[tuple[int, int]], int | None]:
        """[(held, due)] for the period's reviews, and the next review's due date if it is still open."""
        rates, stop = self.rates, self.stop(plan)
        due_by = planning.review_rule(plan, self.as_at)
        held = []
        while True:
            floor = held[-1][0] + 1 if held else plan.start
            dates = [date(day) for day, _ in held]
            due = due_by(dates, due_by(dates, None, placements=False)).toordinal()
            day = self.when(
                due, rates.review_on_time_share, rates.review_early_days, rates.review_late_days, floor
            )
            if day >= stop:
                break
            held.append((day, due_by(dates, date(day)).toordinal()))
        return held, due_by([date(day) for day, _ in held], None).toordinal() if plan.end is None else None

    def period(self, plan, child, person_id, period_id, workers, iro, reviews) -> None:
        row = {"period_id": period_id, "person_id": person_id}
        insert, r = self.council.insert, self.rng
        four = self.planner.birthday(child, PARTICIPATION_AGE)
        for held, due in reviews:
            under_4 = held < four
            insert(
                Review,
                **row,
                held_on=date(held),
                due_on=date(due),
                iro_id=iro,
                participation=ReviewParticipation.UNDER_4 if under_4 else self.participation(r),
            )
        stop = self.stop(plan)
        planning.visits(self, plan, child, row, workers, stop, reviews)
        planning.plans_and_notices(self, plan, row, stop)
        self.health(plan, child, row, stop)
        self.dental(plan, row, stop)
        self.wellbeing(plan, child, row, stop)
        self.education(plan, child, row, stop)
        self.missing(plan, child, row, stop)
        self.permanence(plan, child, row, stop)
        if plan.adoption is not None:
            self.adoption(plan, row)
        if plan.uasc:
            self.unaccompanied(plan, child, person_id)

    def health(self, plan, child, row, stop) -> None:
        r, rates, insert = self.rng, self.rates, self.council.insert
        born = date(self.index.birth[child])
        due, last = self.days.due("CLA_HEALTH_INITIAL", plan.start), None
        five = self.planner.birthday(child, 5)
        while True:
            floor = last + 1 if last is not None else plan.start
            late = rates.health_under_5_late_days if due < five else rates.health_late_days
            day = self.when(due, rates.health_on_time_share, rates.health_early_days, late, floor)
            if day >= stop:
                break
            under_5 = day < five
            insert(
                HealthAssessment,
                **row,
                assessed_on=date(day),
                kind=HealthAssessmentKind.REVIEW if last is not None else HealthAssessmentKind.INITIAL,
                immunisations_up_to_date=r.random() < rates.immunisations_share,
                development_checks_up_to_date=(r.random() < rates.development_checks_share)
                if under_5
                else None,
            )
            last = day
            due = self.days.due(health_review_code(born, date(day)), day)

    def dental(self, plan, row, stop) -> None:
        r, rates = self.rng, self.rates
        due, last = plan.start + between(r, rates.first_dental_days), None
        while True:
            floor = last + 1 if last is not None else plan.start
            day = self.when(
                due, rates.dental_on_time_share, rates.dental_early_days, rates.dental_late_days, floor
            )
            if day >= stop:
                break
            self.council.insert(DentalCheck, **row, checked_on=date(day))
            last = day
            due = self.days.due("CLA_DENTAL", day)

    def wellbeing(self, plan, child, row, stop) -> None:
        """An SDQ in each collection year (April to March) from 4 to 16, as the 903's OC2 asks; a child who
        turns 4 or 17 in the year and is outside those ages on the day has SDQ1 (903 rule 197B). Now and then
        a substance misuse problem or a youth justice outcome from 10."""
        rates, insert = self.rates, self.council.insert
        youngest, oldest = (
            self.planner.birthday(child, age) for age in (rates.sdq_ages[0], rates.sdq_ages[1] + 1)
        )
        self.earlier_sdq_draws(plan, youngest, oldest, stop)
        r = self.sdq_rng
        four, seventeen = self.planner.birthday(child, 4), self.planner.birthday(child, 17)
        year = financial_year_start(date(plan.start)).year + 1
        while (begins := year_to_31_march(year)[0].toordinal()) < stop:
            ends = year_to_31_march(year)[1].toordinal()
            first, last = max(begins, plan.start + 30), min(ends, stop - 1)
            year += 1
            if first > last:
                continue
            day = r.randint(first, last)
            if youngest <= day < oldest:
                scored = r.random() < rates.sdq_score_share
                score = min(40, max(0, round(r.gauss(*rates.sdq_score)))) if scored else None
                insert(
                    StrengthsAndDifficulties,
                    **row,
                    completed_on=date(day),
                    score=score,
                    reason_no_score="" if scored else self.no_score(r),
                )
            elif begins <= four <= ends or begins <= seventeen <= ends:
                insert(
                    StrengthsAndDifficulties,
                    **row,
                    completed_on=date(day),
                    score=None,
                    reason_no_score=SDQReason.AGE,
                )
        first = max(plan.start, self.planner.birthday(child, 10))
        for share, model, on, field, choices in (
            (rates.substance_misuse_share, SubstanceMisuse, "identified_on", "intervention", INTERVENTIONS),
            (rates.youth_justice_share, YouthJusticeDisposal, "given_on", "outcome", YOUTH_JUSTICE),
        ):
            r = self.rng
            if first < stop and r.random() < share:
                insert(model, **row, **{on: date(r.randrange(first, stop)), field: Weighted(choices)(r)})

    def earlier_sdq_draws(self, plan, youngest, oldest, stop) -> None:
        """The draws SDQs took from the shared casework stream before they followed the collection year (one a
        year from care's anniversary), taken still and not used, so every later record the stream gives is as
        it was: the health, dental and other figures the council is calibrated on rest on them."""
        r, rates, years = self.rng, self.rates, 1
        while (day := plan.start + round(years * YEAR_DAYS) + r.randint(-30, 30)) < stop:
            years += 1
            if youngest <= day < oldest:
                if r.random() < rates.sdq_score_share:
                    r.gauss(*rates.sdq_score)
                else:
                    self.no_score(r)

    def education(self, plan, child, row, stop) -> None:
        """Termly PEPs from the third birthday (or coming into care) to 18, rated by the Virtual School."""
        r, rates = self.rng, self.rates
        youngest, oldest = rates.pep_ages
        first = max(plan.start, self.planner.birthday(child, youngest))
        end = min(stop, self.planner.birthday(child, oldest + 1))
        due, last = self.days.due("PEP_INITIAL", first), None
        four, eleven, sixteen = (self.planner.birthday(child, age) for age in (4, 11, 16))
        while True:
            floor = last + 1 if last is not None else first
            day = self.when(due, rates.pep_on_time_share, (0, 20), rates.pep_late_days, floor)
            if day >= end:
                break
            school = (
                None
                if day < four or day >= sixteen
                else r.choice(self.primary if day < eleven else self.secondary)
            )
            self.council.insert(
                PersonalEducationPlan,
                **row,
                meeting_on=date(day),
                school_id=school,
                virtual_school_officer_id=r.choice(self.virtual_school) if self.virtual_school else None,
                rating=self.ratings(r),
            )
            last = day
            due = self.days.due("PEP_REVIEW", day)

    def missing(self, plan, child, row, stop) -> None:
        """Some older children go missing several times in a year; each return is followed by an interview
        offer."""
        r, rates = self.rng, self.rates
        year_start = max(plan.start, self.planner.birthday(child, rates.missing_from_age))
        while year_start < stop:
            if r.random() < rates.missing_child_share:
                starts = sorted(
                    r.randrange(year_start, year_start + 365)
                    for _ in range(between(r, rates.missing_per_year))
                )
                back = year_start - 1
                for start in starts:
                    if start <= back or start >= stop:
                        continue
                    back = min(start + between(r, rates.missing_days), stop - 1)
                    # back by the end of the placement they went missing from (903 rule 575)
                    placed_until = next(
                        (e.end for e in plan.episodes if e.start <= start and e.end and e.end > start), None
                    )
                    if placed_until is not None:
                        back = min(back, placed_until)
                    back = min(back, reference_date_from(start))  # see reference_date_from
                    ended = back if back <= self.as_at else None
                    offered = accepted = None
                    if ended is not None and r.random() < rates.return_interview_offered_share:
                        offered = ended + r.randint(0, 3)
                        if offered > self.as_at:
                            offered = None
                        else:
                            accepted = r.random() < rates.return_interview_accepted_share
                    kind = MissingType.AWAY if r.random() < rates.missing_away_share else MissingType.MISSING
                    self.council.insert(
                        MissingEpisode,
                        **row,
                        kind=kind,
                        started_on=date(start),
                        ended_on=date(ended),
                        return_interview_offered_on=date(offered),
                        return_interview_accepted=accepted,
                    )
            year_start += 365

    def permanence(self, plan, child, row, stop) -> None:
        """The plan for permanence, by the second review; at 16 it turns to independence for those staying."""
        r, rates = self.rng, self.rates
        decided = plan.start + between(r, rates.permanence_plan_days)
        if decided >= stop:
            return
        kind = PLANS_AFTER.get(plan.outcome)
        if plan.adoption is not None:
            kind = Plan.ADOPTION
        if kind is None:
            placement = [e for e in plan.episodes if e.start <= decided][-1].placement.kind
            kind = {
                "residential": Plan.RESIDENTIAL,
                "supported": Plan.INDEPENDENCE,
                "parents": Plan.RETURN_HOME,
            }.get(placement, Plan.LONG_TERM_FOSTERING)
        self.council.insert(PermanencePlan, **row, decided_on=date(decided), plan=kind)
        sixteen = self.planner.birthday(child, 16) + r.randint(0, 60)
        if kind != Plan.INDEPENDENCE and decided < sixteen < stop and plan.outcome in ("in_care", "leaver"):
            self.council.insert(PermanencePlan, **row, decided_on=date(sixteen), plan=Plan.INDEPENDENCE)

    def adoption(self, plan, row) -> None:
        a, cut = plan.adoption, min(plan.end or self.as_at, self.as_at)
        if a.decision > cut:
            return
        matched = a.matched <= cut
        sex, status = a.adopters if matched else ("", "")
        self.council.insert(
            Adoption,
            **row,
            best_interest_decision_on=date(a.decision),
            placement_order_on=date(a.order) if a.order <= cut else None,
            matched_on=date(a.matched) if matched else None,
            placed_on=date(a.placed) if a.placed <= cut else None,
            adoption_order_on=date(a.adopted) if a.adopted <= cut else None,
            foster_carer_adoption=a.by_foster_carers if matched else None,
            adopter_sex=sex,
            adopter_legal_status=status,
        )

    def unaccompanied(self, plan, child, person_id) -> None:
        """Arrival (route, transferring council), UASC status to 18, and for some an age assessment."""
        r, rates, insert = self.rng, self.rates, self.council.insert
        born = date(self.index.birth[child])
        route = self.routes(r)
        ceased = born + relativedelta(years=18)
        uasc = insert(
            UnaccompaniedChild,
            person_id=person_id,
            arrived_on=date(plan.start),
            arrival_route=route,
            transferred_from=r.choice(NTS_ENTRY_COUNCILS) if route == "nts" else "",
            age_undetermined=(born.month, born.day) == (1, 1),
            ceased_on=ceased if ceased.toordinal() <= self.as_at else None,
        )
        if r.random() >= rates.age_assessment_share:
            return
        referred = plan.start + between(r, rates.age_assessment_referral_days)
        if referred > self.as_at:
            return
        on_time = r.random() < rates.age_assessment_on_time_share
        completed = referred + between(
            r, rates.age_assessment_days if on_time else rates.age_assessment_late_days
        )
        done = completed <= self.as_at
        different = r.random() < rates.age_assessment_different_share
        outcome = AgeAssessmentOutcome.DIFFERENT_AGE if different else AgeAssessmentOutcome.AGE_ACCEPTED
        insert(
            AgeAssessment,
            uasc_id=uasc,
            referred_on=date(referred),
            due_on=date(self.days.due("UASC_AGE_ASSESSMENT", referred)),
            completed_on=date(completed) if done else None,
            outcome=outcome if done else "",
            assessed_birth_date=born if done and different else None,
        )
