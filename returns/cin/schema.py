"""The CIN census XML layout, declared once: the writer, the reader and the rules all follow it.

A child is held as a dict keyed by the DfE's element names. `Flat` groups (ChildIdentifiers,
ChildCharacteristics) put their items straight into the child; `Wrapped` lists (Disabilities,
Reviews) hold plain values; `Repeated` groups (CINdetails, Assessments...) hold a list of dicts.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Flat:
    tag: str
    items: tuple


@dataclass(frozen=True)
class Wrapped:
    tag: str
    item: str


@dataclass(frozen=True)
class Repeated:
    tag: str
    items: tuple
    from_year: int = 0  # first collection year the group is returned


ASSESSMENT = Repeated(
    "Assessments",
    (
        "AssessmentActualStartDate",
        "AssessmentAuthorisationDate",
        Wrapped("FactorsIdentifiedAtAssessment", "AssessmentFactors"),
    ),
)
CIN_PLAN = Repeated("CINPlanDates", ("CINPlanStartDate", "CINPlanEndDate"))
SECTION_47 = Repeated(
    "Section47", ("S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired")
)
CP_PLAN = Repeated(
    "ChildProtectionPlans",
    (
        "CPPstartDate",
        "CPPendDate",
        "InitialCategoryOfAbuse",
        "LatestCategoryOfAbuse",
        "NumberOfPreviousCPP",
        Wrapped("Reviews", "CPPreviewDate"),
    ),
)
PRE_PROCEEDINGS = Repeated(
    "PreProceedingsandFGDM",
    (
        "PPStartDate",
        "LBPSentDate",
        "FGDMMeetingOffer",
        "FGDMMeetingFac",
        "InitialPPMeetingDate",
        "ReviewMeetingsCount",
        "StepDecisionDate",
        "PPOutcome",
        "CourtAppDate",
        "LetterInitCPDate",
    ),
    from_year=2027,
)
CIN_DETAILS = Repeated(
    "CINdetails",
    (
        "CINreferralDate",
        "ReferralSource",
        "PrimaryNeedCode",
        "CINclosureDate",
        "ReasonForClosure",
        "DateOfInitialCPC",
        ASSESSMENT,
        CIN_PLAN,
        SECTION_47,
        "ReferralNFA",
        CP_PLAN,
        PRE_PROCEEDINGS,
    ),
)
CHILD = (
    Flat(
        "ChildIdentifiers",
        (
            "LAchildID",
            "UPN",
            "FormerUPN",
            "UPNunknown",
            "PersonBirthDate",
            "ExpectedPersonBirthDate",
            "Sex",
            "PersonDeathDate",
        ),
    ),
    Flat("ChildCharacteristics", ("Ethnicity", Wrapped("Disabilities", "Disability"))),
    CIN_DETAILS,
)

DATES = {
    "PersonBirthDate",
    "ExpectedPersonBirthDate",
    "PersonDeathDate",
    "CINreferralDate",
    "CINclosureDate",
    "DateOfInitialCPC",
    "AssessmentActualStartDate",
    "AssessmentAuthorisationDate",
    "CINPlanStartDate",
    "CINPlanEndDate",
    "S47ActualStartDate",
    "InitialCPCtarget",
    "CPPstartDate",
    "CPPendDate",
    "CPPreviewDate",
    "PPStartDate",
    "LBPSentDate",
    "InitialPPMeetingDate",
    "StepDecisionDate",
    "CourtAppDate",
    "LetterInitCPDate",
}
BOOLEANS = {"ReferralNFA", "ICPCnotRequired", "FGDMMeetingOffer", "FGDMMeetingFac"}
INTEGERS = {"NumberOfPreviousCPP", "ReviewMeetingsCount"}
# The census writes these two flags as true/false; the pre-proceedings ones as 1/0 (as the DfE's samples do).
BOOLEAN_WORDS = {"ReferralNFA", "ICPCnotRequired"}
