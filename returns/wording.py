"""How a validator's finding reads to an analyst or a worker: the rule as a sentence, the record and values.

The validators' messages are the DfE's; queries start "Please check and either amend data or provide
a reason:", which Thrive shows as the "Query" tag instead. Items are named in words where Thrive
knows them, with the DfE's name beside, so a worker can find the field on the case pages.
"""

import datetime
import re

_PREFIX = re.compile(
    r"^\s*please check and either amend(?: data)? or provide a reason\s*:?\s*", re.IGNORECASE
)

ITEMS = {
    "LAchildID": "child ID",
    "UPN": "UPN",
    "FormerUPN": "former UPN",
    "UPNunknown": "reason UPN unknown",
    "PersonBirthDate": "date of birth",
    "ExpectedPersonBirthDate": "expected date of birth",
    "Sex": "sex",
    "PersonDeathDate": "date of death",
    "Ethnicity": "ethnicity",
    "Disability": "disability",
    "CINreferralDate": "referral date",
    "ReferralSource": "referral source",
    "PrimaryNeedCode": "primary need",
    "CINclosureDate": "closure date",
    "ReasonForClosure": "reason for closure",
    "ReferralNFA": "no further action",
    "DateOfInitialCPC": "initial conference date",
    "AssessmentActualStartDate": "assessment start",
    "AssessmentAuthorisationDate": "assessment authorised",
    "AssessmentFactors": "factors at assessment",
    "CINPlanStartDate": "CIN plan start",
    "CINPlanEndDate": "CIN plan end",
    "S47ActualStartDate": "section 47 start",
    "InitialCPCtarget": "conference due",
    "ICPCnotRequired": "conference not required",
    "CPPstartDate": "CP plan start",
    "CPPendDate": "CP plan end",
    "CPPreviewDate": "CP review",
    "InitialCategoryOfAbuse": "initial category",
    "LatestCategoryOfAbuse": "latest category",
    "NumberOfPreviousCPP": "previous plans",
    "CHILD": "child ID",
    "SEX": "sex",
    "DOB": "date of birth",
    "ETHNIC": "ethnicity",
    "DECOM": "episode start",
    "DEC": "episode end",
    "RNE": "reason for new episode",
    "LS": "legal status",
    "CIN": "category of need",
    "PLACE": "placement type",
    "PLACE_PROVIDER": "placement provider",
    "REC": "reason episode ended",
    "REASON_PLACE_CHANGE": "reason for placement change",
    "HOME_POST": "home postcode",
    "PL_POST": "placement postcode",
    "URN": "placement URN",
    "PL_LA": "placement's council",
    "PL_LOCATION": "in or out of the council",
    "PL_DISTANCE": "distance from home (miles)",
    "REVIEW": "review date",
    "REVIEW_CODE": "participation",
    "DUC": "date ceased to be UASC",
    "SDQ_SCORE": "SDQ score",
    "SDQ_REASON": "reason no SDQ",
    "CONVICTED": "convicted",
    "HEALTH_CHECK": "health check",
    "IMMUNISATIONS": "immunisations",
    "TEETH_CHECK": "dental check",
    "HEALTH_ASSESSMENT": "health assessment",
    "SUBSTANCE_MISUSE": "substance misuse",
    "IN_TOUCH": "in touch",
    "ACTIV": "activity",
    "ACCOM": "accommodation",
    "MISSING": "missing or away",
    "MIS_START": "missing from",
    "MIS_END": "missing to",
    "SW_ID": "social worker",
    "SW_DECOM": "worker from",
    "SW_DEC": "worker to",
    "SW_REASON": "reason for change of worker",
    "PREV_PERM": "previous permanence",
    "LA_PERM": "council of previous permanence",
    "DATE_PERM": "date of previous permanence",
    "DATE_PLACED": "placed for adoption",
    "DATE_INT": "decision to adopt",
    "DATE_MATCH": "matched",
}

RECORDS = {
    "ChildIdentifiers": "Child",
    "ChildCharacteristics": "Child",
    "Disabilities": "Disability",
    "CINdetails": "CIN episode",
    "Assessments": "Assessment",
    "AssessmentFactorsList": "Assessment factor",
    "CINplanDates": "CIN plan",
    "Section47": "Section 47 enquiry",
    "ChildProtectionPlans": "CP plan",
    "Reviews": "CP review",
    "Header": "Child",
    "Episodes": "Episode",
    "UASC": "Unaccompanied",
    "OC2": "Outcomes (OC2)",
    "OC3": "Care leaver (OC3)",
    "AD1": "Adoption (AD1)",
    "PlacedAdoption": "Placed for adoption",
    "PrevPerm": "Previous permanence",
    "Missing": "Missing episode",
    "SWEpisodes": "Social worker episode",
    "DoLo": "Deprivation of liberty",
}


def sentence(message: str) -> str:
    """The DfE's message, without the query prefix, starting with a capital and ending with a full stop."""
    text = _PREFIX.sub("", message or "").strip()
    text = re.sub(r"\s+", " ", text).replace("..", ".")
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".?!)" or text.endswith("]") else text + "."


def _value(raw: str) -> str:
    if not raw:
        return "blank"
    for shape in ("%Y-%m-%d", "%d/%m/%Y"):  # the census's dates, and the 903's
        try:
            return datetime.datetime.strptime(raw, shape).strftime("%-d %b %Y")
        except ValueError:
            pass
    return raw


def record(table: str, values: dict) -> str:
    """'Assessment: assessment start 3 Jun 2024, assessment authorised blank'."""
    name = RECORDS.get(table, table)
    shown = ", ".join(
        f"{ITEMS.get(k, k)} {_value(v)}" for k, v in values.items() if k not in ("LAchildID", "CHILD")
    )
    return f"{name}: {shown}" if shown else name


def describe(issue, message: str) -> str:
    """One line for a command's output or a fix request."""
    kind = "Error" if issue.kind == "error" else "Query"
    who = f"child {issue.child}" if issue.child else "the whole return"
    where = record(issue.table, issue.values) if issue.table else ""
    return f"{kind} {issue.rule_code} ({who}{'; ' + where if where else ''}): {sentence(message)}"
