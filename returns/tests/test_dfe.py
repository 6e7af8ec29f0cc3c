"""Running the DfE-aligned validators: their own environment, the census read as they read it, the findings
mapped to Thrive's issues, and what Thrive shows apart (validator defects, in-year queries not yet due)."""

import datetime
import json
import subprocess

import pytest

from returns import cin, dfe, timing
from returns.dfe import Facts, Finding
from returns.exporting import build, check
from returns.wording import describe, record, sentence
from returns.years import CollectionYear

from .builders import YEAR, cin_census_children, council

pytestmark = pytest.mark.django_db


def runner(*args) -> dict:
    done = subprocess.run(
        [str(dfe.python()), str(dfe.RUNNER), *map(str, args)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "0"},
    )
    return json.loads(done.stdout)


def test_the_fast_census_reader_finds_what_the_validators_own_reader_finds(tmp_path):
    council()
    children = cin_census_children()
    children[0].__class__.objects.filter(pk=children[0].pk).update(ethnicity="XXXX")
    build(cin, YEAR, tmp_path / "cin.xml")
    ours = runner("cin", tmp_path / "cin.xml", "--year", 2025)
    theirs = runner("cin", tmp_path / "cin.xml", "--year", 2025, "--own-ingress")
    assert ours["issues"] == theirs["issues"]
    assert {i["rule"] for i in ours["issues"]} >= {"4220"}


def test_a_check_is_kept_with_each_issue_mapped_to_the_child():
    council()
    children = cin_census_children()
    children[0].__class__.objects.filter(pk=children[0].pk).update(ethnicity="XXXX")
    outcome = check(cin, YEAR)
    assert outcome.run.ruleset == "cin2024_25" and outcome.run.validator.startswith("csc-validator-be-cin")
    (issue,) = [i for i in outcome.errors if i.rule_code == "4220"]
    assert (issue.child, issue.person_id, issue.table, issue.values["Ethnicity"]) == (
        "C0001",
        children[0].pk,
        "ChildCharacteristics",
        "XXXX",
    )
    assert "4220" in outcome.run.rules


def test_without_the_validators_the_message_says_how_to_install_them(settings, tmp_path):
    settings.THRIVE_VALIDATORS_PYTHON = str(tmp_path / "nowhere" / "python")
    with pytest.raises(dfe.ValidatorsMissing, match="make validators"):
        dfe.validate("cin", tmp_path / "cin.xml", 2025)


def finding(rule, child="1", **values) -> Finding:
    return Finding(rule, "error", "", child, "Episodes", 0, [], values)


def test_known_validator_defects_are_recognised():
    cross_episode = dfe.DEFECTS[("cin2025_26", "4003")][0]
    assert cross_episode(finding("4003", child="7"), Facts(review_in_cin_plan={"8"}))
    assert not cross_episode(finding("4003", child="8"), Facts(review_in_cin_plan={"8"}))


def test_the_903_has_no_defects_left():
    """The 903's findings that once needed setting apart (K3 in 2024-25, a leaver's open social worker
    episode,
    care or a missing period ending on 31 March) are avoided by the export and the synthetic council."""
    assert not [key for key in dfe.DEFECTS if key[0].startswith("lac")]


def test_the_census_4003_check_pairs_each_review_with_its_own_plan(tmp_path):
    path = tmp_path / "cin.xml"
    path.write_text(
        "<Message><Children><Child><ChildIdentifiers><LAchildID>A</LAchildID></ChildIdentifiers>"
        "<CINdetails><CINPlanDates><CINPlanStartDate>2025-05-22</CINPlanStartDate>"
        "<CINPlanEndDate>2025-08-13</CINPlanEndDate></CINPlanDates><ChildProtectionPlans>"
        "<CPPendDate>2025-05-22</CPPendDate><Reviews><CPPreviewDate>2025-05-22</CPPreviewDate></Reviews>"
        "</ChildProtectionPlans></CINdetails></Child>"
        "<Child><ChildIdentifiers><LAchildID>B</LAchildID></ChildIdentifiers>"
        "<CINdetails><CINPlanDates><CINPlanStartDate>2025-05-01</CINPlanStartDate>"
        "<CINPlanEndDate>2025-08-13</CINPlanEndDate></CINPlanDates><ChildProtectionPlans>"
        "<CPPendDate>2025-07-01</CPPendDate><Reviews><CPPreviewDate>2025-05-22</CPPreviewDate></Reviews>"
        "</ChildProtectionPlans></CINdetails></Child></Children></Message>"
    )
    assert Facts.of("cin", path, 2026).review_in_cin_plan == {"B"}


def test_in_year_queries_wait_until_their_timescale_has_run_out():
    year = CollectionYear(2027)
    today = datetime.date(2026, 12, 2)
    old = Finding(
        "8670Q", "query", "", "1", "Assessments", 0, [], {"AssessmentActualStartDate": "2026-06-01"}
    )
    new = Finding(
        "8670Q", "query", "", "1", "Assessments", 0, [], {"AssessmentActualStartDate": "2026-11-20"}
    )
    assert not timing.not_yet_due(old, year, today)
    assert timing.not_yet_due(new, year, today)
    assert not timing.not_yet_due(new, year, datetime.date(2027, 3, 31))  # at the reference date it counts
    sdq = Finding("186", "error", "", "1", "OC2", 0, [], {})
    assert timing.not_yet_due(sdq, year, today) and not timing.not_yet_due(sdq, CollectionYear(2026), today)
    epo = Finding("362", "error", "", "1", "Episodes", 0, [], {"DECOM": "02/12/2026", "DEC": "31/03/2027"})
    assert timing.not_yet_due(epo, year, today)
    assert not timing.not_yet_due(epo, year, datetime.date(2026, 12, 24))


def test_messages_read_as_sentences():
    assert sentence(
        "Please check and either amend data or provide a reason: Assessment started more than 45 "
        "working days before the end of the census year"
    ) == ("Assessment started more than 45 working days before the end of the census year.")
    assert sentence("Date social worker episode began is not a valid date..") == (
        "Date social worker episode began is not a valid date."
    )
    assert record(
        "Assessments", {"AssessmentActualStartDate": "2024-06-03", "AssessmentAuthorisationDate": ""}
    ) == ("Assessment: assessment start 3 Jun 2024, assessment authorised blank")
    assert record("Episodes", {"DECOM": "01/04/2024"}) == "Episode: episode start 1 Apr 2024"


def test_describe_names_the_child_the_record_and_the_rule():
    class Issue:
        kind, rule_code, child, table, values = (
            "query",
            "8670Q",
            "C1",
            "Assessments",
            {"AssessmentActualStartDate": "2024-06-03"},
        )

    assert describe(Issue(), "Please check and either amend data or provide a reason: Open too long") == (
        "Query 8670Q (child C1; Assessment: assessment start 3 Jun 2024): Open too long."
    )
