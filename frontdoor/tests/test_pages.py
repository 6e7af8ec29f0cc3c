"""The front door through its pages: contacts, decisions, referrals, closure and management oversight."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from access.models import Involvement, InvolvementKind, RecordView, Role, TeamKind
from familyhelp.models import FamilyHelpEpisode
from frontdoor.codes import ContactOutcome, ReferralSource
from frontdoor.models import Contact, ManagementOversight, Referral
from people.models import Person
from protection.codes import AbuseCategory
from protection.models import ChildProtectionPlan
from tests.factories import allocated_child, date_fields, make_person, make_team, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def front_door():
    team = make_team("Front Door (MASH)", kind=TeamKind.FRONT_DOOR)
    return make_user(teams=[team], first_name="Fran", last_name="Door"), team


def contact_data(received, **extra):
    local = timezone.localtime(received)
    return {
        "source": ReferralSource.SCHOOLS,
        "referrer": "Head teacher, Oak School",
        "summary": "Bruising seen at school",
        "received_time": f"{local:%H:%M}",
        **date_fields("received_on", local.date()),
        **extra,
    }


def record_contact(client, person, received):
    response = client.post(reverse("frontdoor:contact_for_person", args=[person.pk]), contact_data(received))
    assert response.status_code == 302, response.content.decode()
    return Contact.objects.get(person=person)


def test_contact_about_a_new_child_keeps_received_and_recorded_times(client, front_door):
    worker, team = front_door
    client.force_login(worker)
    received = timezone.now().replace(second=0, microsecond=0) - datetime.timedelta(hours=20)

    response = client.post(
        reverse("frontdoor:new_child_contact"),
        contact_data(
            received,
            forename="Ada",
            surname="Newcome",
            **date_fields("birth_date", datetime.date(2019, 4, 2)),
        ),
    )

    child = Person.objects.get(surname="Newcome")
    contact = Contact.objects.get(person=child)
    assert response.url == reverse("frontdoor:contact", args=[contact.pk])
    assert contact.received_at == received
    assert timezone.now() - contact.recorded_at < datetime.timedelta(minutes=1)
    assert contact.recorded_by == worker and child.la_id == str(1_000_000 + child.pk)
    hold = Involvement.objects.filter(person=child, team=team, kind=InvolvementKind.CONTACT, end_date=None)
    assert hold.exists()

    page = client.get(response.url).content.decode()
    assert "Decision due" in page and f"{contact.decision_due:%-d %B %Y}" in page
    assert f"{timezone.localtime(received):%H:%M}" in page and "Decide the response" in page


def test_new_child_who_already_has_a_record_is_pointed_to_it(client, front_door):
    existing = make_person(forename="Ada", surname="Newcome", birth_date=datetime.date(2019, 4, 2))
    client.force_login(front_door[0])
    response = client.post(
        reverse("frontdoor:new_child_contact"),
        contact_data(
            timezone.now(),
            forename="ada",
            surname="NEWCOME",
            **date_fields("birth_date", datetime.date(2019, 4, 2)),
        ),
    )
    assert response.status_code == 200
    assert f"already has a record (council ID {existing.la_id})" in response.content.decode()
    assert Person.objects.filter(surname="Newcome").count() == 1


def test_a_misspelt_new_child_is_matched_to_the_record_that_exists_before_a_duplicate_is_made(
    client, front_door
):
    existing = make_person(forename="Maya", surname="Cunningham", birth_date=datetime.date(2019, 4, 2))
    client.force_login(front_door[0])
    typed = contact_data(
        timezone.now() - datetime.timedelta(hours=1),
        forename="Maya",
        surname="Cuningham",
        **date_fields("birth_date", datetime.date(2019, 2, 4)),
    )
    response = client.post(reverse("frontdoor:new_child_contact"), typed)
    page = response.content.decode()
    assert response.status_code == 200 and "1 record is like this child" in page
    assert reverse("frontdoor:contact_for_person", args=[existing.pk]) in page and existing.la_id in page
    assert "day and month swapped" in page
    assert Person.objects.filter(forename="Maya").count() == 1

    # Choosing the record keeps what was typed about the contact.
    form = client.get(reverse("frontdoor:contact_for_person", args=[existing.pk])).content.decode()
    assert "Bruising seen at school" in form and "Head teacher, Oak School" in form
    assert client.post(reverse("frontdoor:contact_for_person", args=[existing.pk]), typed).status_code == 302
    assert (
        Contact.objects.filter(person=existing).exists()
        and Person.objects.filter(forename="Maya").count() == 1
    )


def test_a_new_child_like_others_is_made_once_the_worker_confirms_none_is_them(client, front_door):
    make_person(forename="Maya", surname="Cunningham", birth_date=datetime.date(2019, 4, 2))
    client.force_login(front_door[0])
    typed = contact_data(
        timezone.now() - datetime.timedelta(hours=1),
        forename="Maya",
        surname="Cuningham",
        **date_fields("birth_date", datetime.date(2019, 4, 2)),
    )
    assert client.post(reverse("frontdoor:new_child_contact"), typed).status_code == 200
    response = client.post(reverse("frontdoor:new_child_contact"), {**typed, "none_match": "on"})
    assert response.status_code == 302 and Person.objects.filter(surname="Cuningham").count() == 1


@pytest.mark.parametrize(
    "change, message",
    [
        ({"received_time": ""}, "Enter the time received"),
        ({"received_time": "25:10"}, "Time received must be a real time in 24-hour format"),
        ({"received_on_month": ""}, "Date received must include a month"),
        ({"summary": ""}, "Enter the summary of the concern"),
        ({"source": ""}, "Select the source of the contact"),
    ],
)
def test_bad_contact_input_names_the_field(client, front_door, change, message):
    child = make_person()
    client.force_login(front_door[0])
    response = client.post(
        reverse("frontdoor:contact_for_person", args=[child.pk]),
        {**contact_data(timezone.now() - datetime.timedelta(hours=1)), **change},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content and message in content
    assert not Contact.objects.exists()


def test_a_contact_cannot_be_received_in_the_future(client, front_door):
    client.force_login(front_door[0])
    response = client.post(
        reverse("frontdoor:contact_for_person", args=[make_person().pk]),
        contact_data(timezone.now() + datetime.timedelta(hours=2)),
    )
    assert "Time received must be now or in the past" in response.content.decode()


def test_recording_a_contact_about_a_child_shows_identity_only_and_is_audited(client, front_door):
    child, *_ = allocated_child()
    client.force_login(front_door[0])
    response = client.get(reverse("frontdoor:contact_for_person", args=[child.pk]))
    assert response.status_code == 200
    assert RecordView.objects.filter(
        user=front_door[0], person=child, basis__startswith="recording a contact"
    ).exists()


def decide(client, contact, outcome, worker=None, team=None):
    data = {"outcome": outcome, "rationale": "Threshold met for social care assessment"}
    if worker:
        data |= {"worker": worker.pk, "team": team.pk}
    return client.post(reverse("frontdoor:decide", args=[contact.pk]), data)


def test_referral_decision_opens_a_cin_episode_from_the_received_date_and_allocates_it(client, front_door):
    worker, front_team = front_door
    assessment_team = make_team(kind=TeamKind.ASSESSMENT)
    social_worker = make_user(teams=[assessment_team])
    client.force_login(worker)
    contact = record_contact(client, make_person(), timezone.now() - datetime.timedelta(days=1))

    response = decide(client, contact, ContactOutcome.REFERRAL, social_worker, assessment_team)

    assert response.status_code == 302
    referral = Referral.objects.get(contact=contact)
    assert referral.referral_date == timezone.localdate(contact.received_at)
    assert referral.source == ReferralSource.SCHOOLS and not referral.is_re_referral
    assert Involvement.objects.filter(
        person=contact.person,
        user=social_worker,
        team=assessment_team,
        kind=InvolvementKind.ALLOCATED_WORKER,
        end_date=None,
    ).exists()
    # the front door's hold on the child ends with the decision (still open today)
    assert Involvement.objects.get(person=contact.person, team=front_team).end_date == timezone.localdate()
    page = client.get(response.url).content.decode()
    assert "On time" in page and "Referral to children&#x27;s social care" in page


def test_re_referral_is_flagged_and_shown(client, front_door):
    child = make_person()
    Referral.objects.create(
        person=child,
        referral_date=timezone.localdate() - datetime.timedelta(days=100),
        source=ReferralSource.POLICE,
        closure_date=timezone.localdate() - datetime.timedelta(days=50),
        closure_reason="RC7",
    )
    client.force_login(front_door[0])
    contact = record_contact(client, child, timezone.now() - datetime.timedelta(hours=2))
    decide(client, contact, ContactOutcome.REFERRAL, front_door[0], front_door[1])

    referral = Referral.objects.get(contact=contact)
    assert referral.is_re_referral
    page = client.get(reverse("frontdoor:referral", args=[referral.pk])).content.decode()
    assert "re-referral" in page


def test_family_help_decision_opens_an_episode_with_a_lead_practitioner(client, front_door):
    family_help = make_team(kind=TeamKind.FAMILY_HELP)
    lead = make_user(role=Role.LEAD_PRACTITIONER, teams=[family_help])
    client.force_login(front_door[0])
    contact = record_contact(client, make_person(), timezone.now() - datetime.timedelta(hours=2))

    decide(client, contact, ContactOutcome.FAMILY_HELP, lead, family_help)

    episode = FamilyHelpEpisode.objects.get(person=contact.person)
    assert episode.lead_practitioner == lead and episode.team == family_help
    assert Involvement.objects.filter(
        person=contact.person, user=lead, kind=InvolvementKind.LEAD_PRACTITIONER
    ).exists()
    assert not Referral.objects.exists()
    assert (
        reverse("familyhelp:episode", args=[episode.pk])
        in client.get(reverse("frontdoor:contact", args=[contact.pk])).content.decode()
    )


def test_referral_decision_needs_a_worker_and_team(client, front_door):
    client.force_login(front_door[0])
    contact = record_contact(client, make_person(), timezone.now() - datetime.timedelta(hours=2))
    response = decide(client, contact, ContactOutcome.REFERRAL)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Select who to allocate a referral or Family Help to" in content
    assert "Select the team for a referral or Family Help" in content
    assert not Referral.objects.exists() and not hasattr(Contact.objects.get(), "decision")


def test_no_further_action_needs_no_allocation(client, front_door):
    client.force_login(front_door[0])
    contact = record_contact(client, make_person(), timezone.now() - datetime.timedelta(hours=2))
    assert decide(client, contact, ContactOutcome.NO_FURTHER_ACTION).status_code == 302
    assert contact.person.involvements.get().end_date == timezone.localdate()


def open_referral(child, team=None, days_ago=30):
    return Referral.objects.create(
        person=child,
        referral_date=timezone.localdate() - datetime.timedelta(days=days_ago),
        source=ReferralSource.SCHOOLS,
        team=team,
    )


def test_closing_a_referral_records_the_reason_and_ends_the_allocation(client):
    child, worker, _, team = allocated_child()
    referral = open_referral(child, team)
    client.force_login(worker)

    response = client.post(
        reverse("frontdoor:close_referral", args=[referral.pk]),
        {"closure_reason": "RC8", **date_fields("closure_date", timezone.localdate())},
    )

    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.closure_date == timezone.localdate() and referral.closure_reason == "RC8"
    assert child.involvements.get(user=worker).end_date == timezone.localdate()


def test_a_referral_with_an_open_plan_cannot_be_closed(client):
    child, worker, _, team = allocated_child()
    referral = open_referral(child, team)
    ChildProtectionPlan.objects.create(
        referral=referral,
        person=child,
        start_date=referral.referral_date,
        initial_category=AbuseCategory.NEGLECT,
        latest_category=AbuseCategory.NEGLECT,
    )
    client.force_login(worker)
    response = client.post(
        reverse("frontdoor:close_referral", args=[referral.pk]),
        {"closure_reason": "RC7", **date_fields("closure_date", timezone.localdate())},
    )
    assert response.status_code == 200
    assert "End the child protection plan before closing the referral." in response.content.decode()
    referral.refresh_from_db()
    assert referral.is_open


def test_closure_before_the_referral_date_names_the_field(client):
    child, worker, _, team = allocated_child()
    referral = open_referral(child, team)
    client.force_login(worker)
    response = client.post(
        reverse("frontdoor:close_referral", args=[referral.pk]),
        {
            "closure_reason": "RC7",
            **date_fields("closure_date", referral.referral_date - datetime.timedelta(days=1)),
        },
    )
    assert "The closure date must be on or after the referral date." in response.content.decode()


def test_contact_page_is_access_checked_and_audited(client):
    child, worker, *_ = allocated_child()
    contact = Contact.objects.create(
        person=child, source=ReferralSource.POLICE, received_at=timezone.now(), summary="x"
    )
    outsider = make_user()
    client.force_login(outsider)
    assert client.get(reverse("frontdoor:contact", args=[contact.pk])).status_code == 403
    client.force_login(worker)
    assert client.get(reverse("frontdoor:contact", args=[contact.pk])).status_code == 200
    assert list(RecordView.objects.filter(person=child).values_list("allowed", flat=True).order_by("at")) == [
        False,
        True,
    ]


def test_managers_record_management_oversight_on_the_childs_page(client):
    child, worker, manager, team = allocated_child()
    referral = open_referral(child, team)
    url = reverse("frontdoor:add_oversight", args=[child.pk])
    client.force_login(worker)
    assert client.get(url).status_code == 403

    client.force_login(manager)
    assert (
        "Add management oversight" in client.get(reverse("people:record", args=[child.pk])).content.decode()
    )
    client.post(url, {"direction": "Assessment to be completed by Friday; discuss at supervision"})

    entry = ManagementOversight.objects.get()
    assert entry.recorded_by == manager and entry.referral == referral
    page = client.get(reverse("people:record", args=[child.pk])).content.decode()
    assert "Assessment to be completed by Friday" in page


def test_empty_oversight_is_refused_with_a_message(client):
    child, _, manager, _ = allocated_child()
    client.force_login(manager)
    response = client.post(reverse("frontdoor:add_oversight", args=[child.pk]), {"direction": ""})
    assert "Enter the management direction" in response.content.decode()
