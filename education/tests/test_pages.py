"""Education pages through the test client: each flow, its access rule and audit, its errors."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from access.models import Involvement, RecordView, Role, TeamKind
from education.models import (
    AttendanceOrderStep,
    CmeReferral,
    EhcPlan,
    EhcRequest,
    Enquiry,
    Exclusion,
    HomeEducationNotice,
    PepQualityAssurance,
    PmeReferral,
    RegisterEntry,
)
from education.tests.builders import cp_plan, education_team, officer, school, virtual_school_officer
from tests.factories import (
    allocated_child,
    date_fields,
    involve,
    make_person,
    make_team,
    make_user,
    police_officer,
)
from tests.factories.care import child_in_care

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@pytest.fixture
def team():
    return education_team()


@pytest.fixture
def eda(client, team):
    user = officer(team)
    client.force_login(user)
    return user


def start_url(child, kind: str) -> str:
    return f"{reverse('education:start', args=[child.pk])}?kind={kind}"


def notice_data(on, a_school):
    return {
        **date_fields("received_on", on),
        "school": a_school.pk,
        "reason": "mental_health",
        "home_address": "1 High Street, Shireton",
        "parents": "Alex Parent, 1 High Street",
        "educating_parents": "Alex Parent",
        "parent_hours": "20",
    }


def test_an_officer_finds_a_child_by_council_id_and_records_a_notice_which_opens_the_register(
    client, eda, team
):
    child = make_person(birth_date=datetime.date(2013, 4, 1))
    found = client.get(reverse("education:find"), {"la_id": child.la_id.lower()})
    assert child.full_name in found.content.decode()
    response = client.post(start_url(child, "notice"), notice_data(TODAY(), school()))
    assert response.status_code == 302 and response["Location"] == reverse(
        "education:record", args=[child.pk]
    )
    entry = RegisterEntry.objects.get(person=child)
    assert entry.parent_hours == 20 and entry.educating_parents == "Alex Parent"
    assert Involvement.objects.filter(person=child, team=team, end_date=None).exists()
    assert RecordView.objects.filter(person=child, user=eda, basis__contains="identity only").exists()
    page = client.get(reverse("education:record", args=[child.pk]))
    assert page.status_code == 200 and "Children Not in School register" in page.content.decode()
    assert client.get(reverse("education:register")).content.decode().count(child.full_name) == 1


def test_a_notice_with_no_date_names_the_field_and_saves_nothing(client, eda):
    child = make_person()
    response = client.post(start_url(child, "notice"), {"reason": "other"})
    assert response.status_code == 200 and "Enter the date" in response.content.decode()
    assert not HomeEducationNotice.objects.exists()


def test_a_notice_for_a_child_on_a_cp_plan_is_held_and_consent_refused_leads_to_a_notice_to_satisfy(
    client, eda
):
    child = make_person(birth_date=datetime.date(2012, 1, 1))
    cp_plan(child)
    client.post(start_url(child, "notice"), notice_data(TODAY(), school()))
    notice = HomeEducationNotice.objects.get(person=child)
    assert notice.held_for_consent
    page = client.get(reverse("education:record", args=[child.pk])).content.decode()
    assert "Held for consent" in page and "on a child protection plan" in page
    response = client.post(
        reverse("education:consent", args=[notice.pk]),
        {
            "decision": "refused",
            **date_fields("decided_on", TODAY()),
            "reasons": "School is a protective factor.",
        },
    )
    assert response.status_code == 302
    assert AttendanceOrderStep.objects.get(person=child).step == "notice"


def test_a_cp_worker_sees_the_education_card_but_cannot_record_education(client):
    child, worker, _, _ = allocated_child()
    cp_plan(child)
    client.force_login(worker)
    record = client.get(reverse("people:record", args=[child.pk])).content.decode()
    assert "Open the education record" in record
    assert client.get(reverse("education:record", args=[child.pk])).status_code == 200
    assert client.get(reverse("education:add_exclusion", args=[child.pk])).status_code == 403


def test_a_family_help_worker_without_protection_work_sees_no_education(client):
    child, worker, _, _ = allocated_child()
    client.force_login(worker)
    assert (
        "Open the education record"
        not in client.get(reverse("people:record", args=[child.pk])).content.decode()
    )
    assert client.get(reverse("education:record", args=[child.pk])).status_code == 403
    assert RecordView.objects.filter(person=child, user=worker).exists()  # the look is audited either way
    assert client.get(reverse("education:worklist")).status_code == 403


def test_a_police_officer_with_a_share_sees_no_education_and_no_one_without_a_relationship_does(client, eda):
    child = make_person()
    cp_plan(child)
    police = police_officer()
    client.force_login(police)
    assert client.get(reverse("education:record", args=[child.pk])).status_code == 403
    client.force_login(eda)
    assert (
        client.get(reverse("education:record", args=[child.pk])).status_code == 403
    )  # not yet open to the team
    assert RecordView.objects.filter(person=child, user=eda, allowed=False).exists()


def test_a_permanent_exclusion_of_a_child_with_a_social_worker_goes_on_the_virtual_schools_worklist(
    client, eda
):
    child, social_worker, _, _ = allocated_child(birth_date=datetime.date(2011, 5, 5))
    vs_team = make_team("Virtual School", kind=TeamKind.VIRTUAL_SCHOOL)
    vera = virtual_school_officer(vs_team)
    start = TODAY() - datetime.timedelta(days=30)
    response = client.post(
        start_url(child, "exclusion"),
        {"school": school().pk, "kind": "permanent", **date_fields("start_date", start), "reason": "PA"},
    )
    assert response.status_code == 302
    exclusion = Exclusion.objects.get(person=child)
    assert exclusion.provision_due > start
    client.force_login(vera)
    page = client.get(reverse("education:virtual_school")).content.decode()
    assert child.full_name in page and "sixth school day" in page
    client.force_login(eda)
    saved = client.post(
        reverse("education:provision", args=[exclusion.pk]),
        {
            **date_fields("provision_from", min(exclusion.provision_due, TODAY())),
            "provision": "Short stay school",
        },
    )
    assert saved.status_code == 302
    assert child.full_name not in client.get(reverse("education:exclusions")).content.decode()


def test_missing_education_referral_visit_and_outcome(client, eda):
    child = make_person()
    client.post(
        start_url(child, "cme"),
        {**date_fields("received_on", TODAY()), "reason": "from_la"},
    )
    referral = CmeReferral.objects.get(person=child)
    assert child.full_name in client.get(reverse("education:missing")).content.decode()
    client.post(
        reverse("education:cme_check", args=[referral.pk]),
        {
            "kind": "home_visit",
            **date_fields("made_on", TODAY()),
            "child_seen": "on",
            "found": "Family moved in.",
        },
    )
    client.post(
        reverse("education:cme_outcome", args=[referral.pk]),
        {"outcome": "school_place", **date_fields("outcome_on", TODAY())},
    )
    referral.refresh_from_db()
    assert referral.outcome == "school_place" and Enquiry.objects.filter(cme=referral).count() == 1


def test_pupil_missing_education_two_step_triage_and_the_waiting_list(client, eda):
    child = make_person()
    client.post(
        start_url(child, "pme"),
        {"school": school().pk, **date_fields("received_on", TODAY()), "reason": "mental_health"},
    )
    referral = PmeReferral.objects.get(person=child)
    client.post(
        reverse("education:triage", args=[referral.pk]),
        {**date_fields("on", TODAY()), "outcome": "second_step"},
    )
    client.post(
        reverse("education:triage", args=[referral.pk]),
        {**date_fields("on", TODAY()), "outcome": "waiting_list"},
    )
    referral.refresh_from_db()
    assert referral.waiting and referral.waiting_since == TODAY()
    assert child.full_name in client.get(reverse("education:waiting_list")).content.decode()
    client.post(
        reverse("education:allocate", args=[referral.pk]),
        {**date_fields("on", TODAY()), "outcome": "allocated"},
    )
    referral.refresh_from_db()
    assert referral.officer == eda and not referral.waiting


def test_ehc_request_decision_plan_and_review(client, eda):
    child = make_person()
    client.post(
        start_url(child, "ehc"),
        {**date_fields("received_on", TODAY()), "requested_by": "parent"},
    )
    request = EhcRequest.objects.get(person=child)
    client.post(
        reverse("education:ehc_decision", args=[request.pk]), {**date_fields("on", TODAY()), "yes": "True"}
    )
    client.post(
        reverse("education:ehc_decision", args=[request.pk]), {**date_fields("on", TODAY()), "yes": "True"}
    )
    client.post(
        reverse("education:ehc_plan", args=[request.pk]),
        {**date_fields("issued_on", TODAY()), "primary_need": "ASD", "school": school().pk},
    )
    plan = EhcPlan.objects.get(person=child)
    client.post(
        reverse("education:annual_review", args=[plan.pk]),
        {**date_fields("held_on", TODAY()), "outcome": "maintain"},
    )
    plan.refresh_from_db()
    assert plan.reviews.count() == 1 and plan.next_review_due.year == TODAY().year + 1
    assert client.get(reverse("education:send")).status_code == 200


def test_the_virtual_school_quality_assures_a_pep_section_by_section(client):
    from care.models import PersonalEducationPlan

    vs_team = make_team("Virtual School", kind=TeamKind.VIRTUAL_SCHOOL)
    vera = virtual_school_officer(vs_team)
    period = child_in_care(start=TODAY() - datetime.timedelta(days=100))
    involve(period.person, team=vs_team, kind="team")
    pep = PersonalEducationPlan.objects.create(period=period, person=period.person, meeting_on=TODAY())
    client.force_login(vera)
    response = client.post(
        reverse("education:pep_quality", args=[pep.pk]),
        {
            **date_fields("assured_on", TODAY()),
            "rating": "amber",
            "section_voice": "green",
            "section_targets": "red",
            "feedback_targets": "Targets are not measurable.",
        },
    )
    assert response.status_code == 302
    quality = PepQualityAssurance.objects.get(pep=pep)
    assert quality.rating == "amber" and quality.sections.get(section="targets").rating == "red"
    client.post(
        reverse("education:pep_target", args=[pep.pk]),
        {"target": "Read 20 minutes a day", "pupil_premium_plus": "400"},
    )
    assert pep.smart_targets.count() == 1


def test_reports_are_aggregate_and_for_staff_who_may_read_them(client, eda):
    assert client.get(reverse("education:report")).status_code == 200
    assert client.get(reverse("education:virtual_school_report")).status_code == 200
    client.force_login(make_user(role=Role.SOCIAL_WORKER))
    assert client.get(reverse("education:report")).status_code == 403
