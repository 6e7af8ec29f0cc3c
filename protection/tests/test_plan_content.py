"""Plans with their content: what needs to change, actions with owners and dates, the core group and its
meetings (the first within 10 working days of the initial conference), and the plan printed for the family."""

import datetime

import pytest
from django.urls import reverse

from access.models import Disclosure
from familyhelp import services as familyhelp
from frontdoor.codes import ReferralSource
from frontdoor.models import Referral
from protection.codes import AbuseCategory, CoreGroupAgency
from protection.due import first_core_groups
from protection.models import ChildProtectionPlan, CoreGroupMeeting, PlanAction
from tests.factories import allocated_child, date_fields
from timescales import registry
from timescales.workdays import Calendar

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def case():
    child, worker, manager, team = allocated_child(forename="Mia")
    referral = Referral.objects.create(
        person=child, referral_date=D(2025, 12, 1), source=ReferralSource.POLICE, team=team
    )
    plan = ChildProtectionPlan.objects.create(
        referral=referral,
        person=child,
        start_date=D(2025, 12, 15),
        initial_category=AbuseCategory.NEGLECT,
        latest_category=AbuseCategory.NEGLECT,
    )
    return child, worker, plan, referral


def test_the_first_core_group_is_due_ten_working_days_after_the_conference_over_christmas():
    """ICPC Mon 15 Dec 2025: 25 and 26 Dec are bank holidays, so the 10th working day is Wed 31 Dec."""
    rule = registry.get("CP_CORE_GROUP_FIRST")
    assert rule.due(D(2025, 12, 15), Calendar()) == D(2025, 12, 31)
    assert rule.due(D(2025, 12, 1), Calendar()) == D(2025, 12, 15)  # no holidays: two weeks on
    assert rule.on_time(D(2025, 12, 15), D(2025, 12, 31), Calendar())
    assert not rule.on_time(D(2025, 12, 15), D(2026, 1, 2), Calendar())


def test_due_work_asks_for_the_first_core_group_until_it_is_held(case):
    child, worker, plan, _ = case
    items = list(first_core_groups([child.pk], D(2026, 1, 5)))
    assert [(i.what, i.due, i.timescale) for i in items] == [
        ("Hold the first core group meeting", D(2025, 12, 31), "CP_CORE_GROUP_FIRST")
    ]
    CoreGroupMeeting.objects.create(plan=plan, person=plan.person, held_on=D(2025, 12, 22), notes="Started")
    assert list(first_core_groups([child.pk], D(2026, 1, 5))) == []


def test_the_worker_records_objectives_actions_core_group_and_a_meeting(client, case):
    child, worker, plan, _ = case
    client.force_login(worker)
    client.post(reverse("protection:add_objective", args=[plan.pk]), {"text": "Mia gets to school every day"})
    objective = plan.objectives.get()
    client.post(
        reverse("protection:add_action", args=[plan.pk]),
        {
            "objective": objective.pk,
            "text": "Walk Mia to school",
            "owner": "Kim Hart (mum)",
            **date_fields("due_on", D(2026, 2, 1)),
        },
    )
    early = client.post(
        reverse("protection:add_action", args=[plan.pk]),
        {"text": "Too early", "owner": "Sam", **date_fields("due_on", D(2025, 1, 1))},
    )
    assert "on or after the start of the plan" in early.content.decode()
    client.post(
        reverse("protection:add_core_group_member", args=[plan.pk]),
        {
            "name": "Kim Hart",
            "role": "Mum",
            "agency": CoreGroupAgency.FAMILY,
            **date_fields("joined_on", plan.start_date),
        },
    )
    member = plan.core_group.get()
    before = client.post(
        reverse("protection:core_group", args=[plan.pk]),
        {**date_fields("held_on", D(2025, 12, 1)), "notes": "x"},
    )
    assert "on or after the start of the plan" in before.content.decode()
    client.post(
        reverse("protection:core_group", args=[plan.pk]),
        {
            **date_fields("held_on", D(2025, 12, 22)),
            "attendees": [member.pk],
            "notes": "Mia at school 4 of 5 days",
            **date_fields("next_meeting_on", D(2026, 2, 2)),
        },
    )
    assert list(plan.core_groups.get().attendees.all()) == [member]
    action = PlanAction.objects.get()
    client.post(
        reverse("protection:actions_done", args=[plan.pk]),
        {"done": [action.pk], **date_fields("date", D(2025, 12, 20))},
    )
    action.refresh_from_db()
    assert action.done_on == D(2025, 12, 20)
    page = client.get(reverse("protection:plan", args=[plan.pk])).content.decode()
    assert "Mia gets to school every day" in page and "Walk Mia to school" in page
    assert "Done 20 Dec 2025" in page
    assert "Mia at school 4 of 5 days" in page


def test_the_plan_prints_for_the_family_in_plain_words_and_as_a_pdf(client, case):
    child, worker, plan, _ = case
    plan.objectives.create(text="Mia has a clean, warm bed", added_on=D(2025, 12, 15))
    client.force_login(worker)
    page = client.get(reverse("protection:print_plan", args=[plan.pk])).content.decode()
    assert "care, safety and health are not being met" in page and "Mia has a clean, warm bed" in page
    assert "OFFICIAL-SENSITIVE" in page and "Printed by" in page and "NEG" not in page
    pdf = client.get(reverse("protection:plan_pdf", args=[plan.pk]))
    assert pdf.content.startswith(b"%PDF") and "no-store" in pdf["Cache-Control"]
    assert Disclosure.objects.filter(user=worker, kind="export", what="Child protection plan").exists()


def test_cin_plan_content_and_print(client, case):
    child, worker, _, referral = case
    cin = familyhelp.start_cin_plan(referral, start_date=D(2025, 12, 2))
    client.force_login(worker)
    client.post(reverse("familyhelp:cin_plan_objective", args=[cin.pk]), {"text": "Stable housing"})
    client.post(
        reverse("familyhelp:cin_plan_action", args=[cin.pk]),
        {
            "objective": cin.objectives.get().pk,
            "text": "Housing referral",
            "owner": "Jo Allocated, social worker",
        },
    )
    page = client.get(reverse("familyhelp:print_cin_plan", args=[cin.pk])).content.decode()
    assert "Stable housing" in page and "Housing referral" in page and "section 17" in page
