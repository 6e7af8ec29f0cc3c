"""Hand-worked cases for the rules most likely to matter: each case is the smallest child that breaks one."""
import datetime

import pytest

from returns.validation.rules import CIN, SSDA903
from returns.years import CollectionYear

# Working-day rules read the council's closure days from the database.
pytestmark = pytest.mark.django_db

D = datetime.date
YEAR = CollectionYear(2025)


def codes(registry, child):
    return {rule.code for rule in registry.for_year(YEAR.year) if not rule.whole_return
            for _ in rule.check(child, YEAR)}


def clean_child(**changes):
    child = {
        "LAchildID": "C1", "UPN": None, "UPNunknown": None, "PersonBirthDate": D(2022, 5, 1),
        "ExpectedPersonBirthDate": None, "Sex": "F", "PersonDeathDate": None, "Ethnicity": "WBRI",
        "Disabilities": ["NONE"],
        "CINdetails": [{
            "CINreferralDate": D(2024, 5, 1), "ReferralSource": "2A", "PrimaryNeedCode": "N1",
            "CINclosureDate": None, "ReasonForClosure": None, "DateOfInitialCPC": None, "ReferralNFA": False,
            "Assessments": [{"AssessmentActualStartDate": D(2024, 5, 2), "AssessmentAuthorisationDate": D(2024, 6, 1),
                             "FactorsIdentifiedAtAssessment": ["3B"]}],
            "CINPlanDates": [{"CINPlanStartDate": D(2024, 6, 2), "CINPlanEndDate": None}],
            "Section47": [], "ChildProtectionPlans": [],
        }],
    }
    child.update(changes)
    return child


def episode(**changes):
    details = clean_child()["CINdetails"][0]
    details.update(changes)
    return clean_child(CINdetails=[details])


def test_a_clean_child_breaks_no_rule():
    assert codes(CIN, clean_child()) == set()


def test_upn_check_letter():
    assert "1510" in codes(CIN, clean_child(UPN="A801200001001"))  # H is the right letter
    assert "1510" not in codes(CIN, clean_child(UPN="H801200001001"))


def test_upn_la_code_and_digits():
    assert "1530" in codes(CIN, clean_child(UPN="A000200001001"))
    assert "1540" in codes(CIN, clean_child(UPN="A80120000X001"))


def test_sex_for_unborn_children():
    unborn = clean_child(PersonBirthDate=None, ExpectedPersonBirthDate=D(2025, 6, 1), Sex="F")
    assert "8750" in codes(CIN, unborn)
    assert "4180" in codes(CIN, clean_child(Sex="1"))


def test_closure_needs_a_reason_and_a_date_in_the_year():
    assert "8805" in codes(CIN, episode(CINclosureDate=D(2024, 9, 1)))
    assert "8620" in codes(CIN, episode(CINclosureDate=D(2025, 4, 2), ReasonForClosure="RC7"))
    assert "8630" in codes(CIN, episode(CINclosureDate=D(2024, 4, 2), ReasonForClosure="RC7"))


def test_assessment_dates():
    started_early = [{"AssessmentActualStartDate": D(2024, 4, 30), "AssessmentAuthorisationDate": D(2024, 6, 1),
                      "FactorsIdentifiedAtAssessment": ["3B"]}]
    assert "1103" in codes(CIN, episode(Assessments=started_early))
    with_21 = [{"AssessmentActualStartDate": D(2024, 5, 2), "AssessmentAuthorisationDate": D(2024, 6, 1),
                "FactorsIdentifiedAtAssessment": ["21", "3B"]}]
    assert "8869" in codes(CIN, episode(Assessments=with_21))


def test_an_open_assessment_older_than_45_working_days_is_queried():
    # 2 January 2025 to 31 March 2025 is 61 working days.
    open_assessment = [{"AssessmentActualStartDate": D(2025, 1, 2), "AssessmentAuthorisationDate": None,
                        "FactorsIdentifiedAtAssessment": []}]
    assert "8670Q" in codes(CIN, episode(Assessments=open_assessment))


def test_a_cp_plan_starts_at_its_conference():
    plan = [{"CPPstartDate": D(2024, 6, 10), "CPPendDate": None, "InitialCategoryOfAbuse": "NEG",
             "LatestCategoryOfAbuse": "NEG", "NumberOfPreviousCPP": 0, "Reviews": [D(2024, 6, 10)]}]
    found = codes(CIN, episode(ChildProtectionPlans=plan, CINPlanDates=[]))
    assert {"2885", "8841"} <= found
    enquiry = [{"S47ActualStartDate": D(2024, 5, 20), "InitialCPCtarget": D(2024, 6, 10),
                "DateOfInitialCPC": D(2024, 6, 10), "ICPCnotRequired": False}]
    plan[0]["Reviews"] = [D(2024, 9, 9)]
    assert codes(CIN, episode(ChildProtectionPlans=plan, CINPlanDates=[], Section47=enquiry)) == set()


def test_a_cin_plan_cannot_run_alongside_a_cp_plan():
    plan = [{"CPPstartDate": D(2024, 7, 1), "CPPendDate": None, "InitialCategoryOfAbuse": "NEG",
             "LatestCategoryOfAbuse": "NEG", "NumberOfPreviousCPP": 0, "Reviews": []}]
    assert "4001" in codes(CIN, episode(ChildProtectionPlans=plan))


def test_conference_at_the_weekend():
    enquiry = [{"S47ActualStartDate": D(2024, 5, 20), "InitialCPCtarget": D(2024, 6, 8),
                "DateOfInitialCPC": D(2024, 6, 8), "ICPCnotRequired": False}]  # Saturday
    assert {"8875", "8870Q"} <= codes(CIN, episode(Section47=enquiry))


def child_looked_after(**header):
    row = {"CHILD": "L1", "SEX": "M", "DOB": D(2015, 1, 1), "ETHNIC": "WBRI", "UPN": "UN1", "MOTHER": None,
           "MC_DOB": None, **header}
    return {"CHILD": "L1", "Header": [row], "Episodes": [
        {"CHILD": "L1", "DECOM": D(2024, 5, 1), "RNE": "S", "LS": "C2", "CIN": "N1", "PLACE": "U6",
         "PLACE_PROVIDER": "PR1", "DEC": None, "REC": None, "REASON_PLACE_CHANGE": None, "HOME_POST": "LE1 1AA",
         "PL_POST": "LE2 2BB", "URN": "SC123456"}], "Reviews": [],
        "SWEpisodes": [{"CHILD": "L1", "SW_ID": "SW100201", "SW_DECOM": D(2024, 5, 1), "SW_DEC": None,
                        "SW_REASON": None}]}


def test_a_clean_looked_after_child_breaks_no_903_rule():
    assert codes(SSDA903, child_looked_after()) == set()


def test_903_provider_and_urn():
    child = child_looked_after()
    child["Episodes"][0].update(PLACE="P1", PLACE_PROVIDER="PR1", URN="SC123456")
    assert {"527", "222"} <= codes(SSDA903, child)


def test_903_girls_looked_after_say_whether_they_are_mothers():
    assert "393" in codes(SSDA903, child_looked_after(SEX="F"))
    assert "393" not in codes(SSDA903, child_looked_after(SEX="F", MOTHER=False))


def test_903_review_participation_by_age():
    child = child_looked_after(DOB=D(2022, 1, 1))
    child["Reviews"] = [{"REVIEW": D(2024, 6, 1), "REVIEW_CODE": "PN1"}]
    assert "441" in codes(SSDA903, child)


def test_903_social_worker_episodes():
    assert "SW01STG1" in codes(SSDA903, {**child_looked_after(), "SWEpisodes": []})
    child = child_looked_after()
    child["SWEpisodes"] = [
        {"SW_ID": "", "SW_DECOM": D(2024, 5, 1), "SW_DEC": None, "SW_REASON": None},
        {"SW_ID": "SW100202", "SW_DECOM": D(2024, 9, 1), "SW_DEC": D(2024, 9, 1), "SW_REASON": "BORED"}]
    assert {"SW02STG1", "SW08STG2", "SW09STG2", "SW13STG1"} <= codes(SSDA903, child)


def test_social_work_england_numbers():
    from django.core.exceptions import ValidationError

    from access.models import SWE_NUMBER
    SWE_NUMBER("SW123456")
    for wrong in ("123456", "SW12345678", "SWX1"):
        with pytest.raises(ValidationError):
            SWE_NUMBER(wrong)
