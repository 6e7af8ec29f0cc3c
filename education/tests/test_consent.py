"""Home education notices, consent and the route back to school, read from Thrive's own CP records."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from education import services
from education.codes import Decision, RegisterBasis, SaoStep, Suitability
from education.models import AttendanceOrderStep, CmeReferral, RegisterEntry
from education.tests.builders import cp_plan, officer, school, section47
from tests.factories import make_person

pytestmark = pytest.mark.django_db
D = datetime.date


def notice(person, on=datetime.date(2025, 10, 13), **fields):
    return services.receive_notice(
        person,
        received_on=on,
        reason="mental_health",
        school=school(),
        home_address="1 High Street",
        parents="A Parent, 1 High Street",
        **fields,
    )


def test_a_notice_for_a_child_with_no_protection_work_opens_a_register_entry():
    child = make_person(birth_date=D(2013, 5, 1))
    made = notice(child, parent_hours=20)
    assert not made.consent_needed and made.entry.basis == RegisterBasis.HOME_EDUCATED
    assert made.entry.parent_hours == 20 and made.entry.parents.startswith("A Parent")


def test_a_notice_for_a_child_on_a_cp_plan_is_held_for_consent_with_its_due_date():
    child = make_person(birth_date=D(2013, 5, 1))
    cp_plan(child, start=D(2025, 6, 1))
    made = notice(child)
    assert made.consent_needed and made.held_for_consent and made.entry is None
    assert "child protection plan since 1 June 2025" in made.consent_basis
    assert made.consent_due == D(2025, 11, 3)  # 15 school days, no holidays in this test's calendar
    assert not RegisterEntry.objects.filter(person=child).exists()


def test_a_notice_during_a_section_47_enquiry_needs_consent_but_not_after_it_ends():
    during, after = make_person(), make_person()
    section47(during, start=D(2025, 10, 1))
    section47(after, start=D(2025, 9, 1), completed=D(2025, 9, 20))
    assert notice(during).consent_needed
    assert not notice(after).consent_needed


def test_a_plan_that_ended_before_the_notice_does_not_hold_it():
    child = make_person()
    cp_plan(child, start=D(2024, 1, 1), end=D(2025, 3, 1))
    assert not notice(child).consent_needed


def test_refused_consent_serves_a_notice_to_satisfy_with_the_parents_15_days():
    child = make_person()
    cp_plan(child, start=D(2025, 6, 1))
    held = notice(child)
    decision = services.decide_consent(
        held,
        decision=Decision.REFUSED,
        decided_on=D(2025, 11, 7),
        decided_by=officer(),
        reasons="Attendance is a protective factor.",
    )
    step = AttendanceOrderStep.objects.get(person=child)
    assert decision.decided_by.role == "education_officer"
    assert step.step == SaoStep.NOTICE_TO_SATISFY and step.response_due == D(2025, 11, 21)
    held.refresh_from_db()
    assert held.entry is None


def test_consent_given_puts_the_child_on_the_register():
    child = make_person()
    cp_plan(child, start=D(2025, 6, 1))
    held = notice(child)
    services.decide_consent(
        held,
        decision=Decision.GIVEN,
        decided_on=D(2025, 10, 20),
        decided_by=officer(),
        reasons="Visits agreed.",
    )
    held.refresh_from_db()
    assert held.entry.opened_on == D(2025, 10, 20) and not AttendanceOrderStep.objects.exists()


def test_a_decision_before_the_notice_is_refused_naming_the_field():
    child = make_person()
    cp_plan(child, start=D(2025, 6, 1))
    with pytest.raises(ValidationError) as error:
        services.decide_consent(
            notice(child),
            decision=Decision.GIVEN,
            decided_on=D(2025, 10, 1),
            decided_by=officer(),
            reasons="x",
        )
    assert "decided_on" in error.value.error_dict


def test_unsuitable_home_education_makes_the_child_missing_education():
    child = make_person()
    made = notice(child)
    referral = services.decide_suitability(
        made,
        suitability=Suitability.UNSUITABLE,
        decided_on=D(2025, 12, 1),
        reasons="No evidence of education.",
    )
    assert referral.reason == "unsuitable_ehe" and CmeReferral.objects.filter(person=child).count() == 1
    made.entry.refresh_from_db()
    assert made.entry.basis == RegisterBasis.NOT_IN_SCHOOL
    assert AttendanceOrderStep.objects.get(person=child).step == SaoStep.NOTICE_TO_SATISFY
