"""Importing a CIN census XML file: people and their CIN episodes, all or nothing.

Files from a council's previous system carry what the census carries: no names, no workers, no
strategy discussions. What a Thrive model needs and the census lacks is filled with the nearest
census fact and said so here: a section 47's strategy discussion is taken as held the day the
enquiry started, and its ICPC target is kept as the file gives it.
"""

from django.db import transaction

from council.synthetic.tables import reset_sequences
from familyhelp.codes import AssessmentFactor
from familyhelp.models import Assessment, AssessmentFactorRecord, CINPlan
from frontdoor.codes import ClosureReason, PrimaryNeed, ReferralSource
from frontdoor.models import Referral, re_referral_window_start
from people.codes import Disability
from people.models import Person, PersonDisability
from proceedings.codes import FGDMResponse, PreProceedingsOutcome
from proceedings.models import FGDMMeeting, FGDMOffer, PLOMeeting, PreProceedings
from protection.codes import AbuseCategory, ConferenceKind, ConferenceOutcome, StrategyOutcome
from protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    Section47,
    StrategyDiscussion,
    next_review_due,
)
from timescales import registry

from ..people import check_upns, existing_people, known_code, person_columns
from ..problems import ImportFailed, Problem
from ..records import Rows
from . import xmlio

CHILDREN_PER_BATCH = 1000


def import_file(path, user) -> tuple[int, list[Problem]]:
    """Import one census file in one transaction: (children imported, problems). Any problem keeps nothing."""
    problems = []
    count = 0
    try:
        with transaction.atomic():
            rows = Rows(user)
            children = (child for _, child in xmlio.read(path, problems))
            for slice_ in chunked_iter(children, CHILDREN_PER_BATCH):
                count += _import_children(slice_, str(path), user, problems, rows)
            if problems:
                raise ImportFailed(problems)
            reset_sequences()  # the rows were given their ids (PostgreSQL)
    except ImportFailed:
        return 0, problems
    return count, []


def chunked_iter(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _import_children(children, file, user, problems, rows) -> int:
    """Build a slice's rows and write them together: the next slice looks for its children and their UPNs
    among the rows this one wrote."""
    held = existing_people(c["LAchildID"] for c in children if c.get("LAchildID"))
    wheres = {c.get("LAchildID"): c["_where"] for c in children}
    earlier = _earlier_referrals(held.values())
    upns = []
    for child in children:
        la_id = child.get("LAchildID")
        person_id = held[la_id].pk if la_id in held else _person(child, file, problems, rows, upns)
        for number, details in enumerate(child.get("CINdetails") or [], 1):
            _episode(
                person_id,
                la_id in held,
                details,
                f"{child['_where']} > CINdetails {number}",
                file,
                user,
                problems,
                rows,
                earlier.setdefault(la_id, set()),
            )
    check_upns(upns, file, wheres, problems)
    if problems:
        rows.drop()
        return 0  # keep reading to report every problem, but write nothing more
    rows.write()
    return len(children)


def _earlier_referrals(people) -> dict:
    found = {}
    for la_id, day in Referral.objects.filter(person__in=list(people)).values_list(
        "person__la_id", "referral_date"
    ):
        found.setdefault(la_id, set()).add(day)
    return found


def _person(child, file, problems, rows, upns) -> int:
    where = child["_where"]
    columns = person_columns(
        child.get("LAchildID"),
        file,
        where,
        problems,
        upn=child.get("UPN"),
        sex=child.get("Sex"),
        ethnicity=child.get("Ethnicity"),
        birth_date=child.get("PersonBirthDate"),
        expected_birth_date=child.get("ExpectedPersonBirthDate"),
        death_date=child.get("PersonDeathDate"),
        former_upn=child.get("FormerUPN"),
        upn_unknown=child.get("UPNunknown"),
    )
    person_id = rows.insert(Person, created_at=rows.now, **columns)
    upns.append((columns["la_id"], columns["upn"]))
    for code in child.get("Disabilities") or []:
        if known_code(code, Disability, file, where, "Disability", problems):
            rows.insert(PersonDisability, person_id=person_id, code=code)
    return person_id


def _episode(person_id, held, details, where, file, user, problems, rows, earlier_dates):
    day = details.get("CINreferralDate")
    if day is None:
        problems.append(Problem(file, where, "CINreferralDate", "The referral date is missing."))
        return
    if day in earlier_dates and held:
        problems.append(
            Problem(
                file,
                where,
                "CINreferralDate",
                f"A referral of {day:%-d %B %Y} is already held for this child; it is not imported twice.",
            )
        )
    window_start = re_referral_window_start(day)
    referral_id = rows.insert(
        Referral,
        person_id=person_id,
        referral_date=day,
        source=known_code(
            details.get("ReferralSource"), ReferralSource, file, where, "ReferralSource", problems
        )
        or "",
        primary_need=known_code(
            details.get("PrimaryNeedCode"),
            PrimaryNeed,
            file,
            where,
            "PrimaryNeedCode",
            problems,
            required=False,
        )
        or PrimaryNeed.NOT_STATED,
        is_re_referral=any(window_start <= d < day for d in earlier_dates),
        no_further_action=bool(details.get("ReferralNFA")),
        closure_date=details.get("CINclosureDate"),
        closure_reason=known_code(
            details.get("ReasonForClosure"),
            ClosureReason,
            file,
            where,
            "ReasonForClosure",
            problems,
            required=False,
        )
        or "",
    )
    earlier_dates.add(day)
    episode = {
        "referral_id": referral_id,
        "person_id": person_id,
    }  # what each record of the episode points at
    if details.get("DateOfInitialCPC"):
        _initial_conference(episode, None, details["DateOfInitialCPC"], details, rows)
    for number, row in enumerate(details.get("Assessments") or [], 1):
        _assessment(episode, day, row, f"{where} > Assessments {number}", file, problems, rows)
    for row in details.get("CINPlanDates") or []:
        rows.insert(
            CINPlan, **episode, start_date=row.get("CINPlanStartDate"), end_date=row.get("CINPlanEndDate")
        )
    for number, row in enumerate(details.get("Section47") or [], 1):
        _section47(episode, row, details, f"{where} > Section47 {number}", file, problems, rows)
    for number, row in enumerate(details.get("ChildProtectionPlans") or [], 1):
        _cp_plan(episode, row, f"{where} > ChildProtectionPlans {number}", file, problems, rows)
    for row in details.get("PreProceedingsandFGDM") or []:
        _pre_proceedings(episode, row, f"{where} > PreProceedingsandFGDM", file, user, problems, rows)


def _assessment(episode, referral_date, row, where, file, problems, rows):
    if row.get("AssessmentActualStartDate") is None:
        problems.append(
            Problem(file, where, "AssessmentActualStartDate", "The assessment start date is missing.")
        )
        return
    assessment_id = rows.insert(
        Assessment,
        **episode,
        start_date=row["AssessmentActualStartDate"],
        authorisation_date=row.get("AssessmentAuthorisationDate"),
        due_date=registry.get("ASSESSMENT").due(referral_date),
    )
    for code in row.get("FactorsIdentifiedAtAssessment") or []:
        if known_code(code, AssessmentFactor, file, where, "AssessmentFactors", problems):
            rows.insert(AssessmentFactorRecord, assessment_id=assessment_id, code=code)


def _initial_conference(episode, section47_id, day, details, rows):
    starts_plan = any(p.get("CPPstartDate") == day for p in details.get("ChildProtectionPlans") or [])
    rows.insert(
        ChildProtectionConference,
        **episode,
        section47_id=section47_id,
        kind=ConferenceKind.INITIAL,
        date=day,
        outcome=ConferenceOutcome.PLAN if starts_plan else ConferenceOutcome.NO_PLAN,
    )


def _section47(episode, row, details, where, file, problems, rows):
    start = row.get("S47ActualStartDate")
    if start is None:
        problems.append(Problem(file, where, "S47ActualStartDate", "The section 47 start date is missing."))
        return
    # The census has no strategy discussion: it is taken as held the day the enquiry started.
    discussion_id = rows.insert(
        StrategyDiscussion, **episode, held_on=start, outcome=StrategyOutcome.SECTION_47
    )
    section47_id = rows.insert(
        Section47,
        **episode,
        strategy_discussion_id=discussion_id,
        start_date=start,
        icpc_due=row.get("InitialCPCtarget") or registry.get("ICPC").due(start),
        icpc_not_required=bool(row.get("ICPCnotRequired")),
    )
    if row.get("DateOfInitialCPC"):
        _initial_conference(episode, section47_id, row["DateOfInitialCPC"], details, rows)


def _cp_plan(episode, row, where, file, problems, rows):
    start, end = row.get("CPPstartDate"), row.get("CPPendDate")
    if start is None:
        problems.append(
            Problem(file, where, "CPPstartDate", "The child protection plan start date is missing.")
        )
        return
    reviews = row.get("Reviews") or []
    plan_id = rows.insert(
        ChildProtectionPlan,
        **episode,
        start_date=start,
        end_date=end,
        initial_category=known_code(
            row.get("InitialCategoryOfAbuse"), AbuseCategory, file, where, "InitialCategoryOfAbuse", problems
        )
        or "",
        latest_category=known_code(
            row.get("LatestCategoryOfAbuse"), AbuseCategory, file, where, "LatestCategoryOfAbuse", problems
        )
        or "",
        previous_plans=row.get("NumberOfPreviousCPP") or 0,
        next_review_due=None if end else next_review_due(start, reviews),
    )
    for day in reviews:
        rows.insert(
            ChildProtectionConference,
            **episode,
            plan_id=plan_id,
            kind=ConferenceKind.REVIEW,
            date=day,
            outcome=ConferenceOutcome.END_PLAN if day == end else ConferenceOutcome.CONTINUE,
        )


def _pre_proceedings(episode, row, where, file, user, problems, rows):
    start = row.get("PPStartDate")
    if start is None:
        problems.append(Problem(file, where, "PPStartDate", "The pre-proceedings start date is missing."))
        return
    stage_id = rows.insert(
        PreProceedings,
        **episode,
        start_date=start,
        letter_before_proceedings_sent_on=row.get("LBPSentDate"),
        initial_meeting_on=row.get("InitialPPMeetingDate"),
        step_decision_on=row.get("StepDecisionDate"),
        outcome=known_code(
            row.get("PPOutcome"), PreProceedingsOutcome, file, where, "PPOutcome", problems, required=False
        )
        or "",
        court_application_on=row.get("CourtAppDate"),
        letter_initiating_proceedings_sent_on=row.get("LetterInitCPDate"),
    )
    # The census gives a count of review meetings, not their dates: each is dated at the start of the stage.
    for _ in range(row.get("ReviewMeetingsCount") or 0):
        rows.insert(PLOMeeting, pre_proceedings_id=stage_id, held_on=start, is_review=True)
    if row.get("FGDMMeetingOffer"):
        offer_id = rows.insert(
            FGDMOffer,
            **episode,
            offered_on=start,
            offered_by_id=user.pk,
            response=FGDMResponse.ACCEPTED if row.get("FGDMMeetingFac") else FGDMResponse.PENDING,
        )
        if row.get("FGDMMeetingFac"):
            rows.insert(FGDMMeeting, offer_id=offer_id, held_on=row.get("InitialPPMeetingDate") or start)
