"""Calibration to England: the table's arithmetic, hand-worked figures, the command on a tiny council."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from council.models import PopulationCount
from familyhelp.models import Assessment, AssessmentFactorRecord
from frontdoor.codes import ContactOutcome
from frontdoor.models import Contact, ContactDecision
from performance.calibration import england_journey
from performance.calibration.england_journey import Year, plan_duration_band
from performance.calibration.figures import Figure
from protection.codes import AbuseCategory, ConferenceKind, ConferenceOutcome, StrategyOutcome
from protection.models import ChildProtectionConference, ChildProtectionPlan, Section47, StrategyDiscussion
from tests.factories.journey import child, referral, worker

D = datetime.date
AS_AT = D(2025, 3, 31)


def test_a_figure_is_within_15_percent_of_its_reference_either_side():
    assert Figure("x", 115.0, 100.0, "%", "s").within and Figure("x", 85.0, 100.0, "%", "s").within
    assert not Figure("x", 115.1, 100.0, "%", "s").within and not Figure("x", 84.9, 100.0, "%", "s").within
    assert Figure("x", 26.4, 23.0, "%", "s").within  # 23 + 3.45 = 26.45
    assert not Figure("x", 26.5, 23.0, "%", "s").within


def test_plan_duration_bands_count_calendar_months_to_the_day():
    assert plan_duration_band(D(2024, 6, 1), D(2024, 9, 1)) == "3 months or less"
    assert plan_duration_band(D(2024, 6, 1), D(2024, 9, 2)) == "3 to 6 months"
    # 30 November plus 3 months is 28 February (no 30 February); 29 February in a leap year.
    assert plan_duration_band(D(2024, 11, 30), D(2025, 2, 28)) == "3 months or less"
    assert plan_duration_band(D(2024, 11, 30), D(2025, 3, 1)) == "3 to 6 months"
    assert plan_duration_band(D(2023, 11, 30), D(2024, 2, 29)) == "3 months or less"
    assert plan_duration_band(D(2024, 1, 15), D(2024, 10, 15)) == "6 months to 1 year"
    assert plan_duration_band(D(2024, 1, 15), D(2025, 1, 15)) == "6 months to 1 year"
    assert plan_duration_band(D(2024, 1, 15), D(2025, 1, 16)) == "1 to 2 years"
    assert plan_duration_band(D(2022, 1, 15), D(2024, 1, 16)) == "2 years or more"


def test_the_year_is_the_twelve_months_to_the_day():
    assert Year.to(AS_AT) == Year(D(2024, 4, 1), AS_AT)
    assert Year.to(D(2024, 2, 29)) == Year(D(2023, 3, 1), D(2024, 2, 29))


def _plan(person, start, end):
    return ChildProtectionPlan.objects.create(
        referral=referral(person, start - datetime.timedelta(days=30)),
        person=person,
        start_date=start,
        end_date=end,
        initial_category=AbuseCategory.NEGLECT,
        latest_category=AbuseCategory.NEGLECT,
    )


def _enquiry(person, start, icpc=None):
    ref = referral(person, start)
    discussion = StrategyDiscussion.objects.create(
        referral=ref, person=person, held_on=start, outcome=StrategyOutcome.SECTION_47
    )
    enquiry = Section47.objects.create(
        referral=ref,
        person=person,
        strategy_discussion=discussion,
        start_date=start,
        icpc_not_required=icpc is None,
        completed_on=start + datetime.timedelta(days=10),
    )
    if icpc:
        ChildProtectionConference.objects.create(
            referral=ref,
            person=person,
            section47=enquiry,
            date=icpc,
            kind=ConferenceKind.INITIAL,
            outcome=ConferenceOutcome.NO_PLAN,
        )


def _assessment(person, authorised, codes):
    ref = referral(person, authorised - datetime.timedelta(days=40))
    assessment = Assessment.objects.create(
        referral=ref,
        person=person,
        start_date=ref.referral_date,
        authorisation_date=authorised,
        outcome="nfa",
    )
    for code in codes:
        AssessmentFactorRecord.objects.create(assessment=assessment, code=code)


def _contact(person, decided, outcome):
    at = timezone.make_aware(datetime.datetime.combine(decided, datetime.time(10)))
    contact = Contact.objects.create(person=person, source="6", received_at=at, recorded_at=at, summary="s")
    ContactDecision.objects.create(
        contact=contact, outcome=outcome, decided_at=at, decided_by=worker(), rationale="r"
    )


@pytest.mark.django_db
def test_census_figures_hand_worked():
    """Three plans ended in the year (one of 3 months to the day, one of 9 months, one a day over 3
    months), one before it and one open; two enquiries started in the year, one leading to a conference,
    one started in March 2024 whose conference was in April; two assessments completed in the year, one
    with no factors."""
    a, b, c, d = child(), child(), child(), child()
    _plan(a, D(2024, 6, 1), D(2024, 9, 1))
    _plan(b, D(2024, 1, 15), D(2024, 10, 15))
    _plan(c, D(2024, 11, 30), D(2025, 3, 1))
    _plan(d, D(2023, 12, 1), D(2024, 3, 20))
    _plan(d, D(2024, 12, 1), None)
    _enquiry(a, D(2024, 5, 1), icpc=D(2024, 5, 20))
    _enquiry(b, D(2024, 7, 1))
    _enquiry(c, D(2024, 3, 15), icpc=D(2024, 4, 2))
    _assessment(a, D(2024, 8, 1), ["21"])
    _assessment(b, D(2024, 8, 1), ["3A", "4B"])
    _assessment(c, D(2024, 3, 1), ["21"])
    counts = england_journey.census_counts(Year.to(AS_AT))
    assert (counts.plans_ended, counts.ended_within_3_months, counts.ended_6_to_12_months) == (3, 1, 1)
    assert (counts.section47s, counts.section47s_to_icpc) == (2, 1)
    assert (counts.assessments, counts.no_factors) == (2, 1)

    PopulationCount.objects.bulk_create(
        PopulationCount(year=2024, age=age, sex="F", count=1_000) for age in range(20)
    )
    figures = {f.label: f for f in england_journey.figures(AS_AT)}
    assert figures["CP plans ended in the year that lasted 3 months or less"].value == 33.3
    assert figures["Section 47 enquiries started in the year"].value == 1.1  # 2 of 18,000 children under 18
    assert figures["Section 47 enquiries leading to an initial conference"].value == 50.0
    assert figures["Assessments completed with no factors identified (code 21)"].value == 50.0


@pytest.mark.django_db
def test_contacts_becoming_referrals_counts_decisions_in_the_year():
    person = child()
    _contact(person, D(2024, 4, 1), ContactOutcome.REFERRAL)
    _contact(person, D(2024, 6, 1), ContactOutcome.STRATEGY_DISCUSSION)
    for day in (D(2024, 7, 1), D(2024, 8, 1), D(2025, 3, 31)):
        _contact(person, day, ContactOutcome.ADVICE)
    _contact(person, D(2024, 12, 1), ContactOutcome.FAMILY_HELP)
    _contact(person, D(2024, 3, 31), ContactOutcome.REFERRAL)  # the year before
    assert england_journey.contacts_to_referrals(Year.to(AS_AT)) == (2, 6)


@pytest.mark.django_db
def test_the_command_prints_every_figure_for_a_tiny_council():
    call_command(
        "generate_la", "--seed", "7", "--scale", "tiny", "--as-at", AS_AT.isoformat(), stdout=io.StringIO()
    )
    out = io.StringIO()
    call_command("england_calibration", "--as-at", AS_AT.isoformat(), stdout=out)
    text = out.getvalue()
    for figure in england_journey.figures(AS_AT):
        assert figure.label in text and figure.source in text
    assert "figures within 15%" in text


def test_the_command_refuses_a_date_it_cannot_read():
    with pytest.raises(CommandError, match="--as-at: '31/03/2025' is not a date like 2025-03-31"):
        call_command("england_calibration", "--as-at", "31/03/2025", stdout=io.StringIO())
