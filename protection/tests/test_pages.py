"""Child protection through its pages: strategy discussion to plan, reviews, ending, visits."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from access.models import Involvement, InvolvementKind, Role, TeamKind
from frontdoor.codes import ReferralSource
from frontdoor.models import Referral
from protection.codes import AbuseCategory, ConferenceKind
from protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    Section47,
    StrategyDiscussion,
    Visit,
)
from tests.factories import allocated_child, date_fields, make_team, make_user
from timescales import registry

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def attendees(*rows):
    data = {}
    for n, (name, agency) in enumerate(rows, start=1):
        data |= {f"attendee_name_{n}": name, f"attendee_agency_{n}": agency}
    return data


THREE_AGENCIES = attendees(("Jo Allocated", "social_care"), ("DC Lee", "police"), ("Nurse Khan", "health"))


@pytest.fixture
def case():
    child, worker, manager, team = allocated_child()
    referral = Referral.objects.create(
        person=child,
        referral_date=TODAY() - datetime.timedelta(days=10),
        source=ReferralSource.POLICE,
        team=team,
    )
    return child, worker, referral


def strategy_discussion(client, referral, held_on, outcome="s47", rows=THREE_AGENCIES):
    return client.post(
        reverse("protection:strategy", args=[referral.pk]),
        {"outcome": outcome, "notes": "Injury to face", **date_fields("held_on", held_on), **rows},
    )


def test_strategy_discussion_with_attendees_leads_to_a_section_47(client, case):
    child, worker, referral = case
    client.force_login(worker)
    held_on = TODAY() - datetime.timedelta(days=5)

    response = strategy_discussion(client, referral, held_on)

    discussion = StrategyDiscussion.objects.get()
    assert list(discussion.attendees.values_list("agency", flat=True)) == ["social_care", "police", "health"]
    assert response.url == reverse("protection:start_section47", args=[discussion.pk])

    response = client.post(response.url, date_fields("date", held_on))
    enquiry = Section47.objects.get()
    assert enquiry.icpc_due == registry.get("ICPC").due(held_on)
    page = client.get(response.url).content.decode()
    assert f"{enquiry.icpc_due:%-d %B %Y}" in page and "15 working days" in page


def test_an_attendee_without_an_agency_is_refused_naming_the_row(client, case):
    client.force_login(case[1])
    response = strategy_discussion(
        client, case[2], TODAY(), rows=attendees(("Jo", "social_care"), ("DC Lee", ""))
    )
    assert response.status_code == 200
    assert "Select the agency of attendee 2" in response.content.decode()
    assert not StrategyDiscussion.objects.exists()


def test_a_strategy_discussion_needs_someone_there(client, case):
    client.force_login(case[1])
    response = strategy_discussion(client, case[2], TODAY(), rows={})
    assert "Enter the name and agency of at least one attendee" in response.content.decode()


@pytest.fixture
def enquiry(case):
    child, worker, referral = case
    discussion = StrategyDiscussion.objects.create(
        referral=referral, person=child, held_on=TODAY() - datetime.timedelta(days=8), outcome="s47"
    )
    return Section47.objects.create(
        referral=referral,
        person=child,
        strategy_discussion=discussion,
        start_date=discussion.held_on,
        outcome="icpc",
    )


@pytest.fixture
def macpt():
    team = make_team("Multi-Agency CP Team North", kind=TeamKind.MULTI_AGENCY_CP)
    return (
        team,
        make_user(teams=[team], first_name="Lee", last_name="Lead"),
        make_user(role=Role.IRO, first_name="Ira", last_name="Chair"),
    )


def icpc(client, enquiry, macpt, rows=THREE_AGENCIES, **extra):
    team, lead, chair = macpt
    return client.post(
        reverse("protection:initial_conference", args=[enquiry.pk]),
        {
            "outcome": "plan",
            "category": AbuseCategory.PHYSICAL,
            "team": team.pk,
            "lead_practitioner": lead.pk,
            "chair": chair.pk,
            **date_fields("date", TODAY()),
            **rows,
            **extra,
        },
    )


def test_initial_conference_makes_a_plan_held_by_the_macpt_and_lead_practitioner(
    client, case, enquiry, macpt
):
    child, worker, _ = case
    team, lead, chair = macpt
    client.force_login(worker)

    response = icpc(client, enquiry, macpt)

    plan = ChildProtectionPlan.objects.get()
    assert (
        plan.initial_category == AbuseCategory.PHYSICAL
        and plan.team == team
        and plan.lead_practitioner == lead
    )
    assert plan.next_review_due == registry.get("CP_REVIEW_FIRST").due(TODAY())
    current = Involvement.objects.filter(person=child, end_date=None)
    assert current.filter(kind=InvolvementKind.LEAD_CP_PRACTITIONER, user=lead, team=team).exists()
    assert current.filter(kind=InvolvementKind.TEAM, team=team, user=None).exists()
    assert current.filter(kind=InvolvementKind.CONFERENCE_CHAIR, user=chair).exists()
    page = client.get(response.url).content.decode()
    assert "Quorate" in page and "Not quorate" not in page

    client.force_login(lead)  # the lead practitioner can now open the plan
    page = client.get(reverse("protection:plan", args=[plan.pk])).content.decode()
    assert f"{plan.next_review_due:%-d %B %Y}" in page and "Multi-Agency CP Team North" in page


def test_a_conference_of_two_agencies_is_shown_not_quorate(client, case, enquiry, macpt):
    client.force_login(case[1])
    response = icpc(client, enquiry, macpt, rows=attendees(("Jo", "social_care"), ("DC Lee", "police")))
    assert "Not quorate" in client.get(response.url).content.decode()


def test_a_plan_needs_its_category_team_and_lead(client, case, enquiry, macpt):
    client.force_login(case[1])
    response = icpc(client, enquiry, macpt, category="", team="", lead_practitioner="")
    content = response.content.decode()
    for message in [
        "Select the category of abuse for the plan",
        "Select the multi-agency child protection team for the plan",
        "Select the lead child protection practitioner for the plan",
    ]:
        assert message in content
    assert not ChildProtectionPlan.objects.exists() and not ChildProtectionConference.objects.exists()


def test_no_plan_decision_creates_no_plan(client, case, enquiry, macpt):
    client.force_login(case[1])
    icpc(client, enquiry, macpt, outcome="no_plan", category="", team="", lead_practitioner="")
    assert (
        ChildProtectionConference.objects.get().outcome == "no_plan"
        and not ChildProtectionPlan.objects.exists()
    )


@pytest.fixture
def plan(case, enquiry, macpt, client):
    client.force_login(case[1])
    icpc(client, enquiry, macpt)
    return ChildProtectionPlan.objects.get()


def test_review_conference_moves_the_next_review_on(client, case, plan, macpt):
    client.post(
        reverse("protection:review_conference", args=[plan.pk]),
        {
            "outcome": "continue",
            "chair": macpt[2].pk,
            "category": AbuseCategory.EMOTIONAL,
            **date_fields("date", TODAY()),
            **THREE_AGENCIES,
        },
    )
    plan.refresh_from_db()
    assert plan.conferences.filter(kind=ConferenceKind.REVIEW).count() == 1
    assert plan.next_review_due == registry.get("CP_REVIEW_SUBSEQUENT").due(TODAY())
    assert plan.latest_category == AbuseCategory.EMOTIONAL


def test_review_deciding_the_plan_ends_ends_it_and_the_plan_holders_access(client, case, plan, macpt):
    child = case[0]
    client.post(
        reverse("protection:review_conference", args=[plan.pk]),
        {"outcome": "end", "chair": macpt[2].pk, **date_fields("date", TODAY()), **THREE_AGENCIES},
    )
    plan.refresh_from_db()
    assert plan.end_date == TODAY() and plan.next_review_due is None
    ended = Involvement.objects.filter(person=child, kind__in=["lead_cp_practitioner", "team", "chair"])
    assert ended.count() == 3 and all(i.end_date == TODAY() for i in ended)
    assert child.involvements.get(kind=InvolvementKind.ALLOCATED_WORKER).end_date is None


def test_end_plan_page(client, plan):
    client.post(reverse("protection:end_plan", args=[plan.pk]), date_fields("date", TODAY()))
    plan.refresh_from_db()
    assert plan.end_date == TODAY()


def test_recording_a_visit(client, case, plan):
    child, worker, _ = case
    response = client.post(
        reverse("protection:record_visit", args=[child.pk]),
        {
            "kind": "cp",
            "child_seen": "on",
            "seen_alone": "on",
            "notes": "Bedroom seen",
            **date_fields("visited_on", TODAY()),
        },
    )
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert visit.visited_by == worker and visit.seen_alone
    assert "Bedroom seen" in client.get(reverse("people:record", args=[child.pk])).content.decode()


def test_a_visit_in_the_future_is_refused(client, case):
    client.force_login(case[1])
    response = client.post(
        reverse("protection:record_visit", args=[case[0].pk]),
        {"kind": "cp", **date_fields("visited_on", TODAY() + datetime.timedelta(days=1))},
    )
    assert "Date of the visit must be today or in the past" in response.content.decode()


def test_recording_the_first_core_group_meeting(client, case, plan):
    page = client.get(reverse("protection:plan", args=[plan.pk])).content.decode()
    assert "None recorded: the first is due within 10 working days" in page
    response = client.post(
        reverse("protection:core_group", args=[plan.pk]),
        date_fields("held_on", plan.start_date - datetime.timedelta(days=1)),
    )
    assert "The date must be on or after the start of the plan" in response.content.decode()
    client.post(reverse("protection:core_group", args=[plan.pk]), date_fields("held_on", TODAY()))
    assert plan.core_groups.get().held_on == TODAY()
    assert f"{TODAY():%-d %B %Y}" in client.get(reverse("protection:plan", args=[plan.pk])).content.decode()


def test_the_core_group_page_is_refused_without_access_and_audited(client, plan):
    from access.models import RecordView
    from tests.factories import police_officer

    officer = police_officer()
    client.force_login(officer)
    assert client.get(reverse("protection:core_group", args=[plan.pk])).status_code == 403
    assert RecordView.objects.filter(user=officer, allowed=False).exists()


def test_core_groups_are_casework_the_chair_and_the_police_in_the_team_read_the_plan_but_do_not_record_them(
    client, plan, macpt
):
    from access.models import AgencyKind, RecordView
    from tests.factories import police_officer

    team, _, chair = macpt
    officer = police_officer(teams=[team])
    assert officer.agency.kind == AgencyKind.POLICE
    url = reverse("protection:core_group", args=[plan.pk])
    client.force_login(chair)  # the conference chair records the review conference, not the core group
    page = client.get(reverse("protection:plan", args=[plan.pk])).content.decode()
    assert "Record a review conference" in page and url not in page
    assert client.post(url, date_fields("held_on", TODAY())).status_code == 403
    client.force_login(officer)  # a partner's seat in the multi-agency team reads and never records
    page = client.get(reverse("protection:plan", args=[plan.pk])).content.decode()
    assert "Core group meetings" in page and url not in page
    assert client.post(url, date_fields("held_on", TODAY())).status_code == 403
    refusal = RecordView.objects.filter(user=officer, path=url).get()
    assert not refusal.allowed and refusal.basis_kind == "multi_agency"
    assert not plan.core_groups.exists()
