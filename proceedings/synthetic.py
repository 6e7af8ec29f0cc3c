"""Family group decision making, pre-proceedings and care proceedings in the synthetic journeys.

`plan_court` is asked by the child protection planner (protection.synthetic) whether a family on a
plan goes into pre-proceedings or straight to court. Every plan that reaches court has an FGDM
offer made before pre-proceedings start, or, for the few urgent cases, a recorded exception
explained to the court and the family by the day of issue: CareProceedings.save() refuses anything
else, and these rows are bulk-written past it, so the plan itself keeps the rule.
"""

from dataclasses import dataclass, field

from council.synthetic.casework import Weighted, between, date
from council.synthetic.registry import contributes
from people.codes import RelationshipKind
from people.models import Relationship
from people.synthetic import YEAR_DAYS

from .codes import CourtOrder, FGDMResponse, PreProceedingsOutcome
from .models import (
    CareProceedings,
    FGDMException,
    FGDMMeeting,
    FGDMOffer,
    FGDMParticipant,
    PLOMeeting,
    PreProceedings,
)

WEEK = 7
# What the referral does after a final order (frontdoor.synthetic reads these routes).
AFTER_ORDER = {
    CourtOrder.CARE_ORDER: "looked_after",
    CourtOrder.PLACEMENT_ORDER: "looked_after",
    CourtOrder.SGO: "sgo",
    CourtOrder.CHILD_ARRANGEMENTS: "cao",
    CourtOrder.SUPERVISION_ORDER: "cin_plan",
    CourtOrder.NO_ORDER: "cin_plan",
    CourtOrder.WITHDRAWN: "close",
}
FAMILY_NETWORK = (
    RelationshipKind.MOTHER,
    RelationshipKind.FATHER,
    RelationshipKind.STEP_PARENT,
    RelationshipKind.GRANDPARENT,
    RelationshipKind.AUNT_UNCLE,
    RelationshipKind.CONNECTED_PERSON,
)
QUERY_CHUNK = 5_000


@dataclass(slots=True)
class CourtPlan:
    begins: int  # pre-proceedings start, or the day of issue when urgent
    busy_until: int  # the plan cannot end while pre-proceedings or a decision to issue is under way
    offer: int | None = None
    accepted: bool = False
    responded: int | None = None
    meeting: int | None = None
    plan_agreed: bool = False
    exception: tuple | None = None  # (decided, explained to the court, explained to the family)
    plo_start: int | None = None
    letter: int | None = None
    plo_meetings: list = field(default_factory=list)  # the initial meeting, then reviews
    decided: int | None = None
    plo_outcome: str = ""
    letter_initiating: int | None = None
    issued: int | None = None
    ended: int | None = None
    order: str = ""
    then: str = ""

    def settled_by(self, day: int) -> bool:
        return not self.begins <= day < self.busy_until


def plan_court(planner, plan_start: int) -> CourtPlan | None:
    """Pre-proceedings for some families on a plan, proceedings without them for a few."""
    r, j, days = planner.rng, planner.rates, planner.days
    x = r.random()
    if x >= j.pre_proceedings_share + j.urgent_proceedings_share:
        return None
    start = days.on_or_after(plan_start + between(r, j.pre_proceedings_after_days))
    if x >= j.pre_proceedings_share:
        court = CourtPlan(start, start)
        if r.random() < j.fgdm_exception_share:
            decided = max(plan_start, start - between(r, j.fgdm_exception_days_before))
            to_family = min(start, decided + between(r, j.fgdm_exception_explained_to_family_days))
            court.exception = (decided, start, to_family)
        else:
            _offer(planner, court, max(plan_start, start - between(r, j.urgent_offer_days_before)))
        _issue(planner, court, start)
        return court
    court = CourtPlan(start, start, plo_start=start)
    _offer(planner, court, max(plan_start, start - between(r, j.fgdm_offer_days_before)))
    court.letter = start + between(r, j.plo_letter_days)
    meeting = days.on_or_after(court.letter + between(r, j.plo_meeting_days))
    court.decided = days.on_or_after(meeting + WEEK * between(r, j.plo_weeks))
    while meeting < court.decided:
        court.plo_meetings.append(meeting)
        meeting = days.on_or_after(meeting + between(r, j.plo_review_days))
    court.plo_outcome = Weighted(j.plo_outcomes)(r)
    court.busy_until = court.decided
    if court.plo_outcome == PreProceedingsOutcome.PROCEEDINGS:
        issued = days.on_or_after(court.decided + between(r, j.court_application_days))
        court.letter_initiating = max(court.decided, issued - between(r, j.letter_initiating_days_before))
        court.busy_until = issued
        _issue(planner, court, issued)
    return court


def _offer(planner, court: CourtPlan, day: int) -> None:
    r, j = planner.rng, planner.rates
    court.offer = day
    court.responded = day + between(r, j.fgdm_response_days)
    court.accepted = r.random() < j.fgdm_accepted_share
    if court.accepted and r.random() < j.fgdm_meeting_share:
        court.meeting = court.responded + between(r, j.fgdm_meeting_days)
        court.plan_agreed = r.random() < j.fgdm_plan_agreed_share


def _issue(planner, court: CourtPlan, day: int) -> None:
    r, j = planner.rng, planner.rates
    court.issued, court.ended = day, day + WEEK * between(r, j.proceedings_weeks)
    court.order = Weighted(j.court_orders)(r)
    court.then = AFTER_ORDER[court.order]


# Writing the rows

FAMILY_PLANS = (
    (
        "Grandparents to provide respite every weekend; aunt to take the children to school; family to meet "
        "monthly."
    ),
    (
        "Maternal grandmother to move in for three months; father to have supervised contact at the family "
        "centre."
    ),
    "Family network agreed a safety plan and who the children go to in a crisis.",
)
EXCEPTION_REASONS = (
    "Immediate risk of serious harm: delay for a family meeting would not be in the child's best interests.",
    "The family network includes the alleged perpetrator; a meeting would place the child at risk.",
)


class ProceedingsWriter:
    def __init__(self, council):
        self.council = council
        self.rng = council.rng("proceedings.records")
        self.as_at = council.as_at.toordinal()
        self.rates = council.rates.journeys
        self.index = council.lookups["people.children"]
        self.days = council.lookups["frontdoor.workdays"]
        self.court = f"{council.geography.county} Family Court"
        self.cases = 0
        self.network = self.family_networks(council.lookups["frontdoor.journeys"])

    def family_networks(self, journeys) -> dict[int, list[tuple[int, str]]]:
        """Each child's relatives and connected people who could join a family meeting (few children)."""
        children = sorted(
            {
                self.index.person_ids[child]
                for journey in journeys
                for ref in journey.referrals
                if _court(ref) is not None and _court(ref).meeting is not None
                for child in ref.children
            }
        )
        network = {}
        for n in range(0, len(children), QUERY_CHUNK):
            rows = Relationship.objects.filter(
                person_id__in=children[n : n + QUERY_CHUNK], kind__in=FAMILY_NETWORK
            )
            for person_id, relative_id, kind in rows.order_by("pk").values_list(
                "person_id", "relative_id", "kind"
            ):
                network.setdefault(person_id, []).append((relative_id, RelationshipKind(kind).label.lower()))
        return network

    def journey(self, journey) -> None:
        for ref in journey.referrals:
            court = _court(ref)
            if court is not None and court.begins <= self.as_at:
                self.write(ref, court)

    def write(self, ref, court: CourtPlan) -> None:
        as_at, insert, r = self.as_at, self.council.insert, self.rng
        worker = ref.protection.lead
        responded = court.responded is not None and court.responded <= as_at
        response = FGDMResponse.PENDING
        if responded:
            response = FGDMResponse.ACCEPTED if court.accepted else FGDMResponse.DECLINED
        decided = court.decided is not None and court.decided <= as_at
        if court.issued is not None and court.issued <= as_at:
            self.cases += 1
        for child, referral_id in zip(ref.children, ref.ids):
            person_id = self.index.person_ids[child]
            if court.offer is not None and court.offer <= as_at:
                offer = insert(
                    FGDMOffer,
                    person_id=person_id,
                    referral_id=referral_id,
                    offered_on=date(court.offer),
                    offered_by_id=worker,
                    response=response,
                    responded_on=date(court.responded) if responded else None,
                )
                if court.meeting is not None and court.meeting <= as_at:
                    self.meeting(offer, court, child)
            if court.exception is not None:
                decided_on, to_court, to_family = court.exception
                insert(
                    FGDMException,
                    person_id=person_id,
                    reason=r.choice(EXCEPTION_REASONS),
                    decided_on=date(decided_on),
                    decided_by_id=ref.protection.team.manager,
                    explained_to_court_on=date(to_court),
                    explained_to_family_on=date(to_family),
                )
            if court.plo_start is not None:
                self.pre_proceedings(court, person_id, referral_id, decided)
            if court.issued is not None and court.issued <= as_at:
                ended = court.ended <= as_at
                issued = date(court.issued)
                insert(
                    CareProceedings,
                    person_id=person_id,
                    referral_id=referral_id,
                    issued_on=issued,
                    court=self.court,
                    case_number=f"SX{issued:%y}C{self.cases:05d}",
                    target_end=date(self.days.due("CARE_PROCEEDINGS", court.issued)),
                    ended_on=date(court.ended) if ended else None,
                    outcome=court.order if ended else "",
                )

    def pre_proceedings(self, court: CourtPlan, person_id, referral_id, decided: bool) -> None:
        as_at = self.as_at
        applied = court.issued is not None and court.issued <= as_at
        stage = self.council.insert(
            PreProceedings,
            referral_id=referral_id,
            person_id=person_id,
            start_date=date(court.plo_start),
            letter_before_proceedings_sent_on=date(court.letter) if court.letter <= as_at else None,
            initial_meeting_on=date(court.plo_meetings[0]) if court.plo_meetings[0] <= as_at else None,
            step_decision_on=date(court.decided) if decided else None,
            outcome=court.plo_outcome if decided else "",
            court_application_on=date(court.issued) if applied else None,
            letter_initiating_proceedings_sent_on=date(court.letter_initiating)
            if court.letter_initiating is not None and court.letter_initiating <= as_at
            else None,
        )
        for n, day in enumerate(court.plo_meetings):
            if day <= as_at:
                self.council.insert(PLOMeeting, pre_proceedings_id=stage, held_on=date(day), is_review=n > 0)

    def meeting(self, offer: int, court: CourtPlan, child: int) -> None:
        person_id = self.index.person_ids[child]
        meeting = self.council.insert(
            FGDMMeeting,
            offer_id=offer,
            held_on=date(court.meeting),
            facilitated=True,
            family_plan=self.rng.choice(FAMILY_PLANS) if court.plan_agreed else "",
            plan_agreed=court.plan_agreed,
        )
        people = list(self.network.get(person_id, []))
        if court.meeting - self.index.birth[child] >= self.rates.fgdm_child_takes_part_from_age * YEAR_DAYS:
            people.append((person_id, "the child"))
        for relative, role in people:
            self.council.insert(FGDMParticipant, meeting_id=meeting, person_id=relative, role=role)


def _court(ref) -> CourtPlan | None:
    return ref.protection.court if ref.protection is not None else None


@contributes(order=53)
def courts(council):
    writer = ProceedingsWriter(council)
    for journey in council.lookups["frontdoor.journeys"]:
        writer.journey(journey)
