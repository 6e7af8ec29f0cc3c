"""Each family's journey over the years, and the contacts, decisions, referrals and oversight it leaves.

Every journey starts at the front door, so it is planned here: a contact, the decision on it, and
what follows, a Family Help episode or a referral (CIN episode) whose assessment, child protection
and court stages are planned by `familyhelp`, `protection` and `proceedings`. Their own
contributions write those rows from the lookup "frontdoor.journeys". Families are planned one at a
time from one random stream; each contribution draws its details (names, times, texts) from its own.
"""

from dataclasses import dataclass, field

from council.synthetic.casework import Staff, Weighted, Workdays, between, date, moment
from council.synthetic.registry import contributes
from familyhelp import synthetic as familyhelp
from people.synthetic import DIED, UNACCOMPANIED, YEAR_DAYS
from protection import synthetic as protection
from timescales.dates import birthday

from .codes import REFERRAL_OUTCOMES, ClosureReason, ContactOutcome, PrimaryNeed, ReferralSource
from .models import Contact, ContactDecision, ManagementOversight, Referral, is_re_referral

WORKING_HOURS = (8 * 60 + 30, 17 * 60)
OUT_OF_HOURS = ((17 * 60, 24 * 60), (0, 8 * 60))
CLOSURE_AFTER = {
    "nfa": ClosureReason.NFA_AFTER_ASSESSMENT,
    "close": ClosureReason.CEASED,
    "family_help": ClosureReason.FAMILY_HELP_AFTER_ASSESSMENT,
    "sgo": ClosureReason.SGO,
    "cao": ClosureReason.CHILD_ARRANGEMENTS,
}
LOOKED_AFTER = "looked_after"


@dataclass(slots=True)
class ContactPlan:
    """One contact about the family's children: received, recorded and decided (day, minute)."""

    received: tuple
    recorded: tuple
    decided: tuple
    source: str
    outcome: str
    locality: int
    children: list = field(default_factory=list)
    ids: list = field(default_factory=list)  # Contact ids, one per child

    def undecided_on(self, as_at: int) -> bool:
        return self.recorded[0] <= as_at < self.decided[0]


@dataclass(slots=True)
class ReferralPlan:
    """A referral to children's social care (a CIN episode) and the stages it went through."""

    start: int
    source: str
    locality: int
    contact: ContactPlan | None = None
    stepped_up_from: object = None  # the Family Help episode it stepped up from
    children: list = field(default_factory=list)
    nfa: bool = False
    primary_need: str = PrimaryNeed.NOT_STATED
    assessment: object = None
    cin_plan: object = None
    protection: object = None
    end: int | None = None  # None: still open when the plan runs out (a child looked after)
    closure_reason: str = ""
    looked_after: int | None = None  # the day a final care or placement order was made
    step_down: bool = False
    team: object = None
    worker: int | None = None
    ids: list = field(default_factory=list)  # Referral ids, one per child

    def open_on(self, day: int) -> bool:
        return self.start <= day and (self.end is None or self.end > day)

    def allocated_on(self, day: int) -> bool:
        """Held by its allocated worker: open, not held by a CP team, not looked after (care holds it)."""
        on_plan = self.protection is not None and self.protection.plan_open_on(day)
        in_care = self.looked_after is not None and self.looked_after <= day
        return self.open_on(day) and not on_plan and not in_care

    def involvements(self, day: int):
        if self.allocated_on(day):
            yield "allocated_worker", self.worker, self.team.id, self.start
        if self.protection is not None:
            yield from self.protection.involvements(day)


@dataclass(slots=True)
class Journey:
    household: int
    locality: int
    contacts: list = field(default_factory=list)
    referrals: list = field(default_factory=list)
    family_help: list = field(default_factory=list)
    had_plan: bool = False


class FrontDoor:
    """Plans every family's journey, from its first contact until it closes or the as-at date."""

    def __init__(self, council):
        self.council = council
        self.rates = council.rates.journeys
        self.rng = council.rng("frontdoor.journeys")
        self.days = Workdays()
        self.staff = Staff(council, self.rng)
        self.index = council.lookups["people.children"]
        self.as_at = council.as_at.toordinal()
        self.first_day = self.as_at - round(council.rates.history_years * YEAR_DAYS)
        self.lead_in_day = self.first_day - round(self.rates.lead_in_years * YEAR_DAYS)
        self.repeat = False  # the family being planned has had a child protection plan
        self.quiet_since = 0  # quiet contacts come after the family's last episode closed
        # Contacts that go no further draw from their own stream, so every other record is drawn as before.
        self.quiet_rng = council.rng("frontdoor.quiet_contacts")
        self.quiet_counts = Weighted(self.rates.quiet_contacts)
        self.quiet_outcomes = Weighted(self.rates.quiet_contact_outcomes)
        j = self.rates
        self.outcomes = {kind: Weighted(weights) for kind, weights in j.contact_outcomes.items()}
        self.sources = Weighted(j.contact_sources)
        self.needs = Weighted(j.primary_needs)
        self.assessment_outcomes = Weighted(j.assessment_outcomes)
        self.assessed_routes = Weighted({k: v for k, v in j.assessment_outcomes.items() if k != "strategy"})
        self.after_plan = Weighted(j.cp_after_plan)

    def family(self, household: int) -> Journey | None:
        """The family's contacts and what followed, from its first contact to the as-at date.

        The first contact comes after an exponential wait from the start of the lead-in (or the first
        child's birth), so it is as likely in any year a family has children; only what started in the
        recorded years is kept.
        """
        index, r, j = self.index, self.rng, self.rates
        kids = [
            (c, index.birth[c], birthday(date(index.birth[c]), 18).toordinal())
            for c in index.children_of(household)
            if not index.flags[c] & (DIED | UNACCOMPANIED)
        ]
        if not kids:
            return None
        first = max(self.lead_in_day, min(born for _, born, _ in kids) - j.prebirth_days)
        last = min(self.as_at, max(adult for _, _, adult in kids) - 1)
        if first > last:
            return None
        day = first + int(r.expovariate(1 / (j.first_contact_mean_years * YEAR_DAYS)))
        if day > last:
            return None
        journey = Journey(household, index.household_locality[household])
        kind = "first"
        self.quiet_since = first
        while day <= self.as_at:
            end = self.episode(journey, kids, day, kind)
            self.quiet_since = (end or self.as_at) + 1
            kind = "after_plan" if journey.had_plan else "return"
            returns = j.after_plan_return_share if journey.had_plan else j.return_share
            if end is None or end >= self.as_at or r.random() >= returns:
                break
            if r.random() < j.soon_return_share:
                day = end + 1 + int(r.expovariate(1 / j.soon_return_mean_days))
            else:
                day = end + 1 + between(r, j.later_return_days)
        return journey if journey.contacts else None

    def episode(self, journey, kids, day, kind) -> int | None:
        """A contact and what it led to; the day all of it closed, or None if the family stops here."""
        r, j = self.rng, self.rates
        self.repeat = journey.had_plan
        contact = self.contact(day, self.outcomes[kind](r), journey.locality)
        if contact.recorded[0] > self.as_at:
            return None  # not yet on the system
        chain = []
        if contact.decided[0] <= self.as_at:
            if contact.outcome in REFERRAL_OUTCOMES:
                chain.append(
                    self.referral(
                        day,
                        contact.source,
                        journey.locality,
                        contact=contact,
                        strategy=contact.outcome == ContactOutcome.STRATEGY_DISCUSSION,
                    )
                )
            elif contact.outcome == ContactOutcome.FAMILY_HELP:
                chain.append(
                    familyhelp.plan_family_help(self, contact.decided[0], journey.locality, contact=contact)
                )
            while chain and chain[-1].end is not None and chain[-1].end <= self.as_at:
                following = self.following(chain[-1], journey.locality)
                if following is None:
                    break
                chain.append(following)
        end = chain[-1].end if chain else contact.decided[0]
        last_day = self.as_at if end is None else min(end, self.as_at)
        children = [c for c, born, adult in kids if born - j.prebirth_days <= day and adult > last_day]
        if not children:
            return None
        journey.had_plan |= any(
            isinstance(x, ReferralPlan) and x.protection and x.protection.plan_start for x in chain
        )
        if contact.received[0] < self.first_day:
            return end  # before the recorded years: it shapes what follows but is not kept
        if len(children) > 1 and r.random() >= j.whole_family_share:
            children = [r.choice(children)]
        contact.children = children
        journey.contacts.append(contact)
        self.quiet_contacts(journey, contact, kids)
        for record in chain:
            record.children = children
            self.allocate(record)
            (journey.referrals if isinstance(record, ReferralPlan) else journey.family_help).append(record)
        return end if contact.decided[0] <= self.as_at else None

    def quiet_contacts(self, journey, contact, kids) -> None:
        """Contacts about some of the same children in the months before, ended with advice or no further
        action (police notifications, information shared): most contacts to a front door go no further."""
        r, j = self.quiet_rng, self.rates
        ages = {child: (born, adult) for child, born, adult in kids}
        for _ in range(self.quiet_counts(r)):
            day = contact.received[0] - between(r, j.quiet_contact_days)
            if day < max(self.first_day, self.quiet_since):
                continue
            children = [c for c in contact.children if ages[c][0] - j.prebirth_days <= day < ages[c][1]]
            quiet = self.contact(day, self.quiet_outcomes(r), journey.locality, rng=r)
            if children and quiet.recorded[0] <= self.as_at:
                quiet.children = children
                journey.contacts.append(quiet)

    def following(self, record, locality):
        """A step-down from social care to Family Help, or a step-up the other way."""
        if isinstance(record, ReferralPlan):
            if record.step_down:
                return familyhelp.plan_family_help(self, record.end, locality, stepped_down_from=record)
            return None
        if record.step_up:
            return self.referral(record.end, ReferralSource.EARLY_HELP, locality, stepped_up_from=record)
        return None

    def allocate(self, record) -> None:
        children, as_at = len(record.children), self.as_at
        if isinstance(record, ReferralPlan):
            record.team = self.staff.team("child_in_need", record.locality)
            record.worker = self.staff.worker(record.team, children, record.allocated_on(as_at))
            if record.protection is not None:
                protection.allocate(self, record.protection, record.locality, children)
        else:
            record.team = self.staff.team("family_help", record.locality)
            record.worker = self.staff.worker(record.team, children, record.open_on(as_at))

    def contact(self, day, outcome, locality, rng=None) -> ContactPlan:
        r, j, days = rng or self.rng, self.rates, self.days
        if r.random() < j.out_of_hours_share:
            minute = r.randrange(*r.choice(OUT_OF_HOURS))
        else:
            day, minute = days.on_or_after(day), r.randrange(*WORKING_HOURS)
        if r.random() < j.late_recording_share:
            recorded = (days.add(day, between(r, j.late_recording_days)), r.randrange(*WORKING_HOURS))
        else:
            recorded = _later(day, minute, between(r, j.recording_minutes))
        due = days.due("CONTACT_DECISION", day)
        if r.random() < j.decision_on_time_share:
            decided_day = max(recorded[0], r.choice((day, due)) if days.on_or_after(day) == day else due)
        else:
            decided_day = max(recorded[0], days.add(due, between(r, j.decision_late_working_days)))
        decided = max(
            (decided_day, r.randrange(*WORKING_HOURS)), _later(*recorded, between(r, j.decision_minutes))
        )
        return ContactPlan((day, minute), recorded, decided, self.sources(r), outcome, locality)

    def referral(
        self, start, source, locality, *, contact=None, strategy=False, stepped_up_from=None
    ) -> ReferralPlan:
        r, j = self.rng, self.rates
        ref = ReferralPlan(start, source, locality, contact=contact, stepped_up_from=stepped_up_from)
        if not strategy and r.random() < j.referral_nfa_share:
            ref.nfa, ref.primary_need = True, PrimaryNeed.NOT_IN_NEED
            self.close(ref, self.days.add(start, between(r, j.referral_nfa_working_days)), "close")
            return ref
        assessment = ref.assessment = familyhelp.plan_assessment(self, start)
        route = "strategy" if strategy else self.assessment_outcomes(r)
        at = assessment.authorised
        if route == "strategy":
            strategy_day = self.days.add(start, between(r, j.strategy_working_days)) if strategy else at
            ref.protection = protection.plan_protection(self, strategy_day, self.repeat)
            ref.primary_need = PrimaryNeed.ABUSE_OR_NEGLECT
            route, at = ref.protection.then, max(at, ref.protection.end)
            if route == "assess":
                route = self.assessed_routes(r)
            if not strategy or ref.protection.section47_start is not None:
                assessment.outcome = "strategy"
        else:
            ref.primary_need = self.needs(r)
        if not assessment.outcome:
            assessment.outcome = route
        self.after(ref, route, at)
        return ref

    def after(self, ref, route, day) -> None:
        """Where the referral went once its assessment or child protection stage ended."""
        r, j = self.rng, self.rates
        if route == "cin_plan":
            cp_plan = ref.protection is not None and ref.protection.plan_start is not None
            ref.cin_plan = familyhelp.plan_cin_plan(self, day, after_cp_plan=cp_plan, need=ref.primary_need)
            ref.step_down = r.random() < j.cin_step_down_share
            self.close(ref, ref.cin_plan.end, "close")
        elif route == LOOKED_AFTER:
            ref.looked_after = ref.protection.court.ended
        elif route == "family_help":
            ref.step_down = True
            self.close(ref, day, "family_help" if ref.protection is None else "close")
        elif route == "nfa" and ref.protection is not None and ref.protection.section47_start is not None:
            self.close(ref, day, "close")  # RC8 and RC9 are for episodes that ended at assessment (rule 2990)
        else:
            self.close(ref, day, route)

    def close(self, ref, day, route) -> None:
        ref.end, ref.closure_reason = day, CLOSURE_AFTER[route]


def _later(day: int, minute: int, minutes: int) -> tuple:
    minute += minutes
    return (day + minute // (24 * 60), minute % (24 * 60))


# Writing the rows

REFERRERS = {  # first characters of the source code -> who made contact
    "1": ("a relative", "a neighbour", "the child's mother", "the child's father", "a family friend"),
    "2": (
        "the designated safeguarding lead at the child's school",
        "the head teacher",
        "an education welfare officer",
    ),
    "3": (
        "the family's GP",
        "the health visitor",
        "the school nurse",
        "the emergency department",
        "a midwife",
    ),
    "4": ("the housing officer",),
    "5": ("an adult social care worker", "the youth service", "another council"),
    "6": ("the police public protection unit", "a response officer"),
    "7": ("a probation officer", "Cafcass"),
    "8": ("a voluntary organisation",),
    "9": ("an anonymous caller",),
    "10": ("not recorded",),
}
SUMMARIES = (
    "Police attended a domestic incident at the home; the children were present.",
    "School reports the child arriving hungry and unkempt on several days this month.",
    "Health visitor concerned about home conditions and missed health appointments.",
    "The child disclosed at school that a parent hit them.",
    "Concerns about a parent's drinking and who is caring for the children.",
    "A parent's mental health has deteriorated; the family asks for support.",
    "The young person has been missing overnight twice and is thought to be exploited.",
    "Unexplained bruising seen on the child at nursery.",
    "Neighbours report children left alone at home in the evenings.",
    "The family is about to be evicted and the parent is struggling to cope.",
    "Emergency department attendance after the child swallowed medication.",
    "Concerns about the child's behaviour at home and school and the parents' capacity to manage it.",
)
RATIONALES = {
    ContactOutcome.NO_FURTHER_ACTION: "Needs met by universal services; no further action by the front door.",
    ContactOutcome.ADVICE: (
        "Advice and information given to the referrer and family; signposted to local support."
    ),
    ContactOutcome.FAMILY_HELP: "Needs below the threshold for social care; family agree to Family Help.",
    ContactOutcome.REFERRAL: (
        "The child may be in need under s17; referred for a child and family assessment."
    ),
    ContactOutcome.STRATEGY_DISCUSSION: (
        "Reasonable cause to suspect significant harm; strategy discussion today."
    ),
}
OVERSIGHT = {
    "allocation": (
        "Referral reviewed and allocated; assessment to start within 3 working days, child seen alone."
    ),
    "authorisation": "Assessment read and authorised; outcome and plan agreed, case direction recorded.",
    "plan_start": "Child protection plan agreed at conference; core group within 10 working days.",
    "plan_end": "Plan ended at review; step-down arrangements checked and family informed.",
}


class FrontDoorWriter:
    def __init__(self, council, days):
        self.council, self.days = council, days
        self.rng = council.rng("frontdoor.records")
        self.as_at = council.as_at.toordinal()
        self.rates = council.rates.journeys
        self.person_ids = council.lookups["people.children"].person_ids
        self.front_door = council.lookups["access.teams"]["front_door"]

    def journey(self, journey) -> None:
        for contact in journey.contacts:
            self.contact(contact)
        referred = {}  # child -> days of their referrals so far
        for ref in journey.referrals:
            if ref.start <= self.as_at:
                self.referral(ref, referred)

    def contact(self, c: ContactPlan) -> None:
        r, insert = self.rng, self.council.insert
        team = self.front_door[c.locality % len(self.front_door)]
        recorder = r.choice(team.workers)
        decider = team.manager if r.random() < self.rates.decided_by_manager_share else r.choice(team.workers)
        referrer = r.choice(REFERRERS[c.source.rstrip("ABCDEF")])
        summary = r.choice(SUMMARIES)
        received, recorded = moment(*c.received), moment(*c.recorded)
        decided = moment(*c.decided) if c.decided[0] <= self.as_at else None
        due = date(self.days.due("CONTACT_DECISION", c.received[0]))
        for child in c.children:
            pk = insert(
                Contact,
                person_id=self.person_ids[child],
                source=c.source,
                referrer=referrer,
                received_at=received,
                recorded_at=recorded,
                recorded_by_id=recorder,
                summary=summary,
                decision_due=due,
            )
            c.ids.append(pk)
            if decided:
                insert(
                    ContactDecision,
                    contact_id=pk,
                    outcome=c.outcome,
                    decided_at=decided,
                    decided_by_id=decider,
                    rationale=RATIONALES[c.outcome],
                )

    def referral(self, ref: ReferralPlan, referred: dict) -> None:
        as_at, r = self.as_at, self.rng
        closed = ref.end is not None and ref.end <= as_at
        need = ref.primary_need  # recorded when the referral is accepted, not left until the assessment ends
        for i, child in enumerate(ref.children):
            earlier = referred.setdefault(child, [])
            previous = max((day for day in earlier if day < ref.start), default=None)
            pk = self.council.insert(
                Referral,
                person_id=self.person_ids[child],
                contact_id=ref.contact.ids[i] if ref.contact else None,
                referral_date=date(ref.start),
                source=ref.source,
                primary_need=need,
                is_re_referral=is_re_referral(date(ref.start), date(previous)),
                no_further_action=ref.nfa,
                closure_date=date(ref.end) if closed else None,
                closure_reason=ref.closure_reason if closed else "",
                team_id=ref.team.id,
            )
            earlier.append(ref.start)
            ref.ids.append(pk)
        for when, kind, manager in self.oversight(ref):
            if when <= as_at:
                at = moment(when, r.randrange(*WORKING_HOURS))
                for child, pk in zip(ref.children, ref.ids):
                    self.council.insert(
                        ManagementOversight,
                        person_id=self.person_ids[child],
                        referral_id=pk,
                        recorded_by_id=manager,
                        recorded_at=at,
                        direction=OVERSIGHT[kind],
                    )

    def oversight(self, ref):
        r, j = self.rng, self.rates
        if r.random() < j.oversight_at_allocation_share:
            allocated = self.days.add(ref.start, between(r, j.oversight_allocation_working_days))
            yield allocated, "allocation", ref.team.manager
        if ref.assessment and r.random() < j.oversight_at_authorisation_share:
            yield ref.assessment.authorised, "authorisation", ref.team.manager
        cp = ref.protection
        if cp is not None and cp.plan_start is not None:
            yield cp.plan_start, "plan_start", cp.team.manager
            if cp.plan_end is not None:
                yield cp.plan_end, "plan_end", cp.team.manager


@contributes(order=50)
def journeys(council):
    """Plan every family's journey (lookup "frontdoor.journeys"), then write the front door's records."""
    planner = FrontDoor(council)
    households = planner.index.households
    planned = []
    for household in range(households):
        journey = planner.family(household)
        if journey is not None:
            planned.append(journey)
        if (household + 1) % 50_000 == 0:
            council.report(f"frontdoor.journeys: planned {household + 1:,} of {households:,} families")
    council.lookups["frontdoor.journeys"] = planned
    council.lookups["frontdoor.workdays"] = planner.days
    writer = FrontDoorWriter(council, planner.days)
    for n, journey in enumerate(planned):
        writer.journey(journey)
        if n % 5_000 == 4_999:
            council.flush()
