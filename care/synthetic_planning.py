"""The synthetic council's care plans, placement plans and notices (regs 4, 9, 13), connected persons'
temporary approvals (regs 24 and 25), and the visits each placement needs under reg 28.

Drawn to be mostly on time, as a council's records are; called by care.synthetic_casework for each
period of care, from random streams of their own ("care.visits", "care.planning") so the rest of a
period's casework is drawn as it would be without them. Rows are bulk-written past clean(), so each
is drawn within what clean() accepts.
"""

from council.synthetic.casework import between, date

from . import timing
from .codes import (
    ADOPTION_PLACEMENTS,
    KINSHIP_PLACEMENTS,
    LONG_TERM_PLACEMENTS,
    PLACEMENT_MOVES,
    CarePlanningKind,
    ExtensionReason,
    TemporaryApprovalOutcome,
)
from .models import CarePlanning, TemporaryApproval, Visit

ON_TIME_SHARE = 0.9  # plans and notices within their working days
LATE_WORKING_DAYS = (1, 15)
APPROVAL_DAYS = (56, 160)  # from temporary approval to full approval as foster carers
AGREEMENT_AGE = 12  # asked about fewer visits from this age, in a long-term placement of a year
AGREES_SHARE = 0.5


def review_rule(plan, as_at):
    """due(held, on) for the period's reviews, as PeriodOfCare works them out: reg 33, and the Adoption
    Agencies Regulations reg 36 from a placement for adoption or authority to place that came by `on`
    (by the end of the records when `on` is None). `placements=False` gives reg 33 alone."""
    start = date(plan.start)
    placed = None
    moves = [e for e in plan.episodes if e.reason_new in PLACEMENT_MOVES and e.start <= as_at]
    if (
        moves
        and plan.episodes[-1].placement.place in ADOPTION_PLACEMENTS
        and moves[-1].placement.place in ADOPTION_PLACEMENTS
    ):
        placed = date(moves[-1].start)
    cut = min(plan.end or as_at, as_at)
    adoption = plan.adoption
    authority = date(adoption.order) if adoption is not None and adoption.order <= cut else None

    def due(held, on, placements=True):
        if not placements:
            return timing.review_due(start, held)
        return timing.review_due(
            start,
            held,
            placed if placed and (on is None or placed <= on) else None,
            authority if authority and (on is None or authority <= on) else None,
        )

    return due


def placements(plan, stop) -> list[tuple[int, int, list]]:
    """(start, end, episodes) of each placement in the period, ending by `stop`."""
    starts = [e.start for e in plan.episodes if e.reason_new in PLACEMENT_MOVES]
    found = []
    for start, next_start in zip(starts, starts[1:] + [stop]):
        end = min(next_start, stop)
        if start < end:
            found.append((start, end, [e for e in plan.episodes if e.start < end]))
    return found


def plans_and_notices(casework, plan, row, stop) -> None:
    """A care plan for the period and, for each placement, its placement plan and written notice."""
    r, days = casework.planning_rng, casework.days

    def done(code, start):
        due = days.due(code, start)
        day = (
            due - r.randint(0, 4)
            if r.random() < ON_TIME_SHARE
            else days.add(due, r.randint(*LATE_WORKING_DAYS))
        )
        return max(day, start)

    day = done("CARE_PLAN", plan.start)
    if day < stop:
        casework.council.insert(CarePlanning, **row, kind=CarePlanningKind.CARE_PLAN, completed_on=date(day))
    for start, _, episodes in placements(plan, stop):
        if episodes[-1].placement.place in ADOPTION_PLACEMENTS:
            continue
        for kind, code in (
            (CarePlanningKind.PLACEMENT_PLAN, "PLACEMENT_PLAN"),
            (CarePlanningKind.PLACEMENT_NOTICE, "PLACEMENT_NOTICE"),
        ):
            day = done(code, start)
            if day < stop:
                casework.council.insert(
                    CarePlanning, **row, kind=kind, completed_on=date(day), placement_from=date(start)
                )


def temporary_approval(casework, row, start, end, placement, stop) -> tuple:
    """A kinship placement's temporary approval, ((approved, ended or None),); () for other placements.

    Full approval comes 8 to 23 weeks on, within the 16 weeks or the one 8-week extension.
    """
    if placement.place not in KINSHIP_PLACEMENTS:
        return ()
    approved = date(start)
    expires = TemporaryApproval(approved_on=approved).expires_on.toordinal()
    full = start + casework.planning_rng.randint(*APPROVAL_DAYS)
    if full < end:
        ended, outcome = full, TemporaryApprovalOutcome.APPROVED
    elif end < stop:
        ended, outcome = end, TemporaryApprovalOutcome.PLACEMENT_ENDED
    else:
        ended, outcome = None, ""
    extension = {}
    if (ended if ended is not None else stop - 1) > expires:
        extension = {
            "extended_until": date(casework.days.due("CONNECTED_PERSON_EXTENSION", expires)),
            "extension_reason": ExtensionReason.ASSESSMENT,
        }
    casework.council.insert(
        TemporaryApproval,
        **row,
        carers=placement.carers or "Connected person",
        approved_on=approved,
        ended_on=date(ended),
        outcome=outcome,
        **extension,
    )
    return ((approved, date(ended)),)


def visits(casework, plan, child, row, workers, stop, reviews) -> None:
    """From each placement's start, each visit due as reg 28 (or, placed for adoption, reg 36) says."""
    r, rates = casework.visit_rng, casework.rates
    five, asked_from = (casework.planner.birthday(child, age) for age in (5, AGREEMENT_AGE))
    held = tuple(date(day) for day, _ in reviews)
    for start, end, episodes in placements(plan, stop):
        place = episodes[-1].placement.place
        statuses = [(date(e.start), e.legal) for e in episodes if e.start <= start][-1:] + [
            (date(e.start), e.legal) for e in episodes if e.start > start
        ]
        approvals = temporary_approval(casework, row, start, end, episodes[-1].placement, stop)
        made = []
        while True:
            placement = timing.Placement(date(start), place, tuple(statuses), held, tuple(made), approvals)
            found = timing.visit_due(placement)
            if found is None:
                break
            floor = made[-1][0].toordinal() + 1 if made else start
            due = found[0].toordinal()
            day = max(
                due - between(r, rates.visit_early_days)
                if r.random() < rates.visit_on_time_share
                else due + between(r, rates.visit_late_days),
                floor,
            )
            if day >= end:
                break
            worker = [user for since, user in workers if since <= day] or [workers[0][1]]
            agrees = None
            if (
                place in LONG_TERM_PLACEMENTS
                and day >= asked_from
                and day - start >= 366
                and not any(answer is not None for _, answer in made)
            ):
                agrees = r.random() < AGREES_SHARE
            casework.council.insert(
                Visit,
                **row,
                visited_on=date(day),
                visited_by_id=worker[-1],
                child_seen=True,
                seen_alone=day >= five and r.random() < rates.seen_alone_share,
                child_agrees_to_fewer_visits=agrees,
            )
            made.append((date(day), agrees))
