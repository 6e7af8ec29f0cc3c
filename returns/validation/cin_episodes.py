"""CIN census rules about each CIN episode and what happened in it: assessments, plans, enquiries."""
from collections import Counter

from familyhelp.codes import AssessmentFactor
from frontdoor.codes import ClosureReason, PrimaryNeed, ReferralSource
from protection.codes import AbuseCategory

from .helpers import codes, day, episodes, is_weekend, overlapping, working_day_before, working_days_between
from .registry import QUERY
from .rules import CIN

CLOSED_AFTER_ASSESSMENT = {ClosureReason.NFA_AFTER_ASSESSMENT, ClosureReason.FAMILY_HELP_AFTER_ASSESSMENT}
NEED_CODES = codes(PrimaryNeed) - {PrimaryNeed.NOT_STATED}
NO_FACTORS = AssessmentFactor.NO_FACTORS
PREGNANCY_DAYS = 280  # rule 8606: 40 weeks


def _spans(items, start, end):
    return [(i.get(start), i.get(end)) for i in items]


@CIN.rule("8600", "Child referral date missing or after data collection period", fields=["CINreferralDate"])
def referral_date(child, year):
    for label, details in episodes(child):
        if details.get("CINreferralDate") is None or details["CINreferralDate"] > year.end:
            yield "CINreferralDate", f"{label}."


@CIN.rule("8606", "Child referral date is more than 40 weeks before DOB or expected DOB", fields=["CINreferralDate"])
def referral_before_pregnancy(child, year):
    born = child.get("PersonBirthDate") or child.get("ExpectedPersonBirthDate")
    for label, details in episodes(child):
        referred = details.get("CINreferralDate")
        if born and referred and (born - referred).days > PREGNANCY_DAYS:
            yield "CINreferralDate", f"{label}: the child was born or is due {day(born)}."


@CIN.rule("8555Q", "Child cannot be referred after its recorded date of death", fields=["CINreferralDate"], kind=QUERY)
def referral_after_death(child, year):
    died = child.get("PersonDeathDate")
    for label, details in episodes(child):
        if died and details.get("CINreferralDate") and details["CINreferralDate"] > died:
            yield "CINreferralDate", f"{label}: the child died {day(died)}."


@CIN.rule("8866", "Source of Referral is missing or an invalid code", fields=["ReferralSource"])
def referral_source(child, year):
    for label, details in episodes(child):
        if details.get("ReferralSource") not in codes(ReferralSource):
            yield "ReferralSource", f"{label}: '{details.get('ReferralSource') or ''}' is not a referral source."


@CIN.rule("8610", "Primary Need code is missing for a referral which led to further action.",
          fields=["PrimaryNeedCode", "ReferralNFA"])
def primary_need_missing(child, year):
    for label, details in episodes(child):
        if not details.get("ReferralNFA") and not details.get("PrimaryNeedCode"):
            yield "PrimaryNeedCode", f"{label}: record the child's primary need."


@CIN.rule("8650", "Primary Need Code invalid (see Primary Need table in CIN census code set)",
          fields=["PrimaryNeedCode"])
def primary_need_valid(child, year):
    for label, details in episodes(child):
        if details.get("PrimaryNeedCode") and details["PrimaryNeedCode"] not in NEED_CODES:
            yield "PrimaryNeedCode", f"{label}: '{details['PrimaryNeedCode']}' is not a primary need code."


@CIN.rule("8568", "RNFA flag is missing or invalid", fields=["ReferralNFA"])
def nfa_flag(child, year):
    for label, details in episodes(child):
        if details.get("ReferralNFA") not in (True, False):
            yield "ReferralNFA", f"{label}: say whether the referral had no further action."


@CIN.rule("8569Q", "A case with referral date before one working day prior to the collection start date must not be "
                   "flagged as a no further action case", fields=["ReferralNFA", "CINreferralDate"], kind=QUERY)
def old_nfa(child, year):
    cutoff = working_day_before(year.start)
    for label, details in episodes(child):
        if details.get("ReferralNFA") and details.get("CINreferralDate") and details["CINreferralDate"] < cutoff:
            yield "ReferralNFA", f"{label}: a referral from before the year cannot be a no further action referral in it."


@CIN.rule("8620", "CIN Closure Date present and does not fall within the Census year", fields=["CINclosureDate"])
def closure_in_year(child, year):
    for label, details in episodes(child):
        if details.get("CINclosureDate") and not year.covers(details["CINclosureDate"]):
            yield "CINclosureDate", f"{label}: closed {day(details['CINclosureDate'])}."


@CIN.rule("8630", "CIN Closure Date is before CIN Referral Date for the same CIN episode", fields=["CINclosureDate"])
def closure_before_referral(child, year):
    for label, details in episodes(child):
        closed, referred = details.get("CINclosureDate"), details.get("CINreferralDate")
        if closed and referred and closed < referred:
            yield "CINclosureDate", f"{label}: closed {day(closed)}."


@CIN.rule("8640", "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)",
          fields=["ReasonForClosure"])
def closure_reason_valid(child, year):
    for label, details in episodes(child):
        if details.get("ReasonForClosure") and details["ReasonForClosure"] not in codes(ClosureReason):
            yield "ReasonForClosure", f"{label}: '{details['ReasonForClosure']}' is not a reason for closure."


@CIN.rule("8805", "A CIN case cannot have a CIN closure date without a Reason for Closure",
          fields=["CINclosureDate", "ReasonForClosure"])
def closure_without_reason(child, year):
    for label, details in episodes(child):
        if details.get("CINclosureDate") and not details.get("ReasonForClosure"):
            yield "ReasonForClosure", f"{label}: closed {day(details['CINclosureDate'])} with no reason."


@CIN.rule("8810", "A CIN case cannot have a Reason for Closure without a CIN Closure Date",
          fields=["ReasonForClosure", "CINclosureDate"])
def reason_without_closure(child, year):
    for label, details in episodes(child):
        if details.get("ReasonForClosure") and not details.get("CINclosureDate"):
            yield "CINclosureDate", f"{label}: reason {details['ReasonForClosure']} but no closure date."


@CIN.rule("8585Q", "Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, "
                   "however child has no recorded Date of Death", fields=["ReasonForClosure"], kind=QUERY)
def died_without_death_date(child, year):
    for label, details in episodes(child):
        if details.get("ReasonForClosure") == ClosureReason.DIED and not child.get("PersonDeathDate"):
            yield "PersonDeathDate", f"{label}: closed as died, but no date of death is recorded."


def _open_further_action(child):
    return [(label, d) for label, d in episodes(child) if not d.get("CINclosureDate") and not d.get("ReferralNFA")]


@CIN.rule("8815", "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for "
                  "this child and case is not a referral with no further action.", fields=["CINclosureDate"])
def several_open_episodes(child, year):
    still_open = _open_further_action(child)
    if len(still_open) > 1:
        yield "CINclosureDate", f"{', '.join(label for label, _ in still_open)} are all open."


@CIN.rule("8816", "An open CIN episode is shown and case is not a referral with no further action, but it is not the "
                  "latest episode.", fields=["CINreferralDate", "CINclosureDate"])
def open_episode_not_latest(child, year):
    dates = [d.get("CINreferralDate") for d in child.get("CINdetails") or [] if d.get("CINreferralDate")]
    for label, details in _open_further_action(child):
        if details.get("CINreferralDate") and details["CINreferralDate"] < max(dates):
            yield "CINclosureDate", f"{label} is open but a later referral follows it."


@CIN.rule("8820", "The dates on the CIN episodes for this child overlap", fields=["CINreferralDate", "CINclosureDate"])
def episodes_overlap(child, year):
    spans = [(d.get("CINreferralDate"), d.get("CINclosureDate")) for d in child.get("CINdetails") or []
             if not d.get("ReferralNFA")]
    for earlier, later in overlapping(spans):
        yield "CINreferralDate", f"The episode from {day(later[0])} starts before the one from {day(earlier[0])} closed."


@CIN.rule("8831", "Activity is recorded against a case marked as a referral with no further action",
          fields=["ReferralNFA", "AssessmentActualStartDate", "S47ActualStartDate"])
def activity_on_nfa(child, year):
    for label, details in episodes(child):
        if details.get("ReferralNFA") and (details.get("Assessments") or details.get("Section47")
                                           or details.get("DateOfInitialCPC")):
            yield "ReferralNFA", f"{label}: no further action, yet an assessment or enquiry is recorded."


@CIN.rule("8832", "Child Protection details provided for a referral with no further action.",
          fields=["ReferralNFA", "CPPstartDate"])
def cp_on_nfa(child, year):
    for label, details in episodes(child):
        if details.get("ReferralNFA") and details.get("ChildProtectionPlans"):
            yield "ReferralNFA", f"{label}: no further action, yet a child protection plan is recorded."


@CIN.rule("4000", "CIN Plan details provided for a referral with no further action", fields=["ReferralNFA"])
def cin_plan_on_nfa(child, year):
    for label, details in episodes(child):
        if details.get("ReferralNFA") and details.get("CINPlanDates"):
            yield "ReferralNFA", f"{label}: no further action, yet a CIN plan is recorded."


@CIN.rule("2990", "Activity is recorded against a case marked as 'Case closed after assessment, no further action' "
                  "or 'case closed after assessment, referred to early help'.", fields=["ReasonForClosure"])
def activity_after_assessment_closure(child, year):
    for label, details in episodes(child):
        if details.get("ReasonForClosure") in CLOSED_AFTER_ASSESSMENT and (
                details.get("Section47") or details.get("ChildProtectionPlans") or details.get("DateOfInitialCPC")
                or details.get("CINPlanDates")):
            yield "ReasonForClosure", f"{label}: closed after assessment, yet a plan or enquiry is recorded."


@CIN.rule("8825Q", "Please check and either amend data or provide a reason: Reason for Closure code RC8 or RC9 has "
                   "been returned but there is no assessment present for the episode.",
          fields=["ReasonForClosure"], kind=QUERY)
def closed_after_assessment_without_one(child, year):
    for label, details in episodes(child):
        if details.get("ReasonForClosure") in CLOSED_AFTER_ASSESSMENT and not details.get("Assessments"):
            yield "ReasonForClosure", f"{label}: closed after assessment, but no assessment is recorded."


@CIN.rule("8867", "CIN episode is shown as closed, however Assessment is not shown as completed",
          fields=["CINclosureDate", "AssessmentAuthorisationDate"])
def closed_with_open_assessment(child, year):
    for label, details in episodes(child):
        if details.get("CINclosureDate") and any(not a.get("AssessmentAuthorisationDate")
                                                 for a in details.get("Assessments") or []):
            yield "AssessmentAuthorisationDate", f"{label}: closed with an assessment not completed."


@CIN.rule("8868", "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date "
                  "or ICPC not required flag", fields=["CINclosureDate", "ICPCnotRequired", "DateOfInitialCPC"])
def closed_with_open_enquiry(child, year):
    for label, details in episodes(child):
        if details.get("CINclosureDate") and any(not s.get("DateOfInitialCPC") and not s.get("ICPCnotRequired")
                                                 for s in details.get("Section47") or []):
            yield "ICPCnotRequired", f"{label}: closed with a section 47 enquiry not concluded."


@CIN.rule("8565", "Activity shown after a case has been closed", fields=["CINclosureDate"])
def activity_after_closure(child, year):
    for label, details in episodes(child):
        closed = details.get("CINclosureDate")
        if not closed:
            continue
        starts = [a.get("AssessmentActualStartDate") for a in details.get("Assessments") or []]
        starts += [s.get("S47ActualStartDate") for s in details.get("Section47") or []]
        starts += [p.get("CINPlanStartDate") for p in details.get("CINPlanDates") or []]
        starts += [p.get("CPPstartDate") for p in details.get("ChildProtectionPlans") or []]
        if any(start and start > closed for start in starts):
            yield "CINclosureDate", f"{label}: closed {day(closed)}, but work starts after it."


# Assessments

def _assessments(child):
    for label, details in episodes(child):
        for assessment in details.get("Assessments") or []:
            started = assessment.get("AssessmentActualStartDate")
            yield f"{label}: assessment started {day(started)}", details, assessment


@CIN.rule("1103", "The assessment start date cannot be before the referral date",
          fields=["AssessmentActualStartDate", "CINreferralDate"])
def assessment_before_referral(child, year):
    for label, details, assessment in _assessments(child):
        started, referred = assessment.get("AssessmentActualStartDate"), details.get("CINreferralDate")
        if started and referred and started < referred:
            yield "AssessmentActualStartDate", f"{label}, before the referral."


@CIN.rule("8608", "Assessment Start Date cannot be later than its End Date",
          fields=["AssessmentActualStartDate", "AssessmentAuthorisationDate"])
def assessment_ends_before_start(child, year):
    for label, _, assessment in _assessments(child):
        started, ended = assessment.get("AssessmentActualStartDate"), assessment.get("AssessmentAuthorisationDate")
        if started and ended and started > ended:
            yield "AssessmentAuthorisationDate", f"{label}, completed {day(ended)}."


@CIN.rule("8696", "Assessment end date must fall within the census year", fields=["AssessmentAuthorisationDate"])
def assessment_end_in_year(child, year):
    for label, _, assessment in _assessments(child):
        ended = assessment.get("AssessmentAuthorisationDate")
        if ended and not year.covers(ended):
            yield "AssessmentAuthorisationDate", f"{label}, completed {day(ended)}."


@CIN.rule("8736", "For an Assessment that has not been completed, the start date must fall within the census year",
          fields=["AssessmentActualStartDate"])
def open_assessment_started_in_year(child, year):
    for label, _, assessment in _assessments(child):
        if not assessment.get("AssessmentAuthorisationDate") and not year.covers(assessment.get("AssessmentActualStartDate")):
            yield "AssessmentActualStartDate", f"{label} and is not completed."


@CIN.rule("8670Q", "Please check and either amend data or provide a reason: Assessment started more than 45 working "
                   "days before the end of the census year. However, there is no Assessment end date.",
          fields=["AssessmentActualStartDate"], kind=QUERY)
def assessment_overdue(child, year):
    for label, _, assessment in _assessments(child):
        started = assessment.get("AssessmentActualStartDate")
        if started and not assessment.get("AssessmentAuthorisationDate") and started <= year.end and \
                working_days_between(started, year.end) > 45:
            yield "AssessmentAuthorisationDate", f"{label} and is still not completed."


@CIN.rule("8896", "Within one CINDetails group there are 2 or more open Assessments groups",
          fields=["AssessmentAuthorisationDate"])
def several_open_assessments(child, year):
    for label, details in episodes(child):
        if sum(1 for a in details.get("Assessments") or [] if not a.get("AssessmentAuthorisationDate")) > 1:
            yield "AssessmentAuthorisationDate", f"{label}: more than one assessment is not completed."


@CIN.rule("8614", "Parental or child factors at assessment should only be present for a completed assessment.",
          fields=["AssessmentFactors"])
def factors_without_completion(child, year):
    for label, _, assessment in _assessments(child):
        if assessment.get("FactorsIdentifiedAtAssessment") and not assessment.get("AssessmentAuthorisationDate"):
            yield "AssessmentFactors", f"{label} is not completed but has factors."


@CIN.rule("8897Q", "Parental or child factors at assessment information is missing from a completed assessment",
          fields=["AssessmentAuthorisationDate", "AssessmentFactors"], kind=QUERY)
def completed_without_factors(child, year):
    for label, _, assessment in _assessments(child):
        ended = assessment.get("AssessmentAuthorisationDate")
        if ended and ended >= year.start and not assessment.get("FactorsIdentifiedAtAssessment"):
            yield "AssessmentFactors", f"{label}, completed {day(ended)}, has no factors (use 21 if none)."


@CIN.rule("8869", "The assessment factors code \"21\" cannot be used in conjunction with any other assessment factors.",
          fields=["AssessmentFactors"])
def no_factors_with_others(child, year):
    for label, _, assessment in _assessments(child):
        factors = assessment.get("FactorsIdentifiedAtAssessment") or []
        if NO_FACTORS in factors and len(set(factors)) > 1:
            yield "AssessmentFactors", f"{label}: 21 (no factors) is recorded with other factors."


@CIN.rule("8898", "The assessment has more than one parental or child factors with the same code",
          fields=["AssessmentFactors"])
def factor_repeated(child, year):
    for label, _, assessment in _assessments(child):
        for code, count in Counter(assessment.get("FactorsIdentifiedAtAssessment") or []).items():
            if count > 1:
                yield "AssessmentFactors", f"{label}: factor {code} is recorded {count} times."


@CIN.rule("8945Q", "Please check and either amend data or provide a reason: the assessment factors code '18A' should "
                   "not be used ('18B' or '18C' should be used instead)", fields=["AssessmentFactors"], kind=QUERY)
def physical_abuse_unsplit(child, year):
    for label, _, assessment in _assessments(child):
        if AssessmentFactor.PHYSICAL_ABUSE in (assessment.get("FactorsIdentifiedAtAssessment") or []):
            yield "AssessmentFactors", f"{label}: record physical abuse by an adult (18B) or another child (18C)."


@CIN.rule("8950Q", "Please check and either amend data or provide a reason: the assessment factors code '19A' should "
                   "not be used ('19B' or '19C' should be used instead)", fields=["AssessmentFactors"], kind=QUERY)
def sexual_abuse_unsplit(child, year):
    for label, _, assessment in _assessments(child):
        if AssessmentFactor.SEXUAL_ABUSE in (assessment.get("FactorsIdentifiedAtAssessment") or []):
            yield "AssessmentFactors", f"{label}: record sexual abuse by an adult (19B) or another child (19C)."


@CIN.rule("8873Q", "Please check and either amend data or provide a reason: When there is only one assessment on the "
                   "episode and the factors code \"21 No factors identified\" has been used for the completed "
                   "assessment, the reason for closure 'RC8' or 'RC9' should be used.",
          fields=["ReasonForClosure", "AssessmentFactors"], kind=QUERY)
def no_factors_closure(child, year):
    for label, details in episodes(child):
        assessments = details.get("Assessments") or []
        if len(assessments) == 1 and details.get("CINclosureDate") and \
                NO_FACTORS in (assessments[0].get("FactorsIdentifiedAtAssessment") or []) and \
                details.get("ReasonForClosure") not in CLOSED_AFTER_ASSESSMENT:
            yield "ReasonForClosure", f"{label}: no factors were found, so the case closed after assessment."


# CIN plans

def _cin_plans(child):
    for label, details in episodes(child):
        for plan in details.get("CINPlanDates") or []:
            yield f"{label}: CIN plan from {day(plan.get('CINPlanStartDate'))}", details, plan


@CIN.rule("4010", "CIN Plan start date is missing or out of data collection period", fields=["CINPlanStartDate"])
def cin_plan_start(child, year):
    for label, _, plan in _cin_plans(child):
        if not plan.get("CINPlanStartDate") or plan["CINPlanStartDate"] > year.end:
            yield "CINPlanStartDate", f"{label}."


@CIN.rule("4011", "CIN Plan End Date earlier than Start Date", fields=["CINPlanEndDate"])
def cin_plan_ends_before_start(child, year):
    for label, _, plan in _cin_plans(child):
        if plan.get("CINPlanEndDate") and plan.get("CINPlanStartDate") and plan["CINPlanEndDate"] < plan["CINPlanStartDate"]:
            yield "CINPlanEndDate", f"{label}, ended {day(plan['CINPlanEndDate'])}."


@CIN.rule("4012Q", "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the "
                   "same day", fields=["CINPlanEndDate"], kind=QUERY)
def cin_plan_one_day(child, year):
    for label, _, plan in _cin_plans(child):
        if plan.get("CINPlanEndDate") and plan["CINPlanEndDate"] == plan.get("CINPlanStartDate"):
            yield "CINPlanEndDate", f"{label} ended the same day."


@CIN.rule("4013", "CIN Plan end date must fall within the census year", fields=["CINPlanEndDate"])
def cin_plan_end_in_year(child, year):
    for label, _, plan in _cin_plans(child):
        if plan.get("CINPlanEndDate") and not year.covers(plan["CINPlanEndDate"]):
            yield "CINPlanEndDate", f"{label}, ended {day(plan['CINPlanEndDate'])}."


@CIN.rule("4015", "The CIN Plan start date cannot be before the referral date", fields=["CINPlanStartDate"])
def cin_plan_before_referral(child, year):
    for label, details, plan in _cin_plans(child):
        if plan.get("CINPlanStartDate") and details.get("CINreferralDate") and \
                plan["CINPlanStartDate"] < details["CINreferralDate"]:
            yield "CINPlanStartDate", f"{label}, before the referral."


@CIN.rule("4004", "This child is showing more than one open CIN Plan, i.e. with no End Date", fields=["CINPlanEndDate"])
def several_open_cin_plans(child, year):
    if sum(1 for _, _, plan in _cin_plans(child) if not plan.get("CINPlanEndDate")) > 1:
        yield "CINPlanEndDate", "More than one CIN plan is open."


@CIN.rule("4014", "CIN Plan data contains overlapping dates", fields=["CINPlanStartDate", "CINPlanEndDate"])
def cin_plans_overlap(child, year):
    spans = [(p.get("CINPlanStartDate"), p.get("CINPlanEndDate")) for _, _, p in _cin_plans(child)]
    for earlier, later in overlapping(spans):
        yield "CINPlanStartDate", f"The CIN plan from {day(later[0])} starts before the one from {day(earlier[0])} ended."


@CIN.rule("4001", "A CIN Plan cannot run concurrently with a Child Protection Plan",
          fields=["CINPlanStartDate", "CPPstartDate"])
def cin_plan_during_cp_plan(child, year):
    cp_spans = [(p.get("CPPstartDate"), p.get("CPPendDate")) for _, d in episodes(child)
                for p in d.get("ChildProtectionPlans") or []]
    for label, _, plan in _cin_plans(child):
        for cp_span in cp_spans:
            if overlapping([(plan.get("CINPlanStartDate"), plan.get("CINPlanEndDate")), cp_span]):
                yield "CINPlanStartDate", f"{label} overlaps the child protection plan from {day(cp_span[0])}."


@CIN.rule("4008", "CIN Plan shown as starting after the child's Date of Death.", fields=["CINPlanStartDate"])
def cin_plan_after_death(child, year):
    died = child.get("PersonDeathDate")
    for label, _, plan in _cin_plans(child):
        if died and plan.get("CINPlanStartDate") and plan["CINPlanStartDate"] > died:
            yield "CINPlanStartDate", f"{label}; the child died {day(died)}."


# Section 47 enquiries and conferences

def _enquiries(child):
    for label, details in episodes(child):
        for enquiry in details.get("Section47") or []:
            yield f"{label}: section 47 from {day(enquiry.get('S47ActualStartDate'))}", details, enquiry


@CIN.rule("2889", "The S47 start date cannot be before the referral date.", fields=["S47ActualStartDate"])
def enquiry_before_referral(child, year):
    for label, details, enquiry in _enquiries(child):
        if enquiry.get("S47ActualStartDate") and details.get("CINreferralDate") and \
                enquiry["S47ActualStartDate"] < details["CINreferralDate"]:
            yield "S47ActualStartDate", f"{label}, before the referral."


@CIN.rule("8615", "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial "
                  "Child Protection Conference", fields=["S47ActualStartDate", "DateOfInitialCPC"])
def enquiry_after_conference(child, year):
    for label, _, enquiry in _enquiries(child):
        started, icpc = enquiry.get("S47ActualStartDate"), enquiry.get("DateOfInitialCPC")
        if not started or (icpc and started > icpc):
            yield "S47ActualStartDate", f"{label}; conference {day(icpc)}."


@CIN.rule("1104", "The date of the initial child protection conference cannot be before the referral date",
          fields=["DateOfInitialCPC", "CINreferralDate"])
def conference_before_referral(child, year):
    for label, details in episodes(child):
        dates = [details.get("DateOfInitialCPC")] + [s.get("DateOfInitialCPC") for s in details.get("Section47") or []]
        for icpc in dates:
            if icpc and details.get("CINreferralDate") and icpc < details["CINreferralDate"]:
                yield "DateOfInitialCPC", f"{label}: conference {day(icpc)}."


@CIN.rule("8715", "Date of Initial Child Protection Conference must fall within the census year",
          fields=["DateOfInitialCPC"])
def conference_in_year(child, year):
    for label, details in episodes(child):
        dates = [details.get("DateOfInitialCPC")] + [s.get("DateOfInitialCPC") for s in details.get("Section47") or []]
        for icpc in dates:
            if icpc and not year.covers(icpc):
                yield "DateOfInitialCPC", f"{label}: conference {day(icpc)}."


@CIN.rule("8740", "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of "
                  "the census year, the start date must fall within the census year", fields=["S47ActualStartDate"])
def open_enquiry_started_in_year(child, year):
    for label, _, enquiry in _enquiries(child):
        if not enquiry.get("DateOfInitialCPC") and not enquiry.get("ICPCnotRequired") and \
                not year.covers(enquiry.get("S47ActualStartDate")):
            yield "S47ActualStartDate", f"{label} has no conference and is not marked as not needing one."


@CIN.rule("8675Q", "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working "
                   "days before the end of the census year. However, there is no date of Initial Child Protection "
                   "Conference.", fields=["S47ActualStartDate", "DateOfInitialCPC"], kind=QUERY)
def enquiry_overdue(child, year):
    for label, _, enquiry in _enquiries(child):
        started = enquiry.get("S47ActualStartDate")
        if started and started <= year.end and not enquiry.get("DateOfInitialCPC") and \
                not enquiry.get("ICPCnotRequired") and working_days_between(started, year.end) > 15:
            yield "DateOfInitialCPC", f"{label} has had no conference after 15 working days."


@CIN.rule("8839", "Within one CINDetails group there are 2 or more open S47 Assessments", fields=["DateOfInitialCPC"])
def several_open_enquiries(child, year):
    for label, details in episodes(child):
        if sum(1 for s in details.get("Section47") or [] if not s.get("DateOfInitialCPC")) > 1:
            yield "DateOfInitialCPC", f"{label}: more than one section 47 enquiry has no conference."


@CIN.rule("8875", "The Date of Initial Child Protection Conference cannot be a weekend", fields=["DateOfInitialCPC"])
def conference_at_weekend(child, year):
    for label, details in episodes(child):
        dates = [details.get("DateOfInitialCPC")] + [s.get("DateOfInitialCPC") for s in details.get("Section47") or []]
        for icpc in dates:
            if is_weekend(icpc):
                yield "DateOfInitialCPC", f"{label}: conference on {icpc:%A} {day(icpc)}."


@CIN.rule("8870Q", "Please check and either amend or provide a reason: The Target Date for Initial Child Protection "
                   "Conference should not be a weekend", fields=["InitialCPCtarget"], kind=QUERY)
def target_at_weekend(child, year):
    for label, _, enquiry in _enquiries(child):
        if is_weekend(enquiry.get("InitialCPCtarget")):
            yield "InitialCPCtarget", f"{label}: target {enquiry['InitialCPCtarget']:%A} {day(enquiry['InitialCPCtarget'])}."


@CIN.rule("2884", "An initial child protection conference is recorded at both the S47 and CIN Details level and it "
                  "should only be recorded in one", fields=["DateOfInitialCPC"])
def conference_twice(child, year):
    for label, details in episodes(child):
        if details.get("DateOfInitialCPC") and details["DateOfInitialCPC"] in {
                s.get("DateOfInitialCPC") for s in details.get("Section47") or []}:
            yield "DateOfInitialCPC", f"{label}: the conference of {day(details['DateOfInitialCPC'])} is recorded twice."


@CIN.rule("2991Q", "Please check and either amend data or provide a reason: A Section 47 module is recorded and there "
                   "is no assessment on the episode", fields=["S47ActualStartDate"], kind=QUERY)
def enquiry_without_assessment(child, year):
    for label, details in episodes(child):
        if details.get("Section47") and not details.get("Assessments"):
            yield "S47ActualStartDate", f"{label}: a section 47 enquiry but no assessment."


# Child protection plans

def _cp_plans(child):
    for label, details in episodes(child):
        for plan in details.get("ChildProtectionPlans") or []:
            yield f"{label}: CP plan from {day(plan.get('CPPstartDate'))}", details, plan


@CIN.rule("1105", "The child protection plan start date cannot be before the referral date", fields=["CPPstartDate"])
def cp_plan_before_referral(child, year):
    for label, details, plan in _cp_plans(child):
        if plan.get("CPPstartDate") and details.get("CINreferralDate") and plan["CPPstartDate"] < details["CINreferralDate"]:
            yield "CPPstartDate", f"{label}, before the referral."


@CIN.rule("8720", "Child Protection Plan Start Date missing or out of data collection period", fields=["CPPstartDate"])
def cp_plan_start(child, year):
    for label, _, plan in _cp_plans(child):
        if not plan.get("CPPstartDate") or plan["CPPstartDate"] > year.end:
            yield "CPPstartDate", f"{label}."


@CIN.rule("8925", "Child Protection Plan End Date earlier than Start Date", fields=["CPPendDate"])
def cp_plan_ends_before_start(child, year):
    for label, _, plan in _cp_plans(child):
        if plan.get("CPPendDate") and plan.get("CPPstartDate") and plan["CPPendDate"] < plan["CPPstartDate"]:
            yield "CPPendDate", f"{label}, ended {day(plan['CPPendDate'])}."


@CIN.rule("8930", "Child Protection Plan End Date must fall within the census year", fields=["CPPendDate"])
def cp_plan_end_in_year(child, year):
    for label, _, plan in _cp_plans(child):
        if plan.get("CPPendDate") and not year.covers(plan["CPPendDate"]):
            yield "CPPendDate", f"{label}, ended {day(plan['CPPendDate'])}."


@CIN.rule("8840", "Child Protection Plan cannot start and end on the same day", fields=["CPPstartDate", "CPPendDate"])
def cp_plan_one_day(child, year):
    for label, _, plan in _cp_plans(child):
        if plan.get("CPPendDate") and plan["CPPendDate"] == plan.get("CPPstartDate"):
            yield "CPPendDate", f"{label} ended the same day."


@CIN.rule("8935", "This child is showing more than one open Child Protection plan, i.e. with no End Date",
          fields=["CPPendDate"])
def several_open_cp_plans(child, year):
    if sum(1 for _, _, plan in _cp_plans(child) if not plan.get("CPPendDate")) > 1:
        yield "CPPendDate", "More than one child protection plan is open."


@CIN.rule("8940", "Child Protection Plan data contains overlapping dates", fields=["CPPstartDate", "CPPendDate"])
def cp_plans_overlap(child, year):
    spans = [(p.get("CPPstartDate"), p.get("CPPendDate")) for _, _, p in _cp_plans(child)]
    for earlier, later in overlapping(spans):
        yield "CPPstartDate", f"The plan from {day(later[0])} starts before the one from {day(earlier[0])} ended."


@CIN.rule("8905", "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code "
                  "set)", fields=["InitialCategoryOfAbuse"])
def initial_category(child, year):
    for label, _, plan in _cp_plans(child):
        if plan.get("InitialCategoryOfAbuse") not in codes(AbuseCategory):
            yield "InitialCategoryOfAbuse", f"{label}."


@CIN.rule("8910", "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code "
                  "set)", fields=["LatestCategoryOfAbuse"])
def latest_category(child, year):
    for label, _, plan in _cp_plans(child):
        if plan.get("LatestCategoryOfAbuse") not in codes(AbuseCategory):
            yield "LatestCategoryOfAbuse", f"{label}."


@CIN.rule("8730", "Total Number of previous Child Protection Plans missing", fields=["NumberOfPreviousCPP"])
def previous_plans_missing(child, year):
    for label, _, plan in _cp_plans(child):
        if plan.get("NumberOfPreviousCPP") is None:
            yield "NumberOfPreviousCPP", f"{label}."


@CIN.rule("8841", "The review date cannot be on the same day or before the Child protection Plan start date.",
          fields=["CPPreviewDate"])
def review_before_plan(child, year):
    for label, _, plan in _cp_plans(child):
        for review in plan.get("Reviews") or []:
            if plan.get("CPPstartDate") and review <= plan["CPPstartDate"]:
                yield "CPPreviewDate", f"{label}: review {day(review)}."


@CIN.rule("8915", "Child Protection Plan shown as starting after the child's Date of Death", fields=["CPPstartDate"])
def cp_plan_after_death(child, year):
    died = child.get("PersonDeathDate")
    for label, _, plan in _cp_plans(child):
        if died and plan.get("CPPstartDate") and plan["CPPstartDate"] > died:
            yield "CPPstartDate", f"{label}; the child died {day(died)}."


@CIN.rule("2885", "Child protection plan shown as starting a different day to the initial child protection "
                  "conference.", fields=["CPPstartDate", "DateOfInitialCPC"])
def plan_without_conference(child, year):
    for label, details, plan in _cp_plans(child):
        conferences = {details.get("DateOfInitialCPC")} | {s.get("DateOfInitialCPC") for s in details.get("Section47") or []}
        if year.covers(plan.get("CPPstartDate")) and plan["CPPstartDate"] not in conferences:
            yield "CPPstartDate", f"{label}: no initial conference that day."


@CIN.rule("4003", "A CPP review date is shown as being held at the same time as an open CIN Plan.",
          fields=["CPPreviewDate", "CINPlanStartDate"])
def review_during_cin_plan(child, year):
    for label, details, plan in _cp_plans(child):
        for review in plan.get("Reviews") or []:
            for cin_plan in details.get("CINPlanDates") or []:
                start, end = cin_plan.get("CINPlanStartDate"), cin_plan.get("CINPlanEndDate")
                if start and start <= review and (end is None or review < end) and review != plan.get("CPPendDate"):
                    yield "CPPreviewDate", f"{label}: review {day(review)} falls in the CIN plan from {day(start)}."
