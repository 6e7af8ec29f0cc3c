"""Family Help, assessments and child in need plans through their pages."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from access.models import Involvement, InvolvementKind, Role, TeamKind
from familyhelp import services as familyhelp_services
from familyhelp.codes import StepDirection
from familyhelp.models import Assessment, CINPlan, FamilyHelpEpisode, StepDecision
from frontdoor.codes import ReferralSource
from frontdoor.models import Referral
from tests.factories import allocated_child, date_fields, make_team, make_user
from timescales import registry

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def referral_for(child, team, days_ago=10):
    return Referral.objects.create(
        person=child,
        referral_date=TODAY() - datetime.timedelta(days=days_ago),
        source=ReferralSource.SCHOOLS,
        team=team,
    )


@pytest.fixture
def case():
    child, worker, manager, team = allocated_child()
    return child, worker, manager, team, referral_for(child, team)


@pytest.fixture
def episode(case):
    child, worker, _, team, _ = case
    return FamilyHelpEpisode.objects.create(
        person=child,
        start_date=TODAY() - datetime.timedelta(days=20),
        lead_practitioner=worker,
        team=team,
        reason="Parenting support",
    )


def test_episode_page_records_a_whole_family_plan(client, case, episode):
    client.force_login(case[1])
    response = client.post(
        reverse("familyhelp:family_plan", args=[episode.pk]),
        {
            "goals": "Routines at bedtime; school attendance",
            **date_fields("agreed_on", TODAY()),
            **date_fields("next_review_due", TODAY() + datetime.timedelta(days=90)),
        },
    )
    assert response.url == reverse("familyhelp:episode", args=[episode.pk])
    page = client.get(response.url).content.decode()
    assert "Routines at bedtime" in page and "Lead practitioner" in page


def test_plan_agreed_before_family_help_started_is_refused(client, case, episode):
    client.force_login(case[1])
    response = client.post(
        reverse("familyhelp:family_plan", args=[episode.pk]),
        {"goals": "x", **date_fields("agreed_on", episode.start_date - datetime.timedelta(days=1))},
    )
    assert response.status_code == 200
    assert "The date must be on or after the start of Family Help" in response.content.decode()
    assert not episode.plans.exists()


def test_step_up_is_a_recorded_decision_that_opens_a_referral(client, case, episode):
    child, worker, _, team, _ = case
    client.force_login(worker)
    response = client.post(
        reverse("familyhelp:step_up", args=[episode.pk]),
        {
            "reason": "Escalating neglect despite support",
            "worker": worker.pk,
            "team": team.pk,
            **date_fields("decided_on", TODAY()),
        },
    )

    step = StepDecision.objects.get(direction=StepDirection.UP)
    assert step.family_help_episode == episode and step.decided_by == worker
    assert step.referral.source == ReferralSource.EARLY_HELP and step.referral.referral_date == TODAY()
    assert response.url == reverse("frontdoor:referral", args=[step.referral.pk])
    assert (
        "Escalating neglect" in client.get(reverse("familyhelp:episode", args=[episode.pk])).content.decode()
    )


def test_step_down_opens_family_help_led_by_a_lead_practitioner(client, case):
    child, worker, _, _, referral = case
    family_help = make_team(kind=TeamKind.FAMILY_HELP)
    lead = make_user(role=Role.LEAD_PRACTITIONER, teams=[family_help])
    client.force_login(worker)
    client.post(
        reverse("familyhelp:step_down", args=[referral.pk]),
        {
            "reason": "Needs met with Family Help",
            "worker": lead.pk,
            "team": family_help.pk,
            **date_fields("decided_on", TODAY()),
        },
    )

    step = StepDecision.objects.get(direction=StepDirection.DOWN)
    assert step.referral == referral and step.family_help_episode.lead_practitioner == lead
    assert Involvement.objects.filter(
        person=child, user=lead, kind=InvolvementKind.LEAD_PRACTITIONER
    ).exists()


def test_step_down_needs_a_family_help_team(client, case):
    client.force_login(case[1])
    response = client.post(
        reverse("familyhelp:step_down", args=[case[4].pk]),
        {"reason": "x", "worker": case[1].pk, "team": case[3].pk, **date_fields("decided_on", TODAY())},
    )
    assert "Select the team (Family Help) from the list" in response.content.decode()


def test_ending_family_help_ends_the_lead_practitioners_involvement(client, case, episode):
    child, worker, _, team, _ = case
    Involvement.objects.create(
        person=child,
        kind=InvolvementKind.LEAD_PRACTITIONER,
        user=worker,
        team=team,
        start_date=episode.start_date,
    )
    client.force_login(worker)
    client.post(
        reverse("familyhelp:end_episode", args=[episode.pk]),
        {"closure_reason": "Goals met", **date_fields("end_date", TODAY())},
    )
    episode.refresh_from_db()
    assert episode.end_date == TODAY() and episode.closure_reason == "Goals met"
    assert child.involvements.get(kind=InvolvementKind.LEAD_PRACTITIONER).end_date == TODAY()


def test_assessment_from_start_to_authorisation(client, case):
    child, worker, manager, _, referral = case
    client.force_login(worker)
    response = client.post(
        reverse("familyhelp:start_assessment", args=[referral.pk]),
        {"worker": worker.pk, **date_fields("start_date", referral.referral_date)},
    )
    assessment = Assessment.objects.get()
    assert response.url == reverse("familyhelp:assessment", args=[assessment.pk])
    due = registry.get("ASSESSMENT").due(referral.referral_date)
    page = client.get(response.url).content.decode()
    assert f"{due:%-d %B %Y}" in page and f"Due in {(due - TODAY()).days} days" in page

    client.post(reverse("familyhelp:assessment_factors", args=[assessment.pk]), {"factors": ["2B", "3A"]})
    client.post(reverse("familyhelp:assessment_factors", args=[assessment.pk]), {"factors": ["3A", "16A"]})
    assert sorted(assessment.factors.values_list("code", flat=True)) == ["16A", "3A"]

    client.post(
        reverse("familyhelp:assessment_outcome", args=[assessment.pk]),
        {"outcome": "cin_plan", "summary": "Needs a CIN plan", "primary_need": "N1"},
    )
    assert client.get(reverse("familyhelp:authorise_assessment", args=[assessment.pk])).status_code == 403

    client.force_login(manager)
    client.post(
        reverse("familyhelp:authorise_assessment", args=[assessment.pk]), date_fields("date", TODAY())
    )
    assessment.refresh_from_db()
    referral.refresh_from_db()
    assert assessment.authorisation_date == TODAY() and assessment.completed_on_time
    assert referral.primary_need == "N1"
    assert "On time" in client.get(reverse("familyhelp:assessment", args=[assessment.pk])).content.decode()


def test_an_overdue_assessment_says_by_how_much(client, case):
    child, worker, _, team, _ = case
    old = referral_for(child, team, days_ago=120)
    assessment = Assessment.objects.create(referral=old, person=child, start_date=old.referral_date)
    client.force_login(worker)
    page = client.get(reverse("familyhelp:assessment", args=[assessment.pk])).content.decode()
    assert f"Overdue by {(TODAY() - assessment.due_date).days} days" in page


def test_an_assessment_without_an_outcome_cannot_be_authorised(client, case):
    child, _, manager, _, referral = case
    assessment = Assessment.objects.create(referral=referral, person=child, start_date=referral.referral_date)
    client.force_login(manager)
    response = client.post(
        reverse("familyhelp:authorise_assessment", args=[assessment.pk]), date_fields("date", TODAY())
    )
    assert response.status_code == 200
    assert "Record the outcome of the assessment before authorising it." in response.content.decode()


def test_factors_must_be_chosen(client, case):
    child, worker, _, _, referral = case
    assessment = Assessment.objects.create(referral=referral, person=child, start_date=referral.referral_date)
    client.force_login(worker)
    response = client.post(reverse("familyhelp:assessment_factors", args=[assessment.pk]), {})
    assert "Select the factors identified at assessment" in response.content.decode()


def test_no_factors_identified_cannot_be_saved_with_another_factor(client, case):
    child, worker, _, _, referral = case
    assessment = Assessment.objects.create(referral=referral, person=child, start_date=referral.referral_date)
    client.force_login(worker)
    response = client.post(
        reverse("familyhelp:assessment_factors", args=[assessment.pk]), {"factors": ["21", "18B"]}
    )
    page = response.content.decode()
    assert (
        response.status_code == 200
        and "Factors identified at assessment: select “No factors identified” on its" in page
    )
    assert 'href="#id_factors' in page and not assessment.factors.exists()
    with pytest.raises(ValidationError):
        familyhelp_services.record_factors(assessment, ["21", "18B"])
    client.post(reverse("familyhelp:assessment_factors", args=[assessment.pk]), {"factors": ["21"]})
    assert list(assessment.factors.values_list("code", flat=True)) == ["21"]


def test_cin_plan_start_review_and_end(client, case):
    child, worker, _, _, referral = case
    client.force_login(worker)
    start = referral.referral_date + datetime.timedelta(days=2)
    response = client.post(
        reverse("familyhelp:start_cin_plan", args=[referral.pk]), date_fields("date", start)
    )
    plan = CINPlan.objects.get()
    assert plan.next_review_due == registry.get("CIN_PLAN_REVIEW").due(start)
    assert response.url == reverse("familyhelp:cin_plan", args=[plan.pk])

    client.post(reverse("familyhelp:review_cin_plan", args=[plan.pk]), date_fields("date", TODAY()))
    plan.refresh_from_db()
    assert plan.reviews.count() == 1 and plan.next_review_due == registry.get("CIN_PLAN_REVIEW").due(TODAY())

    client.post(reverse("familyhelp:end_cin_plan", args=[plan.pk]), date_fields("date", TODAY()))
    plan.refresh_from_db()
    assert plan.end_date == TODAY() and plan.next_review_due is None


def test_pages_refuse_and_audit_users_without_access(client, case, episode):
    client.force_login(make_user())
    assert client.get(reverse("familyhelp:episode", args=[episode.pk])).status_code == 403
    assert (
        client.post(reverse("familyhelp:family_plan", args=[episode.pk]), {"goals": "x"}).status_code == 403
    )
    assert not episode.plans.exists()
