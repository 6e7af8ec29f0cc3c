"""Importing a CIN census XML file: people and their CIN episodes, all or nothing.

Files from a council's previous system carry what the census carries: no names, no workers, no
strategy discussions. What a Thrive model needs and the census lacks is filled with the nearest
census fact and said so here: a section 47's strategy discussion is taken as held the day the
enquiry started, and its ICPC target is kept as the file gives it.
"""
from django.db import transaction

from familyhelp.codes import AssessmentFactor
from familyhelp.models import Assessment, AssessmentFactorRecord, CINPlan
from frontdoor.codes import ClosureReason, PrimaryNeed, ReferralSource
from frontdoor.models import Referral, re_referral_window_start
from people.codes import Disability
from people.models import PersonDisability
from proceedings.codes import FGDMResponse, PreProceedingsOutcome
from proceedings.models import FGDMMeeting, FGDMOffer, PLOMeeting, PreProceedings
from protection.codes import AbuseCategory, ConferenceKind, ConferenceOutcome, StrategyOutcome
from protection.models import ChildProtectionConference, ChildProtectionPlan, Section47, StrategyDiscussion
from timescales import registry

from ..chunks import chunked
from ..people import check_upns, existing_people, known_code, new_person, save_people
from ..problems import ImportFailed, Problem
from ..records import create_all, update_all
from . import xmlio

CHILDREN_PER_BATCH = 1000


class _Batch:
    """The records built for a slice of children, saved together in dependency order."""

    def __init__(self):
        self.people, self.disabilities, self.referrals = [], [], []
        self.assessments, self.factors, self.cin_plans = [], [], []
        self.discussions, self.section47s, self.cp_plans, self.conferences = [], [], [], []
        self.pre_proceedings, self.offers, self.meetings, self.plo_meetings = [], [], [], []


def import_file(path, user) -> tuple[int, list[Problem]]:
    """Import one census file in one transaction: (children imported, problems). Any problem keeps nothing."""
    problems = []
    count = 0
    try:
        with transaction.atomic():
            children = (child for _, child in xmlio.read(path, problems))
            for slice_ in chunked_iter(children, CHILDREN_PER_BATCH):
                count += _import_children(slice_, str(path), user, problems)
            if problems:
                raise ImportFailed(problems)
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


def _import_children(children, file, user, problems) -> int:
    batch = _Batch()
    held = existing_people(c["LAchildID"] for c in children if c.get("LAchildID"))
    wheres = {c.get("LAchildID"): c["_where"] for c in children}
    earlier = _earlier_referrals(held.values())
    for child in children:
        person = held.get(child.get("LAchildID")) or _person(child, file, problems, batch)
        for number, details in enumerate(child.get("CINdetails") or [], 1):
            _episode(person, details, f"{child['_where']} > CINdetails {number}", file, user, problems, batch,
                     earlier.setdefault(person.la_id, set()))
    check_upns(batch.people, file, wheres, problems)
    if problems:
        return 0  # keep reading to report every problem, but build nothing more
    _save(batch, user)
    return len(children)


def _earlier_referrals(people) -> dict:
    found = {}
    for la_id, day in Referral.objects.filter(person__in=list(people)).values_list("person__la_id", "referral_date"):
        found.setdefault(la_id, set()).add(day)
    return found


def _person(child, file, problems, batch):
    where = child["_where"]
    person = new_person(
        child.get("LAchildID"), file, where, problems, upn=child.get("UPN"), sex=child.get("Sex"),
        ethnicity=child.get("Ethnicity"), birth_date=child.get("PersonBirthDate"),
        expected_birth_date=child.get("ExpectedPersonBirthDate"), death_date=child.get("PersonDeathDate"),
        former_upn=child.get("FormerUPN"), upn_unknown=child.get("UPNunknown"))
    batch.people.append(person)
    for code in child.get("Disabilities") or []:
        if known_code(code, Disability, file, where, "Disability", problems):
            batch.disabilities.append(PersonDisability(person=person, code=code))
    return person


def _episode(person, details, where, file, user, problems, batch, earlier_dates):
    day = details.get("CINreferralDate")
    if day is None:
        problems.append(Problem(file, where, "CINreferralDate", "The referral date is missing."))
        return
    if day in earlier_dates and person.pk:
        problems.append(Problem(file, where, "CINreferralDate",
                                f"A referral of {day:%-d %B %Y} is already held for this child; it is not imported twice."))
    window_start = re_referral_window_start(day)
    referral = Referral(
        person=person, referral_date=day,
        source=known_code(details.get("ReferralSource"), ReferralSource, file, where, "ReferralSource", problems) or "",
        primary_need=known_code(details.get("PrimaryNeedCode"), PrimaryNeed, file, where, "PrimaryNeedCode", problems,
                                required=False) or PrimaryNeed.NOT_STATED,
        is_re_referral=any(window_start <= d < day for d in earlier_dates),
        no_further_action=bool(details.get("ReferralNFA")),
        closure_date=details.get("CINclosureDate"),
        closure_reason=known_code(details.get("ReasonForClosure"), ClosureReason, file, where, "ReasonForClosure",
                                  problems, required=False) or "")
    earlier_dates.add(day)
    batch.referrals.append(referral)
    if details.get("DateOfInitialCPC"):
        batch.conferences.append(_initial_conference(referral, None, details["DateOfInitialCPC"], details))
    for number, row in enumerate(details.get("Assessments") or [], 1):
        _assessment(referral, row, f"{where} > Assessments {number}", file, problems, batch)
    for row in details.get("CINPlanDates") or []:
        batch.cin_plans.append(CINPlan(referral=referral, person=person, start_date=row.get("CINPlanStartDate"),
                                       end_date=row.get("CINPlanEndDate")))
    for number, row in enumerate(details.get("Section47") or [], 1):
        _section47(referral, row, details, f"{where} > Section47 {number}", file, problems, batch)
    for number, row in enumerate(details.get("ChildProtectionPlans") or [], 1):
        _cp_plan(referral, row, f"{where} > ChildProtectionPlans {number}", file, problems, batch)
    for row in details.get("PreProceedingsandFGDM") or []:
        _pre_proceedings(referral, row, f"{where} > PreProceedingsandFGDM", file, user, problems, batch)


def _assessment(referral, row, where, file, problems, batch):
    if row.get("AssessmentActualStartDate") is None:
        problems.append(Problem(file, where, "AssessmentActualStartDate", "The assessment start date is missing."))
        return
    assessment = Assessment(referral=referral, person=referral.person, start_date=row["AssessmentActualStartDate"],
                            authorisation_date=row.get("AssessmentAuthorisationDate"),
                            due_date=registry.get("ASSESSMENT").due(referral.referral_date))
    batch.assessments.append(assessment)
    for code in row.get("FactorsIdentifiedAtAssessment") or []:
        if known_code(code, AssessmentFactor, file, where, "AssessmentFactors", problems):
            batch.factors.append(AssessmentFactorRecord(assessment=assessment, code=code))


def _initial_conference(referral, section47, day, details):
    starts_plan = any(p.get("CPPstartDate") == day for p in details.get("ChildProtectionPlans") or [])
    return ChildProtectionConference(referral=referral, person=referral.person, section47=section47,
                                     kind=ConferenceKind.INITIAL, date=day,
                                     outcome=ConferenceOutcome.PLAN if starts_plan else ConferenceOutcome.NO_PLAN)


def _section47(referral, row, details, where, file, problems, batch):
    start = row.get("S47ActualStartDate")
    if start is None:
        problems.append(Problem(file, where, "S47ActualStartDate", "The section 47 start date is missing."))
        return
    # The census has no strategy discussion: it is taken as held the day the enquiry started.
    discussion = StrategyDiscussion(referral=referral, person=referral.person, held_on=start,
                                    outcome=StrategyOutcome.SECTION_47)
    batch.discussions.append(discussion)
    section47 = Section47(referral=referral, person=referral.person, strategy_discussion=discussion, start_date=start,
                          icpc_due=row.get("InitialCPCtarget") or registry.get("ICPC").due(start),
                          icpc_not_required=bool(row.get("ICPCnotRequired")))
    batch.section47s.append(section47)
    if row.get("DateOfInitialCPC"):
        batch.conferences.append(_initial_conference(referral, section47, row["DateOfInitialCPC"], details))


def _cp_plan(referral, row, where, file, problems, batch):
    if row.get("CPPstartDate") is None:
        problems.append(Problem(file, where, "CPPstartDate", "The child protection plan start date is missing."))
        return
    plan = ChildProtectionPlan(
        referral=referral, person=referral.person, start_date=row["CPPstartDate"], end_date=row.get("CPPendDate"),
        initial_category=known_code(row.get("InitialCategoryOfAbuse"), AbuseCategory, file, where,
                                    "InitialCategoryOfAbuse", problems) or "",
        latest_category=known_code(row.get("LatestCategoryOfAbuse"), AbuseCategory, file, where,
                                   "LatestCategoryOfAbuse", problems) or "",
        previous_plans=row.get("NumberOfPreviousCPP") or 0)
    batch.cp_plans.append(plan)
    for day in row.get("Reviews") or []:
        ends = day == plan.end_date
        batch.conferences.append(ChildProtectionConference(
            referral=referral, person=referral.person, plan=plan, kind=ConferenceKind.REVIEW, date=day,
            outcome=ConferenceOutcome.END_PLAN if ends else ConferenceOutcome.CONTINUE))


def _pre_proceedings(referral, row, where, file, user, problems, batch):
    start = row.get("PPStartDate")
    if start is None:
        problems.append(Problem(file, where, "PPStartDate", "The pre-proceedings start date is missing."))
        return
    stage = PreProceedings(
        referral=referral, person=referral.person, start_date=start,
        letter_before_proceedings_sent_on=row.get("LBPSentDate"), initial_meeting_on=row.get("InitialPPMeetingDate"),
        step_decision_on=row.get("StepDecisionDate"),
        outcome=known_code(row.get("PPOutcome"), PreProceedingsOutcome, file, where, "PPOutcome", problems,
                           required=False) or "",
        court_application_on=row.get("CourtAppDate"), letter_initiating_proceedings_sent_on=row.get("LetterInitCPDate"))
    batch.pre_proceedings.append(stage)
    # The census gives a count of review meetings, not their dates: each is dated at the start of the stage.
    batch.plo_meetings += [PLOMeeting(pre_proceedings=stage, held_on=start, is_review=True)
                           for _ in range(row.get("ReviewMeetingsCount") or 0)]
    if row.get("FGDMMeetingOffer"):
        offer = FGDMOffer(person=referral.person, referral=referral, offered_on=start, offered_by=user,
                          response=FGDMResponse.ACCEPTED if row.get("FGDMMeetingFac") else FGDMResponse.PENDING)
        batch.offers.append(offer)
        if row.get("FGDMMeetingFac"):
            batch.meetings.append(FGDMMeeting(offer=offer, held_on=row.get("InitialPPMeetingDate") or start))


def _save(batch, user):
    save_people(batch.people, user)
    create_all(PersonDisability, batch.disabilities, user)
    create_all(Referral, batch.referrals, user)
    for group, model in ((batch.assessments, Assessment), (batch.cin_plans, CINPlan),
                         (batch.discussions, StrategyDiscussion), (batch.cp_plans, ChildProtectionPlan),
                         (batch.pre_proceedings, PreProceedings), (batch.offers, FGDMOffer)):
        create_all(model, group, user)
    create_all(AssessmentFactorRecord, batch.factors, user)
    create_all(Section47, batch.section47s, user)
    create_all(ChildProtectionConference, batch.conferences, user)
    create_all(FGDMMeeting, batch.meetings, user)
    create_all(PLOMeeting, batch.plo_meetings, user)
    open_plans = [plan for plan in batch.cp_plans if plan.end_date is None]
    for plan in open_plans:
        plan.next_review_due = plan.compute_next_review_due()
    update_all(ChildProtectionPlan, open_plans, "next_review_due")
