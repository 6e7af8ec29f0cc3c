"""The CIN census built from case records, a child at a time.

In scope (DfE guide): every CIN episode (referral) open at any time in the year, with the
assessments, CIN plans, section 47 enquiries and CP plans that were open in the year. The return
is as things stood on the reference date: a date after it (a closure, an authorisation) had not
happened yet, so it is left out.
"""

from familyhelp.models import Assessment, AssessmentFactorRecord, CINPlan
from frontdoor.codes import PrimaryNeed
from frontdoor.models import Referral
from people.models import Person, PersonDisability
from proceedings.models import FGDMMeeting, FGDMOffer, PLOMeeting, PreProceedings
from protection.codes import ConferenceKind
from protection.models import ChildProtectionConference, ChildProtectionPlan, Section47

from ..chunks import before_or_on, chunked, grouped


def referrals_in_scope(year):
    return Referral.objects.filter(
        year.records_open("referral_date", "closure_date"), person__merged_into__isnull=True
    )


def children(year):
    """Each child in the census, in council ID order."""
    person_ids = list(
        referrals_in_scope(year).order_by("person__la_id").values_list("person_id", flat=True).distinct()
    )
    for ids in chunked(person_ids):
        yield from _children(year, ids)


def _identifiers(person: dict, year) -> dict:
    born = before_or_on(person["birth_date"], year.end)
    expected = None if born else (person["expected_birth_date"] or person["birth_date"])
    return {
        "LAchildID": person["la_id"],
        "UPN": person["upn"] or None,
        "FormerUPN": person["former_upn"] or None,
        "UPNunknown": None if person["upn"] else (person["upn_unknown"] or None),
        "PersonBirthDate": born,
        "ExpectedPersonBirthDate": expected,
        "Sex": person["sex"] if born else "U",  # not yet born on the reference date: U (rule 8750)
        "PersonDeathDate": before_or_on(person["death_date"], year.end),
        "Ethnicity": person["ethnicity"],
        "_person_id": person["id"],
    }


def _children(year, person_ids):
    end = year.end
    people = {
        p["id"]: p
        for p in Person.objects.filter(pk__in=person_ids).values(
            "id",
            "la_id",
            "upn",
            "former_upn",
            "upn_unknown",
            "birth_date",
            "expected_birth_date",
            "sex",
            "death_date",
            "ethnicity",
        )
    }
    disabilities = grouped(
        PersonDisability.objects.filter(person_id__in=person_ids).order_by("pk").values("person_id", "code"),
        "person_id",
    )
    referrals = list(
        referrals_in_scope(year)
        .filter(person_id__in=person_ids)
        .order_by("referral_date", "pk")
        .values(
            "id",
            "person_id",
            "referral_date",
            "source",
            "primary_need",
            "closure_date",
            "closure_reason",
            "no_further_action",
        )
    )
    referral_ids = [r["id"] for r in referrals]
    modules = _modules(year, referral_ids)
    by_person = grouped(referrals, "person_id")
    for person_id in person_ids:
        child = _identifiers(people[person_id], year)
        child["Disabilities"] = [d["code"] for d in disabilities.get(person_id, [])]
        child["CINdetails"] = [_details(r, modules, end) for r in by_person[person_id]]
        yield child


def _details(referral: dict, modules: dict, end) -> dict:
    closed = before_or_on(referral["closure_date"], end)
    need = referral["primary_need"]
    rid = referral["id"]
    return {
        "CINreferralDate": referral["referral_date"],
        "ReferralSource": referral["source"],
        "PrimaryNeedCode": None if need == PrimaryNeed.NOT_STATED else need,
        "CINclosureDate": closed,
        "ReasonForClosure": (referral["closure_reason"] or None) if closed else None,
        "DateOfInitialCPC": modules["episode_icpc"].get(rid),
        "Assessments": modules["assessments"].get(rid, []),
        "CINPlanDates": modules["cin_plans"].get(rid, []),
        "Section47": modules["section47s"].get(rid, []),
        "ReferralNFA": referral["no_further_action"],
        "ChildProtectionPlans": modules["cp_plans"].get(rid, []),
        "PreProceedingsandFGDM": modules["pre_proceedings"].get(rid, []),
    }


def _modules(year, referral_ids) -> dict:
    end = year.end
    initial = ChildProtectionConference.objects.filter(
        referral_id__in=referral_ids, kind=ConferenceKind.INITIAL, date__lte=end
    ).order_by("date", "pk")
    icpc_by_s47 = {}
    episode_icpc = {}
    for conference in initial.values("referral_id", "section47_id", "date"):
        if conference["section47_id"]:
            icpc_by_s47.setdefault(conference["section47_id"], conference["date"])
        elif conference["date"] >= year.start:
            episode_icpc[conference["referral_id"]] = conference["date"]  # the latest in the year
    return {
        "episode_icpc": episode_icpc,
        "assessments": _assessments(year, referral_ids),
        "cin_plans": _cin_plans(year, referral_ids),
        "section47s": _section47s(year, referral_ids, icpc_by_s47),
        "cp_plans": _cp_plans(year, referral_ids),
        "pre_proceedings": _pre_proceedings(year, referral_ids) if year.has_pre_proceedings else {},
    }


def _assessments(year, referral_ids) -> dict:
    rows = list(
        Assessment.objects.filter(
            year.records_open("start_date", "authorisation_date"), referral_id__in=referral_ids
        )
        .order_by("start_date", "pk")
        .values("id", "referral_id", "start_date", "authorisation_date")
    )
    factors = grouped(
        AssessmentFactorRecord.objects.filter(assessment_id__in=[r["id"] for r in rows])
        .order_by("pk")
        .values("assessment_id", "code"),
        "assessment_id",
    )
    result = {}
    for row in rows:
        completed = before_or_on(row["authorisation_date"], year.end)
        result.setdefault(row["referral_id"], []).append(
            {
                "AssessmentActualStartDate": row["start_date"],
                "AssessmentAuthorisationDate": completed,
                "FactorsIdentifiedAtAssessment": [f["code"] for f in factors.get(row["id"], [])]
                if completed
                else [],
            }
        )
    return result


def _cin_plans(year, referral_ids) -> dict:
    result = {}
    for row in (
        CINPlan.objects.filter(year.records_open(), referral_id__in=referral_ids)
        .order_by("start_date", "pk")
        .values("referral_id", "start_date", "end_date")
    ):
        result.setdefault(row["referral_id"], []).append(
            {"CINPlanStartDate": row["start_date"], "CINPlanEndDate": before_or_on(row["end_date"], year.end)}
        )
    return result


def _section47s(year, referral_ids, icpc_by_s47) -> dict:
    result = {}
    for row in (
        Section47.objects.filter(referral_id__in=referral_ids, start_date__lte=year.end)
        .order_by("start_date", "pk")
        .values("id", "referral_id", "start_date", "icpc_due", "icpc_not_required", "completed_on")
    ):
        icpc = icpc_by_s47.get(row["id"])
        finished = icpc or (row["completed_on"] if row["icpc_not_required"] else None)
        if finished and finished < year.start:
            continue
        result.setdefault(row["referral_id"], []).append(
            {
                "S47ActualStartDate": row["start_date"],
                "InitialCPCtarget": row["icpc_due"],
                "DateOfInitialCPC": icpc,
                "ICPCnotRequired": row["icpc_not_required"],
            }
        )
    return result


def _cp_plans(year, referral_ids) -> dict:
    rows = list(
        ChildProtectionPlan.objects.filter(year.records_open(), referral_id__in=referral_ids)
        .order_by("start_date", "pk")
        .values(
            "id",
            "referral_id",
            "start_date",
            "end_date",
            "initial_category",
            "latest_category",
            "previous_plans",
        )
    )
    reviews = grouped(
        ChildProtectionConference.objects.filter(
            plan_id__in=[r["id"] for r in rows],
            kind=ConferenceKind.REVIEW,
            date__gte=year.start,
            date__lte=year.end,
        )
        .order_by("date", "pk")
        .values("plan_id", "date"),
        "plan_id",
    )
    result = {}
    for row in rows:
        result.setdefault(row["referral_id"], []).append(
            {
                "CPPstartDate": row["start_date"],
                "CPPendDate": before_or_on(row["end_date"], year.end),
                "InitialCategoryOfAbuse": row["initial_category"],
                "LatestCategoryOfAbuse": row["latest_category"],
                "NumberOfPreviousCPP": row["previous_plans"],
                "Reviews": [r["date"] for r in reviews.get(row["id"], [])],
            }
        )
    return result


def _pre_proceedings(year, referral_ids) -> dict:
    end = year.end
    rows = list(
        PreProceedings.objects.filter(
            year.records_open("start_date", "step_decision_on"), referral_id__in=referral_ids
        )
        .order_by("start_date", "pk")
        .values()
    )
    offered = set(
        FGDMOffer.objects.filter(referral_id__in=referral_ids, offered_on__lte=end).values_list(
            "referral_id", flat=True
        )
    )
    facilitated = set(
        FGDMMeeting.objects.filter(
            offer__referral_id__in=referral_ids, held_on__lte=end, facilitated=True
        ).values_list("offer__referral_id", flat=True)
    )
    reviews = grouped(
        PLOMeeting.objects.filter(
            pre_proceedings_id__in=[r["id"] for r in rows], is_review=True, held_on__lte=end
        ).values("pre_proceedings_id"),
        "pre_proceedings_id",
    )
    result = {}
    for row in rows:
        decided = before_or_on(row["step_decision_on"], end)
        result.setdefault(row["referral_id"], []).append(
            {
                "PPStartDate": row["start_date"],
                "LBPSentDate": before_or_on(row["letter_before_proceedings_sent_on"], end),
                "FGDMMeetingOffer": row["referral_id"] in offered,
                "FGDMMeetingFac": row["referral_id"] in facilitated,
                "InitialPPMeetingDate": before_or_on(row["initial_meeting_on"], end),
                "ReviewMeetingsCount": len(reviews.get(row["id"], [])),
                "StepDecisionDate": decided,
                "PPOutcome": (row["outcome"] or None) if decided else None,
                "CourtAppDate": before_or_on(row["court_application_on"], end),
                "LetterInitCPDate": before_or_on(row["letter_initiating_proceedings_sent_on"], end),
            }
        )
    return result
