"""Children in care in the synthetic council: periods of care and their episodes, with the history behind
them.

access.synthetic chooses and allocates the children in care and the care leavers (lookup
"access.care_handover"); this plans each one's period of care so it fits: how they came into care
(s20, an emergency order, an interim care order, or the care or placement order their proceedings
ended in), their placements and moves, and for care leavers the period that ended at 18. It adds the
periods that ended before the as-at date for other reasons (home, special guardianship, adoption,
a child arrangements order, relatives, another council), so every 903 year has starters and leavers.
The casework inside each period is written by care.synthetic_casework; care leavers' lives after
care by leavers.synthetic, from the lookup "care.periods". Rates are in council.scales.CareRates.
"""

import datetime
from dataclasses import dataclass, field, replace

from access.models import Involvement
from access.models import InvolvementKind as IK
from council.synthetic.casework import Staff, Weighted, between, date
from council.synthetic.registry import contributes
from leavers.eligibility import THIRTEEN_WEEKS, Stay
from people.codes import Sex, UPNUnknown
from people.models import Address, Person
from people.synthetic import DIED, UNACCOMPANIED, UNBORN, YEAR_DAYS
from proceedings.codes import CourtOrder
from timescales.dates import birthday

from . import timing
from .codes import FOSTER_PLACEMENTS
from .codes import LegalStatus as LS
from .codes import ReasonEpisodeCeased as REC
from .codes import ReasonNewEpisode as RNE
from .models import Episode, PeriodOfCare, SocialWorkerChange
from .models.periods import placement_facts
from .synthetic_casework import Casework
from .synthetic_cin import in_need_while_looked_after  # noqa: F401 (registers the contribution)
from .synthetic_placements import FOSTERING, Market, Placement

HANDOVER_DAYS = 7  # a worker starting within a week of another leaving takes over (903 SW10aSTG2)
# DfE codes of the councils that made earlier permanence orders (LA_PERM): the area's neighbours. The
# synthetic council's own code is invented, so the 903's rule 633 (a real council's code) would reject it.
PREVIOUS_PERMANENCE_COUNCILS = ("855", "856", "857", "891", "892", "830", "831", "937", "925")

WEEK = 7
QUERY_CHUNK = 5_000
ENDINGS = {
    "home": {REC.HOME_PLANNED: 0.85, REC.HOME_UNPLANNED: 0.15},
    "cao": {REC.CHILD_ARRANGEMENTS_ORDER: 1},
    "relatives": {REC.RELATIVES_NO_PR: 1},
    "other_la": {REC.OTHER_LA: 1},
    "adopted": {REC.ADOPTED_UNOPPOSED: 0.85, REC.ADOPTED_CONSENT_DISPENSED: 0.15},
}
ORDERS = {LS.INTERIM_CARE_ORDER, LS.FULL_CARE_ORDER, LS.PLACEMENT_ORDER}


@dataclass(slots=True)
class EpisodePlan:
    start: int
    legal: str
    placement: Placement
    reason_new: str
    end: int | None = None
    reason_ceased: str = ""
    reason_change: str = ""


@dataclass(slots=True)
class AdoptionPlan:
    decision: int
    order: int  # the placement order
    matched: int
    placed: int
    adopted: int
    by_foster_carers: bool
    adopters: tuple


@dataclass(slots=True)
class PeriodPlan:
    """One period of care, shared by siblings who came into care together; days are ordinals."""

    children: tuple
    household: int
    start: int
    end: int | None  # None: still looked after at the as-at date
    outcome: str  # "in_care", "leaver" or a key of CareRates.ended_reasons
    need: str
    episodes: list = field(default_factory=list)
    uasc: bool = False
    adoption: AdoptionPlan | None = None
    staying_put: bool = False
    handover: object = None

    def stays(self) -> list[Stay]:
        return [
            Stay(date(e.start), date(e.end), e.legal, e.placement.place, e.reason_ceased)
            for e in self.episodes
        ]


class CarePlanner:
    """Plans periods of care in day ordinals, from its own random stream; the writer turns them into rows."""

    def __init__(self, council):
        self.council, self.rates = council, council.rates.care
        self.rng = council.rng("care.periods")
        self.index = council.lookups["people.children"]
        self.days = council.lookups["frontdoor.workdays"]
        self.teams = council.lookups["access.teams"]
        self.staff = Staff(council, council.rng("care.staff"))
        self.as_at = council.as_at.toordinal()
        self.first_day = self.as_at - round(council.rates.history_years * YEAR_DAYS)
        in_care = council.scale.open_children("children_in_care")
        self.market = Market(council, council.rng("care.market"), in_care)
        self.needs = Weighted(self.rates.categories_of_need)
        self.paths = Weighted(self.rates.legal_paths)
        self.place_change = Weighted(self.rates.place_change_reasons)
        self.why_ended = Weighted(self.rates.ended_reasons)
        self.ceased_at_18 = Weighted(self.rates.ceased_at_18)
        self.ceased_before_18 = Weighted(self.rates.ceased_before_18)
        self.years_in_care = Weighted(self.rates.years_in_care)
        self.years_in_care_16_plus = Weighted(self.rates.years_in_care_16_plus)
        self.re_entry_months = Weighted(self.rates.re_entry_months)
        self.addresses: dict[int, list] = {}
        self.earlier: list[PeriodPlan] = []  # periods before today's, ended in a return home (re-entries)
        self.left_care: dict[int, int] = {}  # child: the day their earlier period ended

    # Helpers

    def age(self, child: int, day: int) -> int:
        return self.index.age_on(child, date(day))

    def birthday(self, child: int, age: int) -> int:
        return birthday(date(self.index.birth[child]), age).toordinal()

    def load_addresses(self, children) -> None:
        """Each child's addresses (postcode, start, end), for the home postcode and an arrival date."""
        ids = sorted({self.index.person_ids[c] for c in children} - set(self.addresses))
        for n in range(0, len(ids), QUERY_CHUNK):
            rows = Address.objects.filter(person_id__in=ids[n : n + QUERY_CHUNK]).order_by("start_date", "pk")
            for person_id, postcode, start, end in rows.values_list(
                "person_id", "postcode", "start_date", "end_date"
            ):
                self.addresses.setdefault(person_id, []).append(
                    (postcode, start.toordinal(), end and end.toordinal())
                )
            for person_id in ids[n : n + QUERY_CHUNK]:
                self.addresses.setdefault(person_id, [])

    def home_postcode(self, child: int, day: int) -> str:
        if self.index.person_ids[child] not in self.addresses:
            self.load_addresses([child])
        lived = self.addresses.get(self.index.person_ids[child]) or [("SX1 1AA", day, None)]
        for postcode, start, end in lived:
            if start <= day and (end is None or end >= day):
                return postcode
        return lived[0][0]

    def arrival(self, child: int) -> int:
        """An unaccompanied child's first address is from the day they arrived."""
        lived = self.addresses.get(self.index.person_ids[child])
        return lived[0][1] if lived else self.as_at

    # Planning a period

    def plan(
        self, children, household, start, end, outcome, *, path=None, uasc=False, court=None, adoption=None
    ) -> PeriodPlan:
        """Legal statuses and placements from `start` to `end` (None: on past the as-at date)."""
        r, rates = self.rng, self.rates
        youngest = max(children, key=lambda c: self.index.birth[c])
        plan = PeriodPlan(
            tuple(children),
            household,
            start,
            end,
            outcome,
            "N8" if uasc else self.needs(r),
            uasc=uasc,
            adoption=adoption,
        )
        stop = min(end if end is not None else self.as_at + 1, self.as_at + 1)
        legal = self.legal_path(plan, path, court, stop)
        moves = self.moves(plan, stop)
        home = self.home_postcode(youngest, start)
        legal_on = dict(legal)
        kind_on = {day: kind for day, kind, _ in moves}
        same_carers = {day: same for day, _, same in moves}
        status = placement = None
        for day in sorted(legal_on.keys() | kind_on.keys()):
            new_status = legal_on.get(day, status)
            moved = day in kind_on
            if moved:
                kind = kind_on[day] or self.market.kind_for(self.age(youngest, day), uasc)
                if kind == "parents" and new_status not in ORDERS:
                    kind = "in_house"  # placement with parents needs a care order
                long_term = (
                    kind in FOSTERING
                    and day - start >= rates.long_term_fostering_after_days
                    and r.random() < rates.long_term_fostering_share
                )
                same = placement if same_carers[day] else None
                placement = self.market.placement(
                    kind,
                    home,
                    long_term or same is not None,
                    carers=same,
                    leaving=None if same else placement,
                    day=day,
                )
            if plan.episodes:
                reason = timing.reason_new_episode(new_status != status, moved, not same_carers.get(day))
                previous = plan.episodes[-1]
                previous.end, previous.reason_ceased = day, REC.NEW_EPISODE
                previous.reason_change = self.place_change(r) if moved else ""
            else:
                reason = RNE.STARTED
            plan.episodes.append(EpisodePlan(day, new_status, placement, reason))
            status = new_status
        if end is not None and end <= self.as_at:
            last = plan.episodes[-1]
            last.end, last.reason_ceased = end, self.ending(plan, last)
        else:
            plan.end = None
        return plan

    def legal_path(self, plan, path, court, stop) -> list[tuple[int, str]]:
        """(day, legal status) changes from the start of the period, before `stop`."""
        r, rates, start = self.rng, self.rates, plan.start
        if plan.uasc:
            return [(start, LS.SECTION_20)]
        if court is not None:
            if court.order in (CourtOrder.CARE_ORDER, CourtOrder.PLACEMENT_ORDER) and court.ended < stop:
                final = LS.FULL_CARE_ORDER
                if court.order == CourtOrder.PLACEMENT_ORDER:
                    final, plan.adoption = (
                        LS.PLACEMENT_ORDER,
                        self.in_progress(self.adoption_steps(start, court.ended)),
                    )
                if court.ended > start:
                    return [(start, LS.INTERIM_CARE_ORDER), (court.ended, final)]
                return [(start, final)]
            return [(start, LS.INTERIM_CARE_ORDER)]
        order_day = start + WEEK * between(r, rates.order_weeks)
        if path in ("s20", "s20_then_order"):
            steps = [(start, LS.SECTION_20)]
            if path == "s20_then_order":
                interim = start + WEEK * between(r, rates.s20_weeks)
                steps += [
                    (interim, LS.INTERIM_CARE_ORDER),
                    (interim + WEEK * between(r, rates.order_weeks), LS.FULL_CARE_ORDER),
                ]
        elif path == "emergency":
            emergency = r.choice((LS.POLICE_PROTECTION, LS.EMERGENCY_PROTECTION_ORDER))
            interim = start + between(
                r, rates.police_protection_days if emergency == LS.POLICE_PROTECTION else rates.emergency_days
            )
            # the interim order is made by the as-at date: in an in-year 903 the validators read police
            # protection or an EPO still in force as lasting to 31 March (361, 362)
            interim = min(interim, max(start, self.as_at))
            steps = [
                (start, emergency),
                (interim, LS.INTERIM_CARE_ORDER),
                (max(order_day, interim + 1), LS.FULL_CARE_ORDER),
            ]
        elif path == "adoption":
            if plan.adoption is None:
                plan.adoption = self.in_progress(self.adoption_steps(start))
            steps = [(start, LS.INTERIM_CARE_ORDER), (plan.adoption.order, LS.PLACEMENT_ORDER)]
        else:
            steps = [(start, LS.INTERIM_CARE_ORDER), (order_day, LS.FULL_CARE_ORDER)]
        return [(day, status) for day, status in steps if day < stop]

    def adoption_steps(self, start, order=None) -> AdoptionPlan:
        """Best interest decision, placement order, match, moving in and adoption order."""
        r, rates = self.rng, self.rates
        if order is None:
            decision = start + between(r, rates.adoption_decision_days)
            order = max(start + WEEK * between(r, rates.order_weeks), decision + 14)
        else:
            decision = max(start, order - between(r, (14, 120)))
        matched = order + between(r, rates.adoption_match_days)
        placed = matched + between(r, rates.adoption_move_days)
        adopted = placed + between(r, rates.adoption_order_days)
        adopters = Weighted(rates.adopters)(r)
        return AdoptionPlan(
            decision,
            order,
            matched,
            placed,
            adopted,
            r.random() < rates.foster_carer_adoption_share,
            adopters,
        )

    def in_progress(self, adoption: AdoptionPlan) -> AdoptionPlan:
        """For a child still in care: the adoption order is not made yet."""
        return replace(adoption, adopted=max(adoption.adopted, self.as_at + 1))

    def moves(self, plan, stop) -> list[tuple[int, str | None, bool]]:
        """(day, placement kind or None to choose by age, same carers) from the start of the period."""
        r, rates, start = self.rng, self.rates, plan.start
        moves = [(start, None, False)]
        day = start
        if r.random() < rates.early_move_share:
            day = start + between(r, rates.early_move_days)
            moves.append((day, None, False))
        rate = rates.moves_per_year[1 if r.random() < rates.unsettled_share else 0]
        adoption = plan.adoption
        last = min(adoption.placed if adoption else stop, stop)
        while True:
            day += 1 + int(r.expovariate(rate / YEAR_DAYS))
            if day >= last:
                break
            moves.append((day, None, False))
        if adoption and adoption.placed < stop:
            moves = [move for move in moves if move[0] < adoption.placed]
            moves.append((adoption.placed, "adoption", adoption.by_foster_carers))
        return [move for move in moves if move[0] < stop]

    def ending(self, plan, last: EpisodePlan) -> str:
        r, kind = self.rng, last.placement.kind
        if plan.outcome == "leaver":
            at_18 = plan.end == self.birthday(plan.children[0], 18)
            if (
                at_18
                and last.placement.place in FOSTER_PLACEMENTS
                and r.random() < self.rates.staying_put_share
            ):
                plan.staying_put = True
                return REC.STAYING_PUT
            return (self.ceased_at_18 if at_18 else self.ceased_before_18)(r)
        if plan.outcome == "sgo":
            if kind == "kinship":
                return REC.SGO_FORMER_FOSTER_KIN
            if kind in FOSTERING:
                return r.choice((REC.SGO_FORMER_FOSTER_OTHER, REC.SGO_OTHER_KIN))
            return r.choice((REC.SGO_OTHER_KIN, REC.SGO_OTHER))
        return Weighted(ENDINGS[plan.outcome])(r)

    # Who is planned

    def in_care(self, handover) -> PeriodPlan:
        r, rates = self.rng, self.rates
        children, household = handover.children, handover.household
        if handover.court is not None:
            start = max(handover.court.issued, *(self.index.birth[c] for c in children))
            return self.plan(children, household, start, None, "in_care", court=handover.court)
        if self.index.flags[children[0]] & UNACCOMPANIED:
            return self.plan(children, household, self.arrival(children[0]), None, "in_care", uasc=True)
        born = max(self.index.birth[c] for c in children)
        path = self.paths(r)
        if path == "adoption":
            chain = self.adoption_steps(0)
            start = max(born, self.as_at - r.randrange(chain.adopted))
            if self.age(children[0], start) < rates.adoption_before_age:
                adoption = self.in_progress(shifted(chain, start))
                return self.plan(children, household, start, None, "in_care", path=path, adoption=adoption)
            path = "interim"
        oldest = max(self.age(c, self.as_at) for c in children)
        years = (self.years_in_care_16_plus if oldest >= 16 else self.years_in_care)(r)
        elapsed = int((years + r.random() * (7 if years == max(rates.years_in_care) else 1)) * YEAR_DAYS)
        start = max(born, self.as_at - elapsed)
        plan = self.plan(children, household, start, None, "in_care", path=path)
        if r.random() < rates.returned_before_share:
            earlier = self.earlier_period(plan)
            if earlier is not None:
                self.earlier.append(earlier)
                self.left_care.update(dict.fromkeys(children, earlier.end))
        return plan

    def re_entry_gap(self) -> int:
        """Days from a return home to coming back into care (CareRates.re_entry_months)."""
        low, high = self.re_entry_months(self.rng)
        return int(self.rng.uniform(low, high) * YEAR_DAYS / 12)

    def earlier_period(self, plan: PeriodPlan) -> PeriodPlan | None:
        """A period before `plan` that ended in a return home: the children came back into care (a re-entry).
        None when it would start before the youngest was born."""
        r, rates = self.rng, self.rates
        end = min(plan.start - max(self.re_entry_gap(), 1), collection_year_start(plan.start) - 1)
        start = end - int(between(r, rates.ended_months["home"]) * YEAR_DAYS / 12)
        too_early = start <= max(self.index.birth[c] for c in plan.children)
        if too_early or self.left_at_16(plan.children, end):
            return None
        path = "s20" if r.random() < 0.6 else "interim"
        return self.plan(plan.children, plan.household, start, end, "home", path=path)

    def left_at_16(self, children, end: int) -> bool:
        """A child who went home at 16 or over is a care leaver with birthday records (OC3) that the 903's
        rule 1016 rejects once they are looked after again (it reads an open episode as ending on 31 March):
        such returns home are not followed by a re-entry here."""
        return any(end >= self.birthday(c, 16) for c in children)

    def re_entry(self, plan: PeriodPlan) -> PeriodPlan | None:
        """After a return home, now and then a later period of care, ended by the as-at date too (a child
        still looked after is one of today's children in care, chosen by access.synthetic)."""
        r, rates = self.rng, self.rates
        if r.random() >= rates.re_entry_after_home_share or self.left_at_16(plan.children, plan.end):
            return None
        start = plan.end + max(self.re_entry_gap(), 1)
        if collection_year_start(start) == collection_year_start(plan.end):
            start = collection_year_start(plan.end) + round(
                YEAR_DAYS
            )  # the next 1 April (see collection_year_start)
        outcome = self.why_ended(r)
        if outcome == "adopted":
            outcome = "home"
        end = start + max(30, int(between(r, rates.ended_months[outcome]) * YEAR_DAYS / 12))
        if end > self.as_at or any(end >= self.birthday(c, 18) for c in plan.children):
            return None
        path = "s20" if outcome == "home" and r.random() < 0.6 else "interim"
        return self.plan(plan.children, plan.household, start, end, outcome, path=path)

    def leaver(self, handover) -> PeriodPlan | None:
        """Looked after until 18 (a few moved on at 17), so a former relevant child now."""
        r, rates = self.rng, self.rates
        child = handover.children[0]
        end = self.birthday(child, 18)
        if r.random() < rates.moved_on_before_18_share:
            end -= r.randint(30, 250)
        uasc = bool(self.index.flags[child] & UNACCOMPANIED)
        if uasc:
            start = self.arrival(child)
            if start >= end - THIRTEEN_WEEKS:
                return None  # arrived too close to 18 to be an eligible child: not a care leaver
        else:
            low, high = Weighted(rates.leaver_entry_ages)(r)
            start = min(
                self.index.birth[child] + int(r.uniform(low, high) * YEAR_DAYS), end - 2 * THIRTEEN_WEEKS
            )
        path = "s20" if uasc else self.paths(r)
        return self.plan(
            (child,),
            handover.household,
            start,
            end,
            "leaver",
            path="interim" if path == "adoption" else path,
            uasc=uasc,
        )

    def ended_periods(self, used) -> list[PeriodPlan]:
        """Periods that ended in the recorded years: interim care during proceedings that ended in a special
        guardianship or child arrangements order, then children from families open to no one now."""
        r, rates, index = self.rng, self.rates, self.index
        plans, taken = [], set(used)
        for journey in self.council.lookups["frontdoor.journeys"]:
            for ref in journey.referrals:
                court = ref.protection.court if ref.protection is not None else None
                if court is None or court.order not in (CourtOrder.SGO, CourtOrder.CHILD_ARRANGEMENTS):
                    continue
                if court.ended > self.as_at or r.random() >= rates.interim_care_share:
                    continue
                for child in ref.children:
                    start = max(court.issued, index.birth[child])
                    if child in taken or court.ended >= self.birthday(child, 18) or start >= court.ended:
                        continue
                    taken.add(child)
                    outcome = "sgo" if court.order == CourtOrder.SGO else "cao"
                    plans.append(
                        self.plan((child,), journey.household, start, court.ended, outcome, court=court)
                    )
        wanted = round(
            self.council.scale.open_children("children_in_care")
            * rates.ended_per_year_share
            * self.council.rates.history_years
        ) - len(plans)
        households = list(range(index.households))
        r.shuffle(households)
        candidates = []
        for household in households:
            family = index.children_of(household)
            children = [
                c
                for c in family
                if not index.flags[c] & (DIED | UNBORN | UNACCOMPANIED) and index.birth[c] < self.as_at - 60
            ]
            if children and not any(c in taken for c in family):
                candidates.append((household, children))
        batch = max(wanted * 2, 100)  # addresses are read a batch at a time: a query per child is slow
        for n in range(0, len(candidates), batch):
            if wanted <= 0:
                break
            self.load_addresses([child for _, children in candidates[n : n + batch] for child in children])
            for household, children in candidates[n : n + batch]:
                plan = self.ended_period(household, children) if wanted > 0 else None
                if plan is not None:
                    plans.append(plan)
                    wanted -= 1
                    again = self.re_entry(plan) if plan.outcome == "home" else None
                    if again is not None:
                        plans.append(again)
                        wanted -= 1
        return plans

    def ended_period(self, household, children) -> PeriodPlan | None:
        """A period that ended in the recorded years; adoption is for the family's youngest, taken in young.

        No adoption order is made on a 31 March: the DfE's checks read a child whose care ended that day as
        still looked after (191, OC2) and then reject their adoption information (187), so the synthetic
        council's adoptions fall a day either side; a real council's may not."""
        r, rates = self.rng, self.rates
        outcome = self.why_ended(r)
        if outcome == "adopted":
            child = max(children, key=lambda c: self.index.birth[c])
            born, chain = self.index.birth[child], self.adoption_steps(0)
            earliest = max(born, self.first_day - chain.adopted)
            latest = min(self.birthday(child, rates.adoption_before_age) - 1, self.as_at - chain.adopted)
            if earliest <= latest:
                start = r.randint(earliest, latest)
                adopted = date(start + chain.adopted)
                if (adopted.month, adopted.day) == (3, 31):  # not on a 31 March: see above
                    start += -1 if start > earliest else 1 if start < latest else 0
                return self.plan(
                    (child,),
                    household,
                    start,
                    start + chain.adopted,
                    outcome,
                    path="adoption",
                    adoption=shifted(chain, start),
                )
            outcome = "home"
        child = r.choice(children)
        born = self.index.birth[child]
        earliest, latest = max(self.first_day, born + 30), min(self.as_at, self.birthday(child, 18) - 1)
        if latest < earliest:
            return None
        end = r.randint(earliest, latest)
        months = between(r, rates.ended_months[outcome])
        start = end - int(months * YEAR_DAYS / 12)
        if start < born:  # not from birth: babies would crowd the year's starters (England: 16% under 1)
            return None
        path = "s20" if outcome == "home" and r.random() < 0.6 else "interim"
        return self.plan((child,), household, start, end, outcome, path=path)


def collection_year_start(day: int) -> int:
    """The 1 April starting the 903's collection year of `day` (ordinals). A child who left care and came back
    in
    one collection year fails the 903 validators' SW12STG2 whatever their social workers were (it wants every
    worker episode to start by the day care ended and on or after the day it began again), so the synthetic
    re-entries come back in a later collection year than they went home (docs/care.md)."""
    on = date(day)
    return datetime.date(on.year if on.month >= 4 else on.year - 1, 4, 1).toordinal()


def shifted(adoption: AdoptionPlan, by: int) -> AdoptionPlan:
    return replace(
        adoption,
        decision=adoption.decision + by,
        order=adoption.order + by,
        matched=adoption.matched + by,
        placed=adoption.placed + by,
        adopted=adoption.adopted + by,
    )


class CareWriter:
    """Writes the periods, episodes and involvements of the plans, and hands casework to Casework."""

    def __init__(self, council, planner: CarePlanner):
        self.council, self.planner = council, planner
        self.rng = council.rng("care.involvements")
        self.index = planner.index
        self.iro_teams = {iro: team.id for team in planner.teams["iro"] for iro in team.workers}
        self.casework = Casework(council, planner)
        self.worker_change = Weighted(council.rates.care.social_worker_change_reasons)
        self.after_care_rng = council.rng("care.worker_after_care")

    def period(self, plan: PeriodPlan) -> None:
        insert = self.council.insert
        for child in plan.children:
            person_id = self.index.person_ids[child]
            reviews, next_due = self.casework.review_days(plan)
            period_id = insert(
                PeriodOfCare,
                person_id=person_id,
                start_date=date(plan.start),
                end_date=date(plan.end),
                category_of_need=plan.need,
                next_review_due=date(next_due),
                **self.previous_permanence(child, plan),
            )
            home = self.planner.home_postcode(child, plan.start)
            for episode in plan.episodes:
                p = episode.placement
                placed_at = home if p.kind == "parents" else p.postcode
                council_of_placement, distance = placement_facts(home, placed_at)
                insert(
                    Episode,
                    period_id=period_id,
                    person_id=person_id,
                    start_date=date(episode.start),
                    end_date=date(episode.end),
                    reason_new=episode.reason_new,
                    legal_status=episode.legal,
                    placement_type=p.place,
                    provider=p.provider,
                    provider_name=p.carers,
                    urn=p.urn,
                    placement_postcode=placed_at,
                    home_postcode=home,
                    placement_council=council_of_placement,
                    distance_miles=distance,
                    weekly_cost=p.cost,
                    reason_ceased=episode.reason_ceased,
                    reason_place_change=episode.reason_change,
                )
            workers, iro = self.involvements(plan, child, person_id)
            self.casework.period(plan, child, person_id, period_id, workers, iro, reviews)

    def previous_permanence(self, child, plan) -> dict:
        """PREV_PERM: a few children come back into care after an earlier adoption or order broke down."""
        r, born = self.rng, self.index.birth[child]
        if plan.uasc or plan.start - born < 400 or r.random() >= self.planner.rates.previous_permanence_share:
            return {}
        return {
            "previous_permanence": r.choice(("P1", "P2", "P3")),
            "previous_permanence_la": r.choice(PREVIOUS_PERMANENCE_COUNCILS),
            "previous_permanence_date": date(r.randint(born + 180, plan.start - 200)),
        }

    def involvements(self, plan, child, person_id) -> tuple[list, int]:
        """Allocated workers and the IRO in this period: ([(from day, social worker)], IRO).

        Today's children in care keep the worker access chose; an earlier worker holds the start of a
        longer period, and the change has its 903 reason. Ended periods went to any worker of the team.
        """
        r, insert, staff = self.rng, self.council.insert, self.planner.staff
        locality = self.index.household_locality[plan.household]
        end = date(plan.end)

        def involve(kind, user, team, start, until=None):
            return insert(
                Involvement,
                person_id=person_id,
                kind=kind,
                user_id=user,
                team_id=team,
                start_date=date(start),
                end_date=date(until) if until is not None else end,
            )

        handover = plan.handover if plan.outcome == "in_care" else None
        if handover is None:
            team = staff.team("children_in_care", locality)
            worker, iro = staff.worker(team, 1, False), staff.chair(1, False)
            involve(IK.ALLOCATED_WORKER, worker, team.id, plan.start, self.worker_until(plan))
            involve(IK.IRO, iro, self.iro_teams[iro], plan.start)
            return [(plan.start, worker)], iro
        # no worker for under 3 days (903 SW09STG2 reads that as an episode that did not happen)
        allocated = handover.allocated if handover.allocated > plan.start + 3 else plan.start
        workers = []
        if allocated > plan.start:
            earlier = r.choice(handover.team.workers)
            involve(IK.ALLOCATED_WORKER, earlier, handover.team.id, plan.start, allocated - 1)
            workers.append((plan.start, earlier))
        current = involve(IK.ALLOCATED_WORKER, handover.worker, handover.team.id, allocated)
        if workers:
            self.council.insert(SocialWorkerChange, involvement_id=current, reason=self.worker_change(r))
        workers.append((allocated, handover.worker))
        involve(IK.IRO, handover.iro, handover.iro_team, plan.start)
        if (
            not plan.uasc
            and handover.court is None
            and r.random() < self.council.rates.assessed_before_transfer_share
        ):
            assessment = staff.team("child_in_need", locality)
            assessed_from = max(
                self.index.birth[child],
                plan.start - r.randrange(20, 90),
                self.planner.left_care.get(child, 0) + 1,
            )  # after an earlier period of care
            if assessed_from < plan.start - 1:
                involve(
                    IK.ALLOCATED_WORKER,
                    r.choice(assessment.workers),
                    assessment.id,
                    assessed_from,
                    plan.start - 1,
                )
        return workers, handover.iro

    def worker_until(self, plan) -> int | None:
        """The social worker stays allocated for a while after care ends, as the care pages leave them, until
        the case closes or passes on: the child at home under a child in need plan, the care leaver to their
        personal adviser. Closed by the as-at date, as every case open then has a referral, care or private
        fostering behind it. The 903 reports the episode open, as it was on the day care ended (SW17STG2)."""
        if plan.end is None:
            return None
        return min(
            plan.end + between(self.after_care_rng, self.planner.rates.worker_after_care_days),
            self.planner.as_at,
        )


@contributes(order=61)
def care_journeys(council):
    """Periods of care for today's children in care and care leavers, and for those who left in the recorded
    years.

    Today's children in care and care leavers go on to leavers.synthetic (lookup "care.periods"), and the
    periods that ended (lookup "care.ended_periods") for those who left at 16 or 17 and are due OC3
    information.
    """
    planner = CarePlanner(council)
    handover = council.lookups["access.care_handover"]
    planner.load_addresses([c for h in handover for c in h.children])
    current = []
    for h in handover:
        plan = planner.in_care(h) if h.service == "children_in_care" else planner.leaver(h)
        if plan is not None:
            plan.handover = h
            current.append(plan)
    ended = planner.earlier + planner.ended_periods(
        council.lookups["access.used_children"] | {c for h in handover for c in h.children}
    )
    writer = CareWriter(council, planner)
    for n, plan in enumerate(current + ended):
        writer.period(plan)
        if n % 1_000 == 999:
            council.flush()
    council.lookups["care.periods"] = current
    council.lookups["care.ended_periods"] = ended


@contributes(order=63)
def social_worker_handovers(council):
    """A 903 reason (SW_REASON) for every allocated worker of a child ever in care who took over from another.

    The journeys before care (assessment, child protection) allocate workers of their own; the worker
    who takes over within a week of one leaving has a reason for the change, as a worker recording the
    change gives one (care.services.allocate_social_worker). Runs after the care journeys are written."""
    r = council.rng("care.social_worker_handovers")
    reasons = Weighted(council.rates.care.social_worker_change_reasons)
    looked_after = PeriodOfCare.objects.values("person_id")
    one_worker_at_a_time(looked_after)
    previous = {}
    rows = (
        Involvement.objects.filter(kind=IK.ALLOCATED_WORKER, person_id__in=looked_after)
        .order_by("person_id", "start_date", "pk")
        .values_list("pk", "person_id", "start_date", "end_date", "social_worker_change__reason")
    )
    for pk, person_id, start, end, reason in rows.iterator(chunk_size=5_000):
        last_end = previous.get(person_id)
        if not reason and last_end is not None and (start - last_end).days <= HANDOVER_DAYS:
            council.insert(SocialWorkerChange, involvement_id=pk, reason=reasons(r))
        previous[person_id] = max(last_end or end or datetime.date.max, end or datetime.date.max)


def one_worker_at_a_time(person_ids) -> None:
    """A child has one allocated social worker at a time: where the journeys allocate a worker while an
    earlier one still holds the child (an assessment worker's case open when care began, or one assessing a
    child in care), the earlier hands over the day before, as a change of worker is recorded. The 903 reports
    social worker episodes as a chain (rules SW08STG2, SW10STG2), each after a reason for the change."""
    rows = (
        Involvement.objects.filter(kind=IK.ALLOCATED_WORKER, person_id__in=person_ids)
        .order_by("person_id", "start_date", "pk")
        .values_list("pk", "person_id", "start_date", "end_date")
    )
    holding = {}  # person -> (pk, end) of the worker holding them so far
    for pk, person_id, start, end in list(rows):
        earlier = holding.get(person_id)
        if earlier is not None and (earlier[1] is None or earlier[1] >= start):
            handed = start - datetime.timedelta(days=1)
            if handed >= Involvement.objects.get(pk=earlier[0]).start_date:
                Involvement.objects.filter(pk=earlier[0]).update(end_date=handed)
                Involvement.history.filter(id=earlier[0]).update(end_date=handed)  # as recorded, not changed
        holding[person_id] = (pk, end)


@contributes(order=63)
def sex_known_in_care(council):
    """A child in care has their sex recorded: the generator leaves some children's sex not known (the CIN
    census counts them, rule 8794Q), but the 903 rejects an unknown sex (rule 232). Nor is a child in care
    for longer than a week still "newly looked after" for want of a UPN (UN4, 903 rule 210): where the
    Virtual School has not matched one, the sources disagree (UN5)."""
    r = council.rng("care.sex_known_in_care")
    looked_after = PeriodOfCare.objects.values("person_id")
    for model in (Person.objects, Person.history):
        model.filter(
            **{"pk__in" if model is Person.objects else "id__in": looked_after},
            upn_unknown=UPNUnknown.NEWLY_ARRIVED,
        ).update(upn_unknown=UPNUnknown.DISCREPANCY)
    for pk in (
        Person.objects.filter(pk__in=looked_after, sex=Sex.UNKNOWN, birth_date__isnull=False)
        .order_by("pk")
        .values_list("pk", flat=True)
    ):
        sex = Sex.MALE if r.random() < council.rates.male_share else Sex.FEMALE
        Person.objects.filter(pk=pk).update(sex=sex)
        Person.history.filter(id=pk).update(sex=sex)  # as recorded from the start, not a later change
