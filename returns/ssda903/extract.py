"""The SSDA903 built from case records, a child at a time.

In scope (DfE guide): every child looked after at any time in the year (all their episodes open in
the year, their reviews, missing episodes and adoption decisions), children looked after for 12
months at 31 March (OC2), and care leavers whose 17th to 21st birthday fell in the year (OC3). As
with the census, a date after the reference date had not happened yet and is left out.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.db.models import Q

from access.models import Involvement, InvolvementKind
from care.codes import ADOPTED, OTHER_PLACEMENTS, SHORT_BREAKS, Intervention, PlacementType
from care.models import (
    Adoption,
    DentalCheck,
    DeprivationOfLiberty,
    Episode,
    HealthAssessment,
    MissingEpisode,
    PeriodOfCare,
    Review,
    StrengthsAndDifficulties,
    SubstanceMisuse,
    UnaccompaniedChild,
    YouthJusticeDisposal,
)
from leavers.models import OC3_AGES, BirthdaySnapshot
from people.codes import RelationshipKind, Sex, UPNUnknown
from people.models import Person, Relationship
from timescales.dates import dfe_anniversary, not_ended_before

from ..chunks import before_or_on, chunked, grouped
from ..codes import OTHER_PLACEMENT_BEFORE_SPLIT

HEADER_UPN_UNKNOWN = {
    UPNUnknown.NOT_SCHOOL_AGE,
    UPNUnknown.NEVER_IN_SCHOOL_IN_ENGLAND,
    UPNUnknown.EDUCATED_OUTSIDE_ENGLAND,
    UPNUnknown.NEWLY_ARRIVED,
    UPNUnknown.DISCREPANCY,
}
CONVICTION_AGE, HEALTH_CHECK_UNDER = 10, 5


def episodes_in_scope(year):
    return Episode.objects.filter(year.records_open(), person__merged_into__isnull=True)


def _birthdays_in_year(year) -> Q:
    ages = Q()
    for age in OC3_AGES:
        ages |= Q(
            person__birth_date__gte=year.start - relativedelta(years=age),
            person__birth_date__lte=year.end - relativedelta(years=age),
            age=age,
        )
    return ages


def oc3_in_scope(year):
    return BirthdaySnapshot.objects.filter(_birthdays_in_year(year), person__merged_into__isnull=True)


def children(year):
    ids = set(episodes_in_scope(year).values_list("person_id", flat=True))
    ids |= set(oc3_in_scope(year).values_list("person_id", flat=True))
    ordered = list(Person.objects.filter(pk__in=ids).order_by("la_id").values_list("pk", flat=True))
    for chunk in chunked(ordered):
        yield from _children(year, chunk)


def _children(year, ids):
    end = year.end
    people = {
        p["id"]: p
        for p in Person.objects.filter(pk__in=ids).values(
            "id", "la_id", "sex", "birth_date", "ethnicity", "upn", "upn_unknown"
        )
    }
    episodes = grouped(
        episodes_in_scope(year)
        .filter(person_id__in=ids)
        .order_by("start_date", "pk")
        .values(
            "person_id",
            "period_id",
            "start_date",
            "end_date",
            "reason_new",
            "legal_status",
            "period__category_of_need",
            "placement_type",
            "provider",
            "reason_ceased",
            "reason_place_change",
            "home_postcode",
            "placement_postcode",
            "urn",
        ),
        "person_id",
    )
    tables = {
        "Reviews": _reviews(year, ids),
        "UASC": _uasc(year, ids),
        "OC2": _oc2(year, ids, people),
        "OC3": _oc3(year, ids),
        "AD1": _ad1(year, ids),
        "PlacedAdoption": _placed(year, ids),
        "PrevPerm": _previous_permanence(year, ids),
        "Missing": _missing(year, ids),
        "DoLo": _dolo(year, ids) if year.has_deprivation_of_liberty else {},
        "SWEpisodes": _social_worker_episodes(year, episodes),
    }
    mothers = _first_child_births(ids, end)
    # An unaccompanied child, or one who was, has no home postcode here: the DfE derives no distance (406).
    unaccompanied = set(
        UnaccompaniedChild.objects.filter(person_id__in=ids, arrived_on__lte=end).values_list(
            "person_id", flat=True
        )
    )
    for person_id in ids:
        person = people[person_id]
        child_episodes = episodes.get(person_id, [])
        child = {
            "CHILD": person["la_id"],
            "_person_id": person_id,
            "Header": [_header(person, child_episodes, mothers.get(person_id), year)],
            "Episodes": [
                {"CHILD": person["la_id"], **_episode(e, year, person_id in unaccompanied)}
                for e in child_episodes
            ],
        }
        dob = person["birth_date"]
        for name, rows in tables.items():
            child[name] = [{"CHILD": person["la_id"], "DOB": dob, **row} for row in rows.get(person_id, [])]
        for row in child["UASC"]:
            row["SEX"] = person["sex"]
        if child["OC3"] and _in_care_on_birthday(dob, child_episodes, year):
            child["OC3"] = []
        yield child


def _header(person, episodes, first_child_born, year) -> dict:
    looked_after = any(e["legal_status"] not in SHORT_BREAKS for e in episodes)
    is_mother = person["sex"] == Sex.FEMALE and looked_after
    unknown = person["upn_unknown"] if person["upn_unknown"] in HEADER_UPN_UNKNOWN else None
    return {
        "CHILD": person["la_id"],
        "SEX": person["sex"],
        "DOB": person["birth_date"],
        "ETHNIC": person["ethnicity"],
        "UPN": person["upn"] or unknown,
        "MOTHER": (first_child_born is not None) if is_mother else None,
        "MC_DOB": first_child_born if is_mother else None,
    }


def _episode(row, year, unaccompanied: bool) -> dict:
    ended = before_or_on(row["end_date"], year.end)
    place = row["placement_type"]
    if place in OTHER_PLACEMENTS and not year.placement_types_split:
        place = OTHER_PLACEMENT_BEFORE_SPLIT
    if place == PlacementType.SEMI_INDEPENDENT and not year.has_semi_independent:
        place = PlacementType.SUPPORTED_ACCOMMODATION
    return {
        "DECOM": row["start_date"],
        "RNE": row["reason_new"],
        "LS": row["legal_status"],
        "CIN": row["period__category_of_need"],
        "PLACE": place,
        "PLACE_PROVIDER": row["provider"] or None,
        "DEC": ended,
        "REC": (row["reason_ceased"] or None) if ended else None,
        "REASON_PLACE_CHANGE": (row["reason_place_change"] or None) if ended else None,
        "HOME_POST": None if unaccompanied else (row["home_postcode"] or None),
        "PL_POST": row["placement_postcode"] or None,
        "URN": row["urn"] or None,
    }


YEAR_DAYS = 365.2425  # the validator's year (numpy's "Y"), for ages at the reference date


def _in_care_on_birthday(dob, episodes, year) -> bool:
    """A 17 or 18-year-old at 31 March who left care on or after that birthday: no care leaver information
    is collected for the birthday (903 rule 1016), so they have no OC3 row."""
    if dob is None:
        return False
    age = (year.end - dob).days / YEAR_DAYS
    if not 17 <= age < 19:
        return False
    birthday = dfe_anniversary(dob, int(age))
    return any(e["end_date"] and e["end_date"] <= year.end and e["end_date"] >= birthday for e in episodes)


def _first_child_births(ids, end) -> dict:
    """When each child's own first child was born (MC_DOB), from the family network."""
    births = {}
    for person_id, born in Relationship.objects.filter(
        person_id__in=ids, kind=RelationshipKind.CHILD, relative__birth_date__lte=end
    ).values_list("person_id", "relative__birth_date"):
        births[person_id] = min(born, births.get(person_id, born))
    for person_id, born in Relationship.objects.filter(
        relative_id__in=ids, kind=RelationshipKind.MOTHER, person__birth_date__lte=end
    ).values_list("relative_id", "person__birth_date"):
        births[person_id] = min(born, births.get(person_id, born))
    return births


def _reviews(year, ids) -> dict:
    rows = (
        Review.objects.filter(person_id__in=ids, held_on__gte=year.start, held_on__lte=year.end)
        .order_by("held_on", "pk")
        .values("person_id", "held_on", "participation")
    )
    return {
        k: [{"REVIEW": r["held_on"], "REVIEW_CODE": r["participation"]} for r in v]
        for k, v in grouped(rows, "person_id").items()
    }


def _uasc(year, ids) -> dict:
    rows = UnaccompaniedChild.objects.filter(year.records_open("arrived_on", "ceased_on"), person_id__in=ids)
    return {
        r["person_id"]: [{"DUC": before_or_on(r["ceased_on"], year.end)}]
        for r in rows.values("person_id", "ceased_on")
    }


def _oc3(year, ids) -> dict:
    return {
        s.person_id: [{"IN_TOUCH": s.in_touch, "ACTIV": s.activity_code, "ACCOM": s.accommodation_code}]
        for s in oc3_in_scope(year).filter(person_id__in=ids)
    }


def _ad1(year, ids) -> dict:
    adopted = Episode.objects.filter(
        person_id__in=ids, reason_ceased__in=ADOPTED, end_date__gte=year.start, end_date__lte=year.end
    ).values_list("period_id", flat=True)
    result = {}
    for a in Adoption.objects.filter(period_id__in=list(adopted)):
        result[a.person_id] = [
            {
                "DATE_INT": a.best_interest_decision_on,
                "DATE_MATCH": a.matched_on,
                "FOSTER_CARE": a.foster_carer_adoption,
                "NB_ADOPTR": a.number_of_adopters,
                "SEX_ADOPTR": a.adopter_sex or None,
                "LS_ADOPTR": a.adopter_legal_status or None,
            }
        ]
    return result


def _placed(year, ids) -> dict:
    rows = Adoption.objects.filter(
        year.records_open("best_interest_decision_on", "decision_reversed_on"), person_id__in=ids
    ).order_by("best_interest_decision_on", "pk")
    result = {}
    for a in rows:
        reversed_on = before_or_on(a.decision_reversed_on, year.end)
        result.setdefault(a.person_id, []).append(
            {
                "DATE_PLACED": a.best_interest_decision_on,
                "DATE_PLACED_CEASED": reversed_on,
                "REASON_PLACED_CEASED": (a.reversal_reason or None) if reversed_on else None,
            }
        )
    return result


def _previous_permanence(year, ids) -> dict:
    rows = PeriodOfCare.objects.filter(
        person_id__in=ids, start_date__gte=year.start, start_date__lte=year.end
    )
    return {
        p["person_id"]: [
            {
                "PREV_PERM": p["previous_permanence"],
                "LA_PERM": p["previous_permanence_la"] or None,
                "DATE_PERM": p["previous_permanence_date"],
            }
        ]
        for p in rows.order_by("start_date").values(
            "person_id", "previous_permanence", "previous_permanence_la", "previous_permanence_date"
        )
    }


def _missing(year, ids) -> dict:
    rows = (
        MissingEpisode.objects.filter(year.records_open("started_on", "ended_on"), person_id__in=ids)
        .order_by("started_on", "pk")
        .values("person_id", "kind", "started_on", "ended_on")
    )
    return {
        k: [
            {
                "MISSING": r["kind"],
                "MIS_START": r["started_on"],
                "MIS_END": before_or_on(r["ended_on"], year.end),
            }
            for r in v
        ]
        for k, v in grouped(rows, "person_id").items()
    }


def _dolo(year, ids) -> dict:
    rows = (
        DeprivationOfLiberty.objects.filter(year.records_open(), person_id__in=ids)
        .order_by("start_date", "pk")
        .values("person_id", "start_date", "end_date")
    )
    return {
        k: [{"DOLO_START": r["start_date"], "DOLO_END": before_or_on(r["end_date"], year.end)} for r in v]
        for k, v in grouped(rows, "person_id").items()
    }


FIRST_CONTACT = "FCONTA"
HANDOVER_DAYS = 7  # a worker starting within a week of the last one ending takes over from them (903 SW10a)
SHORTEST_DAYS = 3  # a worker episode shorter than this is read as one that did not happen (903 SW09STG2)


def _social_worker_window(year, rows) -> tuple | None:
    """(the day care began, if in the file; the last day reported; whether the child left care by then), as
    the DfE's checks read the episodes.

    Every child looked after in the year (not on short breaks only) is reported. Where care began in
    the file (an RNE S episode) episodes are reported from that day, and where the child left care (an
    episode ending other than X1) up to that day: 903 rule SW12STG2 wants each episode that starts or
    ends care to be covered by the child's worker episodes from its start or to its end."""
    care = [e for e in rows if e["legal_status"] not in SHORT_BREAKS]
    if not care:
        return None
    starts = [e["start_date"] for e in care if e["reason_new"] == "S"]
    left = [
        before_or_on(e["end_date"], year.end)
        for e in care
        if before_or_on(e["end_date"], year.end) and (e["reason_ceased"] or "") != "X1"
    ]
    still = any(before_or_on(e["end_date"], year.end) is None for e in care)
    gone = bool(left) and not still
    return (max(starts) if starts else None), (max(left) if gone else year.end), gone


def _social_worker_episodes(year, episodes: dict) -> dict:
    """Each allocated social worker in the window, identified by their Social Work England number.

    SW_REASON is the reason recorded when the worker changed; a worker who took over from no one (no
    worker ended within a week before) is the child's first contact, FCONTA. A worker whose involvement
    ended the day before the next began ended on the changeover day, as the 903's episodes chain (and as
    the care pages record a change): a change on 1 April leaves 31 March's worker open in the return.
    Episodes are reported to the last day of the window, so for a child who left care the worker allocated
    on the day they left is reported open, with no SW_DEC: the episode did not end while the child was
    looked after, and the return describes that time (on the care pages the worker stays allocated when
    care ends, until the case closes or passes on). 903 rules SW17STG2 and SW11bSTG2 want it open."""
    windows = {p: w for p, rows in episodes.items() if (w := _social_worker_window(year, rows))}
    rows = (
        Involvement.objects.filter(
            kind=InvolvementKind.ALLOCATED_WORKER, person_id__in=list(windows), user__isnull=False
        )
        .order_by("start_date", "pk")
        .values("person_id", "user__swe_number", "start_date", "end_date", "social_worker_change__reason")
    )
    result = {}
    for person_id, involvements in grouped(rows, "person_id").items():
        began, ceiling, left = windows[
            person_id
        ]  # care began (in the file), the last day reported, care left
        floor = max(year.start, began or year.start)
        reported, previous_end = [], None
        for row, following in zip(involvements, [*involvements[1:], None]):
            reason = row["social_worker_change__reason"] or None
            took_over = previous_end is not None and (row["start_date"] - previous_end).days <= HANDOVER_DAYS
            if not reason and not took_over:
                reason = FIRST_CONTACT
            previous_end = max(previous_end or datetime.date.min, row["end_date"] or datetime.date.max)
            if (row["end_date"] and row["end_date"] < floor) or row["start_date"] > ceiling:
                continue
            start = max(row["start_date"], began) if began else row["start_date"]
            clipped = start > row["start_date"]
            if row["end_date"] and clipped and (row["end_date"] - start).days < SHORTEST_DAYS:
                continue  # a worker who left as care began: under 3 days in it (903 SW09STG2)
            ended = row["end_date"]
            if ended and following and following["start_date"] == ended + datetime.timedelta(days=1):
                ended = following["start_date"]
            handed_on = following is not None and following["start_date"] <= ceiling
            if left and ended and ended >= ceiling and not handed_on:
                ended = None  # still allocated on the day the child left care
            reported.append(
                {
                    "SW_ID": row["user__swe_number"] or None,
                    "SW_DECOM": start,
                    "SW_DEC": before_or_on(ended, ceiling),
                    "SW_REASON": reason,
                }
            )
        if reported:
            result[person_id] = reported
    return result


def continuously_looked_after(year, ids) -> dict:
    """Children looked after on 31 March whose period began at least 12 months before (not short breaks only).

    A period ending on 31 March itself counts: the DfE's checks (rule 191) read a child as leaving care
    in the year only when care ends before the reference date."""
    open_periods = PeriodOfCare.objects.filter(
        not_ended_before(year.end), person_id__in=ids, start_date__lte=year.start
    )  # from 1 April: twelve months at 31 March, as rule 191 counts
    return {p.person_id: p for p in open_periods.exclude(episodes__legal_status__in=SHORT_BREAKS)}


def _latest(model, date_field, ids, on_or_before, since=None) -> dict:
    rows = model.objects.filter(person_id__in=ids, **{f"{date_field}__lte": on_or_before})
    if since:
        rows = rows.filter(**{f"{date_field}__gte": since})
    return {r.person_id: r for r in rows.order_by(date_field, "pk")}


def _oc2(year, ids, people) -> dict:
    eligible = continuously_looked_after(year, ids)
    ids = list(eligible)
    end = year.end
    health = _latest(HealthAssessment, "assessed_on", ids, end)
    health_in_year = _latest(HealthAssessment, "assessed_on", ids, end, year.start)
    teeth = _latest(DentalCheck, "checked_on", ids, end, year.start)
    sdq = _latest(StrengthsAndDifficulties, "completed_on", ids, end, year.start)
    misuse = _latest(SubstanceMisuse, "identified_on", ids, end, year.start)
    convicted = _latest(YouthJusticeDisposal, "given_on", ids, end, year.start)
    result = {}
    for person_id in ids:
        born = people[person_id]["birth_date"]
        age = relativedelta(end, born).years if born else None
        last = health.get(person_id)
        problem = misuse.get(person_id)
        received = problem is not None and problem.intervention == Intervention.RECEIVED
        result[person_id] = [
            {
                "SDQ_SCORE": sdq[person_id].score if person_id in sdq else None,
                "SDQ_REASON": (sdq[person_id].reason_no_score or None) if person_id in sdq else None,
                "CONVICTED": (person_id in convicted) if age is not None and age >= CONVICTION_AGE else None,
                "HEALTH_CHECK": bool(last and last.development_checks_up_to_date)
                if age is not None and age < HEALTH_CHECK_UNDER
                else None,
                "IMMUNISATIONS": bool(last and last.immunisations_up_to_date),
                "TEETH_CHECK": person_id in teeth,
                "HEALTH_ASSESSMENT": person_id in health_in_year,
                "SUBSTANCE_MISUSE": problem is not None,
                "INTERVENTION_RECEIVED": received if problem else None,
                "INTERVENTION_OFFERED": (problem.intervention == Intervention.REFUSED)
                if problem and not received
                else None,
            }
        ]
    return result
