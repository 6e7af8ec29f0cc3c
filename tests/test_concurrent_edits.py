"""Two workers saving the same record at once: the second is told, keeps what they typed, and overwrites
nothing.

Each test opens the same page in two sessions (two workers with the same access), saves in the first,
then saves in the second from the page it opened before the first saved.
"""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.models import TeamKind
from familyhelp.models import Assessment, CINPlan, FamilyHelpEpisode
from frontdoor.codes import ContactOutcome, ReferralSource
from frontdoor.models import Contact, ContactDecision, Referral
from people.casework import CONFLICT, VERSION_FIELD
from tests.factories import allocated_child, date_fields, make_team, make_user

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate
CONFLICT_SHOWN = CONFLICT.split(".")[0]


def two_workers(child, team):
    """Two signed-in sessions of workers in the child's team, both allocated."""
    from tests.factories import involve

    sessions = []
    for name in ("First", "Second"):
        worker = make_user(teams=[team], first_name=name)
        involve(child, user=worker, team=team)
        client = Client()
        client.force_login(worker)
        sessions.append(client)
    return sessions


def opened(client, url) -> str:
    """Open the page as a worker would: the version it carries."""
    page = client.get(url)
    assert page.status_code == 200
    return re.search(rf'name="{VERSION_FIELD}" value="([0-9a-f]+)"', page.content.decode()).group(1)


@pytest.fixture
def referral():
    child, _, _, team = allocated_child()
    referral = Referral.objects.create(
        person=child,
        referral_date=TODAY() - datetime.timedelta(days=30),
        source=ReferralSource.SCHOOLS,
        team=team,
    )
    return referral, team


def test_closing_a_referral_twice_at_once_keeps_the_first_and_tells_the_second(referral):
    referral, team = referral
    first, second = two_workers(referral.person, team)
    url = reverse("frontdoor:close_referral", args=[referral.pk])
    first_version, second_version = opened(first, url), opened(second, url)

    saved = first.post(
        url, {"closure_reason": "RC8", VERSION_FIELD: first_version, **date_fields("closure_date", TODAY())}
    )
    assert saved.status_code == 302
    late = second.post(
        url,
        {
            "closure_reason": "RC9",
            VERSION_FIELD: second_version,
            **date_fields("closure_date", TODAY() - datetime.timedelta(days=1)),
        },
    )

    content = late.content.decode()
    assert late.status_code == 200 and CONFLICT_SHOWN in content
    assert 'value="RC9" checked' in content  # what the second worker chose is still chosen
    referral.refresh_from_db()
    assert referral.closure_reason == "RC8" and referral.closure_date == TODAY()

    # Saving again, having seen the conflict, is refused too: the referral is closed.
    again = second.post(
        url,
        {
            "closure_reason": "RC9",
            VERSION_FIELD: opened_version(late),
            **date_fields("closure_date", TODAY()),
        },
    )
    assert "Someone else has closed the referral since you opened this page" in again.content.decode()
    referral.refresh_from_db()
    assert referral.closure_reason == "RC8"


def opened_version(response) -> str:
    return re.search(rf'name="{VERSION_FIELD}" value="([0-9a-f]+)"', response.content.decode()).group(1)


def test_a_contact_is_decided_once_even_when_two_workers_decide_it_at_once():
    front_door = make_team(kind=TeamKind.FRONT_DOOR)
    child, _, _, _ = allocated_child()
    contact = Contact.objects.create(
        person=child,
        source=ReferralSource.POLICE,
        summary="Bruising",
        received_at=timezone.now() - datetime.timedelta(hours=2),
    )
    first, second = two_workers(child, front_door)
    url = reverse("frontdoor:decide", args=[contact.pk])
    first_version, second_version = opened(first, url), opened(second, url)

    assert (
        first.post(
            url,
            {
                "outcome": ContactOutcome.NO_FURTHER_ACTION,
                "rationale": "Explained at school",
                VERSION_FIELD: first_version,
            },
        ).status_code
        == 302
    )
    typed = "Mother says the bruise came from football; I still want a referral."
    late = second.post(
        url, {"outcome": ContactOutcome.ADVICE, "rationale": typed, VERSION_FIELD: second_version}
    )

    assert late.status_code == 200
    content = late.content.decode()
    assert CONFLICT_SHOWN in content and typed.replace("'", "&#x27;") in content
    assert ContactDecision.objects.get().rationale == "Explained at school"
    again = second.post(
        url, {"outcome": ContactOutcome.ADVICE, "rationale": typed, VERSION_FIELD: opened_version(late)}
    )
    assert "Someone else has decided this contact" in again.content.decode()
    assert ContactDecision.objects.count() == 1


def test_editing_with_a_model_form_is_checked_without_naming_the_row(referral):
    """Ending Family Help edits the episode through a model form: its row is versioned by default."""
    referral, team = referral
    child = referral.person
    episode = FamilyHelpEpisode.objects.create(
        person=child,
        start_date=TODAY() - datetime.timedelta(days=20),
        lead_practitioner=make_user(teams=[team]),
        team=team,
        reason="Support",
    )
    first, second = two_workers(child, team)
    url = reverse("familyhelp:end_episode", args=[episode.pk])
    first_version, second_version = opened(first, url), opened(second, url)
    assert (
        first.post(
            url,
            {"closure_reason": "Goals met", VERSION_FIELD: first_version, **date_fields("end_date", TODAY())},
        ).status_code
        == 302
    )
    late = second.post(
        url,
        {
            "closure_reason": "Family moved away",
            VERSION_FIELD: second_version,
            **date_fields("end_date", TODAY()),
        },
    )
    assert CONFLICT_SHOWN in late.content.decode() and "Family moved away" in late.content.decode()
    episode.refresh_from_db()
    assert episode.closure_reason == "Goals met"


def test_a_change_to_rows_hanging_off_the_record_is_a_conflict_too(referral):
    """Two workers choosing an assessment's factors: the second sees the first's choice has been saved."""
    referral, team = referral
    assessment = Assessment.objects.create(
        referral=referral,
        person=referral.person,
        start_date=TODAY(),
        due_date=TODAY() + datetime.timedelta(days=30),
    )
    first, second = two_workers(referral.person, team)
    url = reverse("familyhelp:assessment_factors", args=[assessment.pk])
    first_version, second_version = opened(first, url), opened(second, url)
    assert first.post(url, {"factors": ["1A"], VERSION_FIELD: first_version}).status_code == 302
    late = second.post(url, {"factors": ["2A"], VERSION_FIELD: second_version})
    assert CONFLICT_SHOWN in late.content.decode()
    assert list(assessment.factors.values_list("code", flat=True)) == ["1A"]


def test_an_unchanged_record_saves_and_a_form_error_keeps_the_version_first_opened(referral):
    referral, team = referral
    plan = CINPlan.objects.create(
        referral=referral, person=referral.person, start_date=TODAY() - datetime.timedelta(5)
    )
    first, second = two_workers(referral.person, team)
    url = reverse("familyhelp:end_cin_plan", args=[plan.pk])
    version = opened(first, url)
    mistake = first.post(
        url, {"date_day": "31", "date_month": "2", "date_year": "2025", VERSION_FIELD: version}
    )
    assert opened_version(mistake) == version  # not refreshed, so a change made meanwhile is still caught

    review_url = reverse("familyhelp:review_cin_plan", args=[plan.pk])
    assert (
        second.post(
            review_url, {VERSION_FIELD: opened(second, review_url), **date_fields("date", TODAY())}
        ).status_code
        == 302
    )
    late = first.post(url, {VERSION_FIELD: version, **date_fields("date", TODAY())})
    assert CONFLICT_SHOWN in late.content.decode()
    plan.refresh_from_db()
    assert plan.end_date is None

    assert (
        first.post(url, {VERSION_FIELD: opened_version(late), **date_fields("date", TODAY())}).status_code
        == 302
    )
    plan.refresh_from_db()
    assert plan.end_date == TODAY()
