"""The assessment written under the framework's domains, sent for authorisation, returned with comments,
revised, resent and authorised; the outcome leads to its next step; the managers' queue."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from access.models import Disclosure, Role
from familyhelp import services
from familyhelp.framework import DOMAINS, SECTIONS
from familyhelp.models import AssessmentOutcome, AuthorisationAction
from familyhelp.queue import awaiting_authorisation
from frontdoor.codes import PrimaryNeed, ReferralSource
from frontdoor.models import Referral
from tests.factories import allocated_child, date_fields, make_team, make_user

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@pytest.fixture
def case():
    child, worker, manager, team = allocated_child(forename="Mia")
    referral = Referral.objects.create(
        person=child,
        referral_date=TODAY() - datetime.timedelta(days=10),
        source=ReferralSource.SCHOOLS,
        team=team,
    )
    assessment = services.start_assessment(referral, worker=worker, start_date=referral.referral_date)
    return child, worker, manager, assessment


def content(**sections):
    return {**date_fields("child_seen_on", TODAY()), "child_views": "Mia said she likes school.", **sections}


def test_the_framework_has_its_three_domains_and_twenty_dimensions():
    assert [d.title for d in DOMAINS] == [
        "The child's developmental needs",
        "Parenting capacity",
        "Family and environmental factors",
    ]
    assert sum(len(d.dimensions) for d in DOMAINS) == 20 and len(SECTIONS) == 22


def test_the_worker_writes_the_assessment_under_the_framework_headings(client, case):
    _, worker, _, assessment = case
    client.force_login(worker)
    form = client.get(reverse("familyhelp:assessment_content", args=[assessment.pk])).content.decode()
    assert "Parenting capacity" in form and "Emotional warmth" in form and "Date the child was seen" in form
    response = client.post(
        reverse("familyhelp:assessment_content", args=[assessment.pk]),
        content(housing="Damp flat; on the housing list.", basic_care=""),
    )
    assert response.url == reverse("familyhelp:assessment", args=[assessment.pk])
    assessment.refresh_from_db()
    assert assessment.child_seen_on == TODAY()
    assert services.section_texts(assessment) == {
        "child_views": "Mia said she likes school.",
        "housing": "Damp flat; on the housing list.",
    }
    page = client.get(response.url).content.decode()
    assert "Damp flat" in page and "she likes school" in page


def test_the_child_seen_before_the_referral_is_refused(client, case):
    _, worker, _, assessment = case
    client.force_login(worker)
    response = client.post(
        reverse("familyhelp:assessment_content", args=[assessment.pk]),
        {**date_fields("child_seen_on", TODAY() - datetime.timedelta(days=30)), "child_views": "x"},
    )
    assert "on or after the referral date" in response.content.decode()


def _ready(client, assessment):
    client.post(reverse("familyhelp:assessment_content", args=[assessment.pk]), content())
    client.post(
        reverse("familyhelp:assessment_outcome", args=[assessment.pk]),
        {
            "outcome": AssessmentOutcome.CIN_PLAN,
            "summary": "Needs support",
            "primary_need": PrimaryNeed.ABUSE_OR_NEGLECT,
        },
    )


def test_send_return_revise_resend_and_authorise_then_the_next_step(client, case):
    child, worker, manager, assessment = case
    client.force_login(worker)
    early = client.post(reverse("familyhelp:send_assessment", args=[assessment.pk]), {})
    assert "Before sending the assessment, record the date the child was seen" in early.content.decode()
    _ready(client, assessment)
    client.post(reverse("familyhelp:send_assessment", args=[assessment.pk]), {"comment": "Ready"})
    assessment.refresh_from_db()
    assert assessment.sent_for_authorisation_at and assessment.status == "Waiting for a manager to authorise"
    assert awaiting_authorisation(manager) == [assessment] and awaiting_authorisation(worker) == []

    client.force_login(manager)
    home = client.get(reverse("home")).content.decode()
    assert "Awaiting my authorisation" in home and "Mia" in home
    queue = client.get(reverse("familyhelp:authorisations"))
    assert "Mia" in queue.content.decode()
    assert Disclosure.objects.filter(user=manager, what="Awaiting my authorisation").exists()
    empty = client.post(reverse("familyhelp:return_assessment", args=[assessment.pk]), {"comment": ""})
    assert "Enter what needs to change" in empty.content.decode()
    client.post(
        reverse("familyhelp:return_assessment", args=[assessment.pk]),
        {"comment": "Say more about dad's view."},
    )
    assessment.refresh_from_db()
    assert assessment.sent_for_authorisation_at is None and assessment.status == "Returned to the worker"
    assert awaiting_authorisation(manager) == []

    client.force_login(worker)
    page = client.get(reverse("familyhelp:assessment", args=[assessment.pk])).content.decode()
    assert "Returned with comments" in page and "Say more about dad" in page
    client.post(
        reverse("familyhelp:assessment_content", args=[assessment.pk]),
        content(family_views="Dad wants Mia home by 6."),
    )
    client.post(reverse("familyhelp:send_assessment", args=[assessment.pk]), {})

    client.force_login(manager)
    response = client.post(
        reverse("familyhelp:authorise_assessment", args=[assessment.pk]),
        {**date_fields("date", TODAY()), "comment": "Good analysis."},
    )
    assert response.url == reverse("familyhelp:start_cin_plan", args=[assessment.referral_id])
    assessment.refresh_from_db()
    assert assessment.authorisation_date == TODAY() and assessment.sent_for_authorisation_at is None
    assert list(assessment.decisions.order_by("at", "pk").values_list("action", flat=True)) == [
        AuthorisationAction.SENT,
        AuthorisationAction.RETURNED,
        AuthorisationAction.SENT,
        AuthorisationAction.AUTHORISED,
    ]
    page = client.get(reverse("familyhelp:assessment", args=[assessment.pk])).content.decode()
    assert "Start the child in need plan" in page and "Good analysis." in page


def test_a_worker_cannot_return_or_authorise(client, case):
    _, worker, _, assessment = case
    client.force_login(worker)
    _ready(client, assessment)
    assert (
        client.post(
            reverse("familyhelp:return_assessment", args=[assessment.pk]), {"comment": "x"}
        ).status_code
        == 403
    )


@pytest.mark.parametrize(
    "outcome, step",
    [
        (AssessmentOutcome.STRATEGY, "protection:strategy"),
        (AssessmentOutcome.FAMILY_HELP, "familyhelp:step_down"),
        (AssessmentOutcome.NO_FURTHER_ACTION, "frontdoor:close_referral"),
    ],
)
def test_each_outcome_leads_to_its_next_step(client, case, outcome, step):
    _, _, manager, assessment = case
    assessment.outcome = outcome
    assessment.save()
    client.force_login(manager)
    response = client.post(
        reverse("familyhelp:authorise_assessment", args=[assessment.pk]), date_fields("date", TODAY())
    )
    assert response.url == reverse(step, args=[assessment.referral_id])


def test_a_manager_of_another_team_sees_nothing_in_their_queue(case):
    _, worker, _, assessment = case
    services.record_content(assessment, child_seen_on=TODAY(), sections={"child_views": "ok"})
    assessment.outcome = AssessmentOutcome.CIN_PLAN
    assessment.save()
    services.send_for_authorisation(assessment, worker)
    other = make_user(role=Role.TEAM_MANAGER, manages=[make_team()])
    assert awaiting_authorisation(other) == []
