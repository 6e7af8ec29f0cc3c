"""Children in care deadlines: reviews, visits, plans and notices, connected persons' approvals, health and
dental checks, PEPs, age assessments and transfers under the National Transfer Scheme.

A handful of grouped queries for any number of children. Reviews and visits are worked out from the
facts (the placement, its orders, reviews held, visits made, approvals) by `care.timing`, so the
worklist and the regulations cannot disagree.
"""

from collections import defaultdict

from django.db.models import Max

from timescales import registry
from timescales.due import DueItem, due_source

from . import timing
from .codes import ADOPTION_PLACEMENTS, PLACEMENT_MOVES, CarePlanningKind
from .models import (
    Adoption,
    AgeAssessment,
    CarePlanning,
    DentalCheck,
    Episode,
    HealthAssessment,
    NationalTransfer,
    PeriodOfCare,
    PersonalEducationPlan,
    Review,
    TemporaryApproval,
    Visit,
)

PER_PLACEMENT = {
    CarePlanningKind.PLACEMENT_PLAN: ("Prepare the placement plan", "PLACEMENT_PLAN"),
    CarePlanningKind.PLACEMENT_NOTICE: ("Send written notice of the placement", "PLACEMENT_NOTICE"),
}


def _open_periods(person_ids):
    return PeriodOfCare.objects.filter(person_id__in=person_ids, end_date__isnull=True)


def _latest(model, date_field, period_ids) -> dict:
    """The latest date of `model` in each open period, by period id."""
    rows = (
        model.objects.filter(period_id__in=period_ids).values_list("period_id").annotate(last=Max(date_field))
    )
    return dict(rows)


def _grouped(rows) -> dict:
    grouped = defaultdict(list)
    for period_id, *rest in rows:
        grouped[period_id].append(rest[0] if len(rest) == 1 else tuple(rest))
    return grouped


def placements(period_ids) -> dict[int, timing.Placement]:
    """The current placement of each open period, with what reg 28 and reg 33 need (plain rows: a team's
    worklist reads a few thousand episodes).

    Reg 28's rules turn on the last visit and the child's latest answer about fewer visits, so those two
    are read, not every visit.
    """
    episodes = _grouped(
        Episode.objects.filter(period_id__in=period_ids)
        .order_by("start_date", "pk")
        .values_list("period_id", "start_date", "reason_new", "placement_type", "legal_status")
    )
    reviews = _grouped(
        Review.objects.filter(period_id__in=period_ids)
        .order_by("held_on")
        .values_list("period_id", "held_on")
    )
    seen = Visit.objects.filter(period_id__in=period_ids, child_seen=True)
    last_visits = dict(seen.values_list("period_id").annotate(last=Max("visited_on")))
    answers = {}
    for period_id, day, agreed in (
        seen.filter(child_agrees_to_fewer_visits__isnull=False)
        .order_by("visited_on", "pk")
        .values_list("period_id", "visited_on", "child_agrees_to_fewer_visits")
    ):
        answers[period_id] = (day, agreed)
    approvals = _grouped(
        TemporaryApproval.objects.filter(period_id__in=period_ids).values_list(
            "period_id", "approved_on", "ended_on"
        )
    )
    found = {}
    for period_id, rows in episodes.items():
        start = rows[0][0]
        for day, reason, _, _ in rows:
            if reason in PLACEMENT_MOVES:
                start = day
        statuses = [(day, status) for day, _, _, status in rows if day >= start] or [(start, rows[-1][3])]
        visits = {}  # day -> the child's answer on fewer visits (None: not asked)
        if last_visits.get(period_id) and last_visits[period_id] >= start:
            visits[last_visits[period_id]] = None
        if period_id in answers and answers[period_id][0] >= start:
            visits[answers[period_id][0]] = answers[period_id][1]
        found[period_id] = timing.Placement(
            start,
            rows[-1][2],
            tuple(statuses),
            tuple(reviews.get(period_id, ())),
            tuple(sorted(visits.items())),
            tuple(approvals.get(period_id, ())),
        )
    return found


def authority_to_place(period_ids) -> dict[int, object]:
    """Periods in which the agency may place the child for adoption, and since when."""
    return dict(
        Adoption.objects.filter(
            period_id__in=period_ids, placement_order_on__isnull=False, decision_reversed_on__isnull=True
        ).values_list("period_id", "placement_order_on")
    )


@due_source
def placement_work(person_ids, on):
    """Looked-after reviews (reg 33, or the Adoption Agencies Regulations reg 36 once the child may be or is
    placed for adoption), statutory visits (reg 28), the care plan, placement plan and notice, and connected
    persons' approvals: one source, so the facts are read once."""
    periods = {
        pk: (person_id, start)
        for pk, person_id, start in _open_periods(person_ids).values_list("pk", "person_id", "start_date")
    }
    found, authority = placements(list(periods)), authority_to_place(list(periods))
    for period_id, placement in found.items():
        person_id, start = periods[period_id]
        placed = placement.start if placement.placement_type in ADOPTION_PLACEMENTS else None
        due, code = timing.next_review(start, list(placement.reviews), placed, authority.get(period_id))
        yield DueItem(person_id, "Hold the looked-after review", due, code)
        visit = timing.visit_due(placement)
        if visit is not None:
            yield DueItem(person_id, "Visit the child in their placement", *visit)
    yield from plans_notices_and_approvals(periods, found)


def plans_notices_and_approvals(periods: dict, found: dict):
    """The care plan (reg 4(2)), the placement plan and written notice for the current placement (regs 9
    and 13), and a connected person's temporary approval running out (regs 24 and 25)."""
    owners = {pk: person_id for pk, (person_id, _) in periods.items()}
    done = defaultdict(set)
    for period_id, kind, placement_from in CarePlanning.objects.filter(
        period_id__in=list(periods)
    ).values_list("period_id", "kind", "placement_from"):
        done[period_id].add((kind, placement_from))
    for period_id, (person_id, start) in periods.items():
        kinds = {kind for kind, _ in done[period_id]}
        if CarePlanningKind.CARE_PLAN not in kinds:
            yield DueItem(
                person_id, "Prepare the care plan", registry.get("CARE_PLAN").due(start), "CARE_PLAN"
            )
        placement = found.get(period_id)
        if placement is None or placement.placement_type in ADOPTION_PLACEMENTS:
            continue
        for kind, (what, code) in PER_PLACEMENT.items():
            if (kind, placement.start) not in done[period_id]:
                yield DueItem(person_id, what, registry.get(code).due(placement.start), code)
    for approval in TemporaryApproval.objects.filter(period_id__in=list(owners), ended_on__isnull=True):
        code = "CONNECTED_PERSON_EXTENSION" if approval.extended_until else "CONNECTED_PERSON_APPROVAL"
        yield DueItem(
            owners[approval.period_id],
            f"Temporary approval of {approval.carers} ends: approve them as "
            "foster carers or end the placement",
            approval.ends_on,
            code,
        )


@due_source
def health_and_education(person_ids, on):
    periods = list(
        _open_periods(person_ids).values_list("pk", "person_id", "start_date", "person__birth_date")
    )
    ids = [period[0] for period in periods]
    assessed = _latest(HealthAssessment, "assessed_on", ids)
    dental = _latest(DentalCheck, "checked_on", ids)
    peps = _latest(PersonalEducationPlan, "meeting_on", ids)
    for period_id, person_id, start, born in periods:
        due, code = timing.health_assessment_due(start, born, assessed.get(period_id))
        yield DueItem(person_id, "Health assessment", due, code)
        yield DueItem(
            person_id, "Dental check", timing.dental_check_due(start, dental.get(period_id)), "CLA_DENTAL"
        )
        pep = timing.pep_due(start, born, peps.get(period_id))
        if pep:
            yield DueItem(person_id, "Personal Education Plan meeting", *pep)


@due_source
def unaccompanied_children(person_ids, on):
    """Open age assessments, and transfers to a receiving council under the National Transfer Scheme."""
    waiting = AgeAssessment.objects.filter(uasc__person_id__in=person_ids, completed_on__isnull=True)
    for assessment in waiting.select_related("uasc"):
        yield DueItem(
            assessment.uasc.person_id, "Complete the age assessment", assessment.due_on, "UASC_AGE_ASSESSMENT"
        )
    transfers = NationalTransfer.objects.filter(
        uasc__person_id__in=person_ids,
        allocated_on__isnull=False,
        transferred_on__isnull=True,
        withdrawn_on__isnull=True,
    )
    for transfer in transfers.select_related("uasc"):
        yield DueItem(
            transfer.uasc.person_id,
            f"Transfer the child to {transfer.receiving_council} (National Transfer Scheme)",
            transfer.transfer_due,
            "NTS_TRANSFER",
        )
