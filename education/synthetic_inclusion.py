"""Writing the synthetic council's education records (education.synthetic's `inclusion` step).

Children are drawn from the people already generated (people.children), by age on the day; the
rows are written with council.insert, due dates worked out with the registry on the council's own
school calendar, as saving them through the models would.
"""

import bisect
import datetime
from collections import defaultdict

from access.models import Involvement, InvolvementKind
from people.synthetic import DIED, UNACCOMPANIED, UNBORN
from timescales import registry
from timescales.dates import age_on, not_ended_before
from timescales.workdays import Calendar

from . import synthetic_rates as R
from .codes import (
    Activity,
    AppealKind,
    CmeReason,
    Decision,
    EnquiryKind,
    ExclusionKind,
    LeavingReason,
    PepSection,
    RegisterBasis,
    SaoStep,
    Suitability,
    TriageOutcome,
)
from .models import (
    ActivityRecord,
    AnnualReview,
    Attendance,
    AttendanceOrderStep,
    CmeReferral,
    ConsentDecision,
    EhcPlan,
    EhcRequest,
    Enquiry,
    Exclusion,
    HomeEducationNotice,
    PepQualityAssurance,
    PepSectionRating,
    PepTarget,
    PmeReferral,
    RegisterEntry,
    SchoolRoll,
    SeptemberGuarantee,
    TeamAroundSchool,
    TribunalAppeal,
)
from .models.send import ehc_review_due

DAY = datetime.timedelta(days=1)
FIRST_YEAR = 2019  # the first academic year with education records


def _date(ordinal: int) -> datetime.date:
    return datetime.date.fromordinal(ordinal)


def rate(table: dict, year: int):
    """The table's figure for the year; a year after the table's last keeps the last figure."""
    return table.get(year, table[max(table)]) if year >= min(table) else table[min(table)]


def weighted(rng, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def school_age_end(born: datetime.date) -> datetime.date:
    """The last Friday in June of the school year in which the child turns 16 (end of compulsory school
    age)."""
    year = born.year + 16 + (1 if born.month >= 9 else 0)
    day = datetime.date(year, 6, 30)
    return day - datetime.timedelta(days=(day.weekday() - 4) % 7)


def academic_year_of(day: datetime.date) -> int:
    return day.year if day.month >= 9 else day.year - 1


class Inclusion:
    def __init__(self, council):
        self.council = council
        self.as_at = council.as_at
        self.f = council.scale.child_population / 150_000
        self.calendar = Calendar.from_database()
        index = council.lookups["people.children"]
        alive = [i for i in range(len(index)) if not index.flags[i] & (UNBORN | DIED | UNACCOMPANIED)]
        alive.sort(key=lambda i: index.birth[i])
        self.births = [index.birth[i] for i in alive]
        self.people = [index.person_ids[i] for i in alive]
        schools = council.lookups["education.schools"]
        self.schools = defaultdict(list)
        for school in schools:
            self.schools[school.phase].append(school.id)
        self.admin = council.lookups["access.demo_users"].get("admin")
        teams = council.lookups["access.teams"]
        self.education_team = teams["education"][0].id
        self.education_officers = [w for t in teams["education"] for w in t.workers]
        self.virtual_school_team = teams["virtual_school"][0].id
        self.opened: set[tuple] = set()  # (child, team) already open to an education team
        self.home_educated: list[tuple] = []  # (child, from, to): spans of home education
        self.excluded_with_social_worker: list[tuple] = []  # (child, day): the Virtual School is alerted

    # Helpers.

    def n(self, number: float) -> int:
        """A council-sized count: the calibrated figure, scaled by child population."""
        return round(number * self.f)

    def child_aged(self, rng, day: datetime.date, youngest: int, oldest: int) -> int | None:
        """A child whose age on `day` is between youngest and oldest (whole years): their person id."""
        latest = (
            day.replace(year=day.year - youngest)
            if not (day.month == 2 and day.day == 29)
            else datetime.date(day.year - youngest, 2, 28)
        )
        earliest = datetime.date(day.year - oldest - 1, day.month, 1) + DAY
        lo, hi = (
            bisect.bisect_left(self.births, earliest.toordinal()),
            bisect.bisect_right(self.births, latest.toordinal()),
        )
        return self.people[rng.randrange(lo, hi)] if hi > lo else None

    def born(self, person_id) -> datetime.date:
        return self.birth_of[person_id]

    def due(self, code: str, day: datetime.date) -> datetime.date:
        return registry.get(code).due(day, self.calendar)

    def school_day_on_or_after(self, day: datetime.date) -> datetime.date:
        return day if self.calendar.is_school_day(day) else self.calendar.next_school_day(day)

    def days_in_year(self, rng, first_year: int, month_weights=None) -> datetime.date:
        """A random day of the academic year, by month weight, never after the as-at date."""
        months = month_weights or dict.fromkeys(range(1, 13), 1)
        month = weighted(rng, months)
        year = first_year if month >= 9 else first_year + 1
        start = datetime.date(year, month, 1)
        length = (datetime.date(year + (month == 12), month % 12 + 1, 1) - start).days
        return start + rng.randrange(length) * DAY

    def open_to_education(self, person_id, on: datetime.date, team=None) -> None:
        team = team or self.education_team
        if (person_id, team) in self.opened:
            return
        self.opened.add((person_id, team))
        self.council.insert(
            Involvement,
            person_id=person_id,
            kind=InvolvementKind.TEAM,
            team_id=team,
            user_id=None,
            start_date=min(on, self.as_at),
        )

    def officer(self, rng):
        return rng.choice(self.education_officers) if self.education_officers else None

    def years(self, table: dict):
        """(academic year, figure) from the table's first year to the as-at date; later years keep the last
        figure."""
        for first_year in range(min(table), academic_year_of(self.as_at) + 1):
            yield first_year, rate(table, first_year)

    def run(self):
        from people.models import Person

        self.birth_of = dict(Person.objects.filter(pk__in=self.people).values_list("pk", "birth_date"))
        self.load_protection()
        self.rolls()
        self.home_education()
        self.missing_education()
        self.pupils_missing()
        self.exclusions()
        self.virtual_school()
        self.send()
        self.neet()

    def load_protection(self):
        """Open s47 enquiries and CP plans as (start, end) by child, and who had a social worker when."""
        from protection.models import ChildProtectionPlan, Section47

        self.protected = defaultdict(list)
        for person_id, start, end in ChildProtectionPlan.objects.values_list(
            "person_id", "start_date", "end_date"
        ):
            self.protected[person_id].append((start, end or datetime.date.max))
        for person_id, start, end in Section47.objects.values_list("person_id", "start_date", "completed_on"):
            self.protected[person_id].append((start, end or datetime.date.max))
        workers = Involvement.objects.filter(
            kind=InvolvementKind.ALLOCATED_WORKER, user__role="social_worker"
        )
        self.with_social_worker = sorted(
            set(workers.filter(not_ended_before(self.as_at)).values_list("person_id", flat=True))
            & set(self.birth_of)
        )
        self.social_worker_ids = set(self.with_social_worker)

    def protection_on(self, person_id, day) -> bool:
        return any(start <= day < end for start, end in self.protected.get(person_id, ()))

    # Pupils on roll.

    def rolls(self):
        for year in range(FIRST_YEAR + 1, self.as_at.year + 1):
            for month, day in ((1, 16), (5, 15), (10, 3)):
                census = datetime.date(year, month, day)
                if census > self.as_at:
                    continue
                factor = (1 - R.ROLL_GROWTH) ** (2025 - year + (0.5 if month == 1 else 0))
                for phase, pupils in R.ROLL_2025.items():
                    self.council.insert(
                        SchoolRoll, census_date=census, phase=phase, pupils=self.n(pupils * factor)
                    )

    # Home education, consent and the register.

    def home_education(self):
        rng = self.council.rng("education.home_education")
        cp_children = [p for p, spans in self.protected.items() if p in self.birth_of]
        for first_year, count in self.years(R.HOME_EDUCATION_NOTICES):
            for _ in range(self.n(count)):
                day = self.days_in_year(rng, first_year)
                if day > self.as_at:
                    continue
                age = weighted(rng, R.HOME_EDUCATION_AGES)
                protected = rng.random() < R.CP_NOTICE_SHARE
                person = None
                if protected:
                    candidates = [
                        p
                        for p in rng.sample(cp_children, min(60, len(cp_children)))
                        if self.protection_on(p, day) and 5 <= self.age(p, day) <= 15
                    ]
                    person = candidates[0] if candidates else None
                person = person or self.child_aged(rng, day, age, age)
                if person is None:
                    continue
                self.notice(rng, person, day)
        # Notices held for consent now: children on a plan or in a s47 enquiry, in the last few school days.
        now = [
            p
            for p, spans in self.protected.items()
            if p in self.birth_of and self.protection_on(p, self.as_at) and 5 <= self.age(p, self.as_at) <= 15
        ]
        for person in rng.sample(now, min(self.n(R.HELD_NOW), len(now))):
            day = self.calendar.add_school_days(self.as_at, -rng.randint(1, 12))
            self.notice(rng, person, day, hold=True)

    def age(self, person_id, day) -> int:
        return age_on(self.birth_of[person_id], day)

    def notice(self, rng, person, day, hold=False):
        if day >= school_age_end(self.birth_of[person]):
            return  # past compulsory school age: no notice, no register entry
        c = self.council
        reason = weighted(rng, R.HOME_EDUCATION_REASONS)
        school_phase = "primary" if self.age(person, day) < 11 else "secondary"
        school = rng.choice(self.schools[school_phase])
        needs_consent = self.protection_on(person, day)
        basis = "subject to a section 47 enquiry or on a child protection plan" if needs_consent else ""
        officer = self.officer(rng)
        self.open_to_education(person, day)
        entry_id = None
        decided = None
        if needs_consent and not hold:
            decided = min(self.calendar.add_school_days(day, rng.randint(5, 18)), self.as_at)
            if decided <= day:
                hold, decided = True, None
        if needs_consent and not hold:
            refused = rng.random() < R.CONSENT_REFUSED_SHARE
        if not needs_consent or (decided and not refused):
            entry_id = self.entry(rng, person, decided or day, RegisterBasis.HOME_EDUCATED)
        first, suitability = self.plan_enquiries(rng, day) if entry_id else (None, None)
        notice_id = c.insert(
            HomeEducationNotice,
            person_id=person,
            received_on=day,
            school_id=school,
            reason=reason,
            consent_needed=needs_consent,
            consent_basis=basis,
            consent_due=self.due("HOME_EDUCATION_CONSENT", day) if needs_consent else None,
            entry_id=entry_id,
            officer_id=officer,
            first_enquiry_on=first,
            suitability=suitability[0] if suitability else "",
            suitability_decided_on=suitability[1] if suitability else None,
            suitability_reasons="Seen at a visit with samples of work." if suitability else "",
        )
        if decided:
            decision = Decision.REFUSED if refused else Decision.GIVEN
            c.insert(
                ConsentDecision,
                notice_id=notice_id,
                decision=decision,
                decided_on=decided,
                decided_by_id=officer or self.admin,
                reasons="The plan's protective factors rely on the child being seen at school."
                if refused
                else "Home education supports the child protection plan; the family accepts visits.",
            )
            if refused:
                self.steps(rng, person, decided, school)
        if first:
            c.insert(
                Enquiry,
                person_id=person,
                notice_id=notice_id,
                cme_id=None,
                kind=EnquiryKind.HOME_VISIT,
                made_on=first,
                child_seen=rng.random() < 0.8,
                found="Parents described the provision.",
                made_by_id=officer,
            )
        if suitability and suitability[0] == Suitability.UNSUITABLE:
            c.insert(
                AttendanceOrderStep,
                person_id=person,
                step=SaoStep.NOTICE_TO_SATISFY,
                served_on=suitability[1],
                school_id=None,
                response_due=self.due("SAO_NOTICE_TO_SATISFY", suitability[1]),
                notes="Home education found not suitable.",
                recorded_by_id=None,
            )
            self.cme_referral(rng, person, suitability[1], CmeReason.UNSUITABLE_EHE)

    def entry(self, rng, person, day, basis, closed=None, closed_reason="") -> int:
        """A register entry; for home education, how long it lasts is drawn here."""
        if basis == RegisterBasis.HOME_EDUCATED and closed is None:
            closed, closed_reason = self.home_education_end(rng, person, day)
            self.home_educated.append((person, day, closed or datetime.date.max))
        parents = "Parent, same address"
        return self.council.insert(
            RegisterEntry,
            person_id=person,
            basis=basis,
            opened_on=day,
            home_address="On the child's record",
            parents=parents,
            educating_parents="Parent" if basis == RegisterBasis.HOME_EDUCATED else "",
            parent_hours=rng.choice([15, 20, 25, 30]) if basis == RegisterBasis.HOME_EDUCATED else None,
            other_providers="",
            other_hours=None,
            support_requested="",
            council_decision="",
            closed_on=closed,
            closed_reason=closed_reason,
        )

    def home_education_end(self, rng, person, start):
        """Over age at the end of compulsory school age, back to school one September, or moved away."""
        end_of_age = school_age_end(self.birth_of[person])
        year = academic_year_of(start)
        while True:
            summer = datetime.date(year + 1, 8, 31)
            moved = start + datetime.timedelta(days=int(rng.expovariate(R.MOVE_AWAY_A_YEAR) * 365))
            if moved <= min(summer, end_of_age):
                end = (moved, LeavingReason.MOVED_AWAY)
                break
            if end_of_age <= summer:
                end = (end_of_age, LeavingReason.OVER_AGE)
                break
            if rng.random() < R.RETURN_TO_SCHOOL_EACH_SUMMER:
                end = (summer, LeavingReason.SCHOOL_PLACE)
                break
            year += 1
        return end if end[0] <= self.as_at else (None, "")

    def plan_enquiries(self, rng, day):
        """The first enquiry's date and the suitability decision (kind, date), as far as they fall by
        as-at."""
        late = rng.random() >= R.FIRST_ENQUIRY_ON_TIME
        first = self.calendar.add_working_days(day, rng.randint(11, 30) if late else rng.randint(2, 9))
        if first > self.as_at:
            return None, None
        decided = first + datetime.timedelta(days=rng.randint(20, 80))
        if decided > self.as_at or rng.random() > 0.7:
            return first, None
        unsuitable = rng.random() < R.UNSUITABLE_SHARE
        return first, (Suitability.UNSUITABLE if unsuitable else Suitability.SUITABLE, decided)

    def steps(self, rng, person, day, school):
        """The route back to school after refusal: notice, then (often) an order, then registration."""
        c = self.council
        c.insert(
            AttendanceOrderStep,
            person_id=person,
            step=SaoStep.NOTICE_TO_SATISFY,
            served_on=day,
            school_id=school,
            response_due=self.due("SAO_NOTICE_TO_SATISFY", day),
            notes="Consent refused.",
            recorded_by_id=None,
        )
        later = day + datetime.timedelta(days=rng.randint(16, 30))
        if later <= self.as_at and rng.random() < 0.4:
            c.insert(
                AttendanceOrderStep,
                person_id=person,
                step=SaoStep.INTENTION,
                served_on=later,
                school_id=school,
                response_due=self.due("SAO_SCHOOL_CHOICE", later),
                notes="",
                recorded_by_id=None,
            )
            later += datetime.timedelta(days=rng.randint(16, 25))
        if later <= self.as_at:
            c.insert(
                AttendanceOrderStep,
                person_id=person,
                step=SaoStep.COMPLIED,
                served_on=later,
                school_id=school,
                response_due=None,
                notes="The child stayed on the school roll.",
                recorded_by_id=None,
            )

    # Children missing education.

    def missing_education(self):
        rng = self.council.rng("education.missing")
        for first_year, per_weight in self.years(R.CME_PER_WEIGHT):
            total = per_weight * sum(R.CME_MONTH_WEIGHTS.values())
            for _ in range(self.n(total)):
                day = self.days_in_year(rng, first_year, R.CME_MONTH_WEIGHTS)
                if day > self.as_at:
                    continue
                reason = weighted(rng, R.CME_REASONS)
                person = None
                if rng.random() < R.CME_WITH_SOCIAL_WORKER and self.with_social_worker:
                    person = rng.choice(self.with_social_worker)
                    if not (5 <= self.age(person, day) <= 15):
                        person = None
                person = person or self.child_aged(rng, day, 5, 15)
                if person:
                    self.cme_referral(rng, person, day, reason)

    def cme_referral(self, rng, person, day, reason):
        c = self.council
        mean, long_share, long_mean = R.CME_DAYS_OPEN
        days = rng.expovariate(1 / (long_mean if rng.random() < long_share else mean))
        ends = day + datetime.timedelta(days=max(3, int(days)))
        outcome = weighted(rng, R.CME_OUTCOMES) if ends <= self.as_at else ""
        referral = c.insert(
            CmeReferral,
            person_id=person,
            received_on=day,
            reason=reason,
            officer_id=self.officer(rng),
            visit_due=self.due("CME_FIRST_VISIT", day),
            enquiries_due=self.due("CME_ENQUIRIES", day),
            outcome=outcome,
            outcome_on=ends if outcome else None,
        )
        visit = self.calendar.add_working_days(day, rng.randint(1, 8))
        if visit <= self.as_at:
            c.insert(
                Enquiry,
                person_id=person,
                notice_id=None,
                cme_id=referral,
                kind=EnquiryKind.HOME_VISIT,
                made_on=visit,
                child_seen=rng.random() < 0.6,
                found="",
                made_by_id=None,
            )
            for kind, share in (
                (EnquiryKind.OTHER_COUNCIL, 0.3),
                (EnquiryKind.HMRC, 0.1),
                (EnquiryKind.HEALTH, 0.2),
                (EnquiryKind.BORDER_FORCE, 0.3 if reason in ("abroad", "missing") else 0.02),
            ):
                check = visit + datetime.timedelta(days=rng.randint(1, 20))
                if rng.random() < share and check <= self.as_at:
                    c.insert(
                        Enquiry,
                        person_id=person,
                        notice_id=None,
                        cme_id=referral,
                        kind=kind,
                        made_on=check,
                        child_seen=False,
                        found="",
                        made_by_id=None,
                    )
        if reason != CmeReason.UNSUITABLE_EHE:
            closed_reason = {
                "school_place": LeavingReason.SCHOOL_PLACE,
                "moved_away": LeavingReason.MOVED_AWAY,
                "sao": LeavingReason.SCHOOL_PLACE,
            }.get(outcome, LeavingReason.OTHER)
            self.entry(
                rng,
                person,
                day,
                RegisterBasis.NOT_IN_SCHOOL,
                closed=ends if outcome else None,
                closed_reason=closed_reason if outcome else "",
            )
        if outcome == "sao":
            c.insert(
                AttendanceOrderStep,
                person_id=person,
                step=SaoStep.ORDER,
                served_on=ends,
                school_id=rng.choice(self.schools["primary" if self.age(person, day) < 11 else "secondary"]),
                response_due=None,
                notes="",
                recorded_by_id=None,
            )
        self.open_to_education(person, day)

    # Pupils missing out on education.

    def pupils_missing(self):
        rng = self.council.rng("education.pme")
        c = self.council
        reasons = [
            "incident",
            "place",
            "needs",
            "exclusion_risk",
            "family_move",
            "mental_health",
            "trauma",
            "medical",
        ]
        weights = [12, 5, 25, 10, 4, 30, 9, 5]
        for first_year, count in self.years(R.PME_REFERRALS):
            for _ in range(self.n(count)):
                day = self.days_in_year(rng, first_year, {m: (0.2 if m == 8 else 1) for m in range(1, 13)})
                if day > self.as_at:
                    continue
                person = self.child_aged(rng, day, 5, 15)
                if person is None:
                    continue
                school = rng.choice(self.schools["primary" if self.age(person, day) < 11 else "secondary"])
                row = dict(
                    person_id=person,
                    school_id=school,
                    received_on=day,
                    reason=rng.choices(reasons, weights)[0],
                    triage_due=self.due("PME_TRIAGE", day),
                    absent_since=day - datetime.timedelta(days=rng.randint(10, 60)),
                    first_step_on=None,
                    first_step="",
                    second_step_on=None,
                    second_step="",
                    waiting_since=None,
                    allocated_on=None,
                    officer_id=None,
                    closed_on=None,
                )
                first = self.calendar.add_working_days(day, rng.randint(1, 6))
                meeting = None
                if first <= self.as_at:
                    second = rng.random() < R.PME_SECOND_STEP
                    row.update(
                        first_step_on=first,
                        first_step=TriageOutcome.SECOND_STEP if second else TriageOutcome.ADVICE,
                    )
                    if not second:
                        row["closed_on"] = first
                    later = self.calendar.add_working_days(first, rng.randint(2, 10))
                    if second and later <= self.as_at:
                        outcome = weighted(rng, R.PME_SECOND)
                        row.update(second_step_on=later, second_step=outcome)
                        if outcome == "waiting_list":
                            row["waiting_since"] = later
                            wait = later + datetime.timedelta(days=int(rng.expovariate(1 / R.PME_WAIT_DAYS)))
                            if wait <= self.as_at:
                                row.update(allocated_on=wait, officer_id=self.officer(rng))
                        elif outcome == "school_support":
                            meeting = later + datetime.timedelta(days=rng.randint(5, 25))
                referral = c.insert(PmeReferral, **row)
                if meeting and meeting <= self.as_at:
                    c.insert(
                        TeamAroundSchool,
                        referral_id=referral,
                        held_on=meeting,
                        attended_by="School, family, inclusion officer",
                        agreed="A reduced timetable for four weeks, reviewed weekly.",
                    )
                self.open_to_education(person, day)

    # Exclusions and attendance.

    def exclusions(self):
        rng = self.council.rng("education.exclusions")
        ages = {"primary": (5, 10), "secondary": (11, 15), "special": (5, 15)}
        from care.models import PeriodOfCare

        in_care = list(PeriodOfCare.objects.values_list("person_id", "start_date", "end_date"))
        ever_in_care = {p for p, *_ in in_care}
        for first_year in range(2021, academic_year_of(self.as_at) + 1):
            permanent, suspended = rate(R.PERMANENT, first_year), rate(R.SUSPENSIONS, first_year)
            for phase, perm, susp in zip(("primary", "secondary", "special"), permanent, suspended):
                if first_year in R.AUTUMN_SPRING_ONLY:
                    susp = susp / (1 - R.SUMMER_SHARE)
                pool_size = max(1, self.n(susp / R.SUSPENSIONS_PER_PUPIL))
                pool = [
                    p
                    for p in (
                        self.child_aged(rng, datetime.date(first_year, 12, 31), *ages[phase])
                        for _ in range(pool_size)
                    )
                    if p and p not in ever_in_care
                ]
                for _ in range(self.n(susp)):
                    if pool:
                        self.exclusion(rng, rng.choice(pool), phase, first_year, ExclusionKind.SUSPENSION)
                for _ in range(self.n(perm)):
                    person = self.child_aged(rng, datetime.date(first_year, 12, 31), *ages[phase])
                    recent = first_year >= academic_year_of(self.as_at) - 1
                    if recent and rng.random() < R.PERMANENT_WITH_SOCIAL_WORKER and self.with_social_worker:
                        chosen = rng.choice(self.with_social_worker)
                        low, high = ages[phase]
                        if low <= self.age(chosen, datetime.date(first_year, 12, 31)) <= high:
                            person = chosen
                    if person and person not in ever_in_care:
                        self.exclusion(rng, person, phase, first_year, ExclusionKind.PERMANENT)
            # Suspensions of children in care (the Virtual School's figure); never a permanent exclusion.
            for _ in range(self.n(R.SUSPENSIONS_IN_CARE)):
                day = self.days_in_year(rng, first_year)
                candidates = [
                    p
                    for p, start, end in rng.sample(in_care, min(40, len(in_care)))
                    if start <= day
                    and (end is None or end > day)
                    and p in self.birth_of
                    and 5 <= self.age(p, day) <= 15
                ]
                if candidates:
                    person = candidates[0]
                    self.exclusion(
                        rng,
                        person,
                        "primary" if self.age(person, day) < 11 else "secondary",
                        first_year,
                        ExclusionKind.SUSPENSION,
                        day=day,
                    )

    def exclusion(self, rng, person, phase, first_year, kind, day=None):
        day = self.school_day_on_or_after(
            day or self.days_in_year(rng, first_year, {m: (0 if m == 8 else 1) for m in range(1, 13)})
        )
        if day > self.as_at or not self.schools[phase]:
            return
        row = dict(
            person_id=person,
            school_id=rng.choice(self.schools[phase]),
            kind=kind,
            start_date=day,
            reason=weighted(
                rng, {"PD": 45, "VA": 12, "PA": 10, "PP": 10, "VP": 8, "DA": 5, "DM": 4, "BU": 2, "OT": 4}
            ),
            days=None,
            provision_due=None,
            provision_from=None,
            provision="",
            recorded_by_id=None,
        )
        if kind == ExclusionKind.SUSPENSION:
            row["days"] = rng.choice([0.5, 1, 1, 1, 2, 2, 3, 5])
        else:
            due = self.due("EXCLUDED_PUPIL_EDUCATION", day)
            arranged = (
                due
                if rng.random() < R.PROVISION_ON_TIME
                else self.calendar.add_school_days(due, rng.randint(1, 10))
            )
            row.update(
                provision_due=due,
                provision_from=arranged if arranged <= self.as_at else None,
                provision="Short stay school" if arranged <= self.as_at else "",
            )
            self.open_to_education(person, day)
            if person in self.social_worker_ids:
                self.excluded_with_social_worker.append((person, day))
        self.council.insert(Exclusion, **row)

    # The Virtual School: attendance of children in care, PEP quality assurance and Pupil Premium Plus.

    def virtual_school(self):
        from care.models import PeriodOfCare, PersonalEducationPlan

        rng = self.council.rng("education.virtual_school")
        c = self.council
        year = academic_year_of(self.as_at)
        terms = (
            [(datetime.date(y, 9, 1), datetime.date(y, 12, 20), 140) for y in (year - 1, year)]
            + [(datetime.date(y + 1, 1, 6), datetime.date(y + 1, 3, 31), 110) for y in (year - 1,)]
            + [(datetime.date(y + 1, 4, 14), datetime.date(y + 1, 7, 21), 120) for y in (year - 1,)]
        )
        # The Virtual School holds every child in care (as starting care does), and is alerted to permanent
        # exclusions of children with a social worker.
        for person, start in PeriodOfCare.objects.filter(end_date__isnull=True).values_list(
            "person_id", "start_date"
        ):
            self.open_to_education(person, start, self.virtual_school_team)
        for person, day in self.excluded_with_social_worker:
            self.open_to_education(person, day, self.virtual_school_team)
        schools = dict(
            PersonalEducationPlan.objects.exclude(school=None)
            .order_by("meeting_on")
            .values_list("person_id", "school_id")
        )
        for person, start, end in PeriodOfCare.objects.filter(
            not_ended_before(datetime.date(year - 1, 9, 1))
        ).values_list("person_id", "start_date", "end_date"):
            school = schools.get(person)
            if person not in self.birth_of:
                continue
            for term_start, term_end, possible in terms:
                if (
                    term_end > self.as_at
                    or start > term_start
                    or (end and end < term_end)
                    or not 5 <= self.age(person, term_start) <= 15
                ):
                    continue
                share = (
                    rng.uniform(0.6, 0.89)
                    if rng.random() < R.PERSISTENT_ABSENCE_IN_CARE
                    else rng.uniform(0.9, 1.0)
                )
                phase = "primary" if self.age(person, term_start) < 11 else "secondary"
                c.insert(
                    Attendance,
                    person_id=person,
                    school_id=school or rng.choice(self.schools[phase]),
                    term_start=term_start,
                    term_end=term_end,
                    possible=possible,
                    attended=round(possible * share),
                )
        since = datetime.date(year - 2, 9, 1)
        peps = (
            PersonalEducationPlan.objects.filter(meeting_on__gte=since)
            .exclude(rating="")
            .values_list("pk", "person_id", "meeting_on", "rating", "virtual_school_officer_id")
        )
        sections = [s for s, _ in PepSection.choices]
        for pep, person, met, rating, officer in peps:
            assured = met + datetime.timedelta(days=rng.randint(3, 20))
            if assured > self.as_at:
                continue
            quality = c.insert(
                PepQualityAssurance,
                pep_id=pep,
                person_id=person,
                assured_on=assured,
                assured_by_id=officer,
                rating=rating,
            )
            for section in sections:
                section_rating = rating if rng.random() < 0.7 else rng.choice(["green", "amber", "red"])
                c.insert(
                    PepSectionRating, quality_id=quality, section=section, rating=section_rating, feedback=""
                )
            targets = rng.randint(2, 3)
            for n in range(targets):
                reviewed = met + datetime.timedelta(days=rng.randint(80, 120))
                result = weighted(rng, R.TARGET_RESULTS) if reviewed <= self.as_at else ""
                c.insert(
                    PepTarget,
                    pep_id=pep,
                    person_id=person,
                    target=f"SMART target {n + 1}",
                    pupil_premium_plus=round(R.PUPIL_PREMIUM_PLUS / 3 / targets, 2),
                    result=result,
                    reviewed_on=reviewed if result else None,
                )

    # EHC needs assessments and plans.

    def send(self):
        rng = self.council.rng("education.send")
        c = self.council
        for year in range(min(R.EHC_REQUESTS), self.as_at.year + 1):
            for _ in range(self.n(rate(R.EHC_REQUESTS, year))):
                day = datetime.date(year, 1, 1) + rng.randrange(365) * DAY
                if day > self.as_at:
                    continue
                flagged = self.home_educated_on(rng, day) if rng.random() < R.EHC_HOME_EDUCATED else None
                person = flagged or self.child_aged(rng, day, 2, 16)
                if person is None:
                    continue
                decision_due, plan_due = (
                    self.due("EHC_DECISION_TO_ASSESS", day),
                    self.due("EHC_FINAL_PLAN", day),
                )
                decided = (
                    decision_due - datetime.timedelta(days=rng.randint(0, 10))
                    if rng.random() < R.EHC_DECISION_ON_TIME
                    else decision_due + datetime.timedelta(days=rng.randint(1, 40))
                )
                row = dict(
                    person_id=person,
                    received_on=day,
                    requested_by=weighted(rng, {"parent": 55, "school": 40, "other": 5}),
                    decision_due=decision_due,
                    plan_due=plan_due,
                    decided_on=None,
                    assess=None,
                    assessment_decided_on=None,
                    issue=None,
                    draft_issued_on=None,
                    exception="",
                )
                plan_on = None
                if decided <= self.as_at:
                    assess = rng.random() < R.EHC_ASSESS_SHARE
                    row.update(decided_on=decided, assess=assess)
                    if assess:
                        on_time = rng.random() < rate(R.EHC_PLAN_ON_TIME, year)
                        plan_on = (
                            plan_due - datetime.timedelta(days=rng.randint(0, 20))
                            if on_time
                            else plan_due + datetime.timedelta(days=int(rng.expovariate(1 / 60)) + 1)
                        )
                        issue = rng.random() < R.EHC_ISSUE_SHARE
                        assessed = plan_on - datetime.timedelta(days=rng.randint(20, 40))
                        if assessed <= self.as_at:
                            row.update(
                                assessment_decided_on=assessed,
                                issue=issue,
                                draft_issued_on=assessed if issue else None,
                            )
                        if not issue or plan_on > self.as_at:
                            plan_on = None
                    elif rng.random() < R.EHC_APPEAL_SHARE * 5:
                        registered = decided + datetime.timedelta(days=rng.randint(20, 60))
                        if registered <= self.as_at:
                            c.insert(
                                TribunalAppeal,
                                person_id=person,
                                kind=AppealKind.REFUSAL_TO_ASSESS,
                                registered_on=registered,
                                outcome="",
                                decided_on=None,
                            )
                request = c.insert(EhcRequest, **row)
                if plan_on:
                    self.plan(rng, person, request, plan_on, flagged)
                self.open_to_education(person, day)

    def plan(self, rng, person, request, issued, home_educated):
        c = self.council
        phase = (
            "special"
            if rng.random() < 0.35
            else ("primary" if self.age(person, issued) < 11 else "secondary")
        )
        ceased = None
        reviews, last = [], issued
        while True:
            due = registry.get("EHC_ANNUAL_REVIEW").due(last)
            held = (
                due - datetime.timedelta(days=rng.randint(0, 30))
                if rng.random() < 0.85
                else due + datetime.timedelta(days=rng.randint(1, 60))
            )
            if held > self.as_at:
                break
            reviews.append(held)
            last = held
        plan = c.insert(
            EhcPlan,
            person_id=person,
            request_id=request,
            issued_on=issued,
            primary_need=weighted(rng, R.EHC_NEEDS),
            school_id=None if home_educated else rng.choice(self.schools[phase] or self.schools["primary"]),
            home_educated=bool(home_educated),
            next_review_due=ehc_review_due(issued, reviews),
            ceased_on=ceased,
            cease_reason="",
        )
        for held in reviews:
            decided = held + datetime.timedelta(days=rng.randint(5, 35))
            c.insert(
                AnnualReview,
                plan_id=plan,
                held_on=held,
                decision_due=self.due("EHC_REVIEW_DECISION", held),
                outcome=weighted(rng, {"maintain": 60, "amend": 38, "cease": 2}),
                decided_on=decided if decided <= self.as_at else None,
            )
        if rng.random() < R.EHC_APPEAL_SHARE:
            registered = issued + datetime.timedelta(days=rng.randint(20, 60))
            if registered <= self.as_at:
                decided = registered + datetime.timedelta(days=rng.randint(90, 200))
                c.insert(
                    TribunalAppeal,
                    person_id=person,
                    kind=AppealKind.CONTENTS,
                    registered_on=registered,
                    outcome=weighted(rng, {"upheld": 50, "dismissed": 10, "withdrawn": 40})
                    if decided <= self.as_at
                    else "",
                    decided_on=decided if decided <= self.as_at else None,
                )

    # NEET and the September Guarantee.

    def neet(self):
        rng = self.council.rng("education.neet")
        c = self.council
        for first_year in range(2022, academic_year_of(self.as_at) + 1):
            september = datetime.date(first_year, 9, 1)
            lo = bisect.bisect_left(self.births, datetime.date(first_year - 18, 9, 1).toordinal())
            hi = bisect.bisect_right(self.births, datetime.date(first_year - 16, 8, 31).toordinal())
            for i in range(lo, hi):
                person = self.people[i]
                known_neet = rng.random() < R.NEET_KNOWN_IN_SEPTEMBER
                c.insert(
                    ActivityRecord,
                    person_id=person,
                    recorded_on=september,
                    activity=Activity.NEET if known_neet else Activity.NOT_KNOWN,
                )
                if i >= bisect.bisect_left(self.births, datetime.date(first_year - 17, 9, 1).toordinal()):
                    c.insert(
                        SeptemberGuarantee,
                        person_id=person,
                        year=first_year,
                        offer=rng.random() < R.SEPTEMBER_GUARANTEE,
                    )
                if rng.random() < R.STILL_NOT_KNOWN:
                    continue
                found = rng.random()
                month = (
                    next(m for m, share in R.NOT_KNOWN_RESOLVED_BY.items() if found <= share)
                    if found <= R.NOT_KNOWN_RESOLVED_BY[1]
                    else 2
                )
                year = first_year if month >= 9 else first_year + 1
                day = datetime.date(year, month, rng.randint(1, 28))
                if day > self.as_at:
                    continue
                neet = known_neet or rng.random() < R.NEET_SHARE
                activity = (
                    Activity.NEET
                    if neet
                    else weighted(rng, {"education": 85, "apprenticeship": 8, "employment": 7})
                )
                c.insert(ActivityRecord, person_id=person, recorded_on=day, activity=activity)
                dropped = datetime.date(first_year + 1, rng.randint(1, 3), rng.randint(1, 28))
                if (
                    not neet
                    and rng.random() < R.NEET_LATER_IN_YEAR
                    and dropped <= self.as_at
                    and dropped > day
                ):
                    c.insert(ActivityRecord, person_id=person, recorded_on=dropped, activity=Activity.NEET)

    def home_educated_on(self, rng, day) -> int | None:
        """A child being home educated on the day, if one turns up in a few draws."""
        for _ in range(20):
            if not self.home_educated:
                return None
            person, start, end = rng.choice(self.home_educated)
            if start <= day < end:
                return person
        return None
