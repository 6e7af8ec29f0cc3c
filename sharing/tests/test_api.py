"""The partner-agency API: keys, scopes, rate limits and audit; inbound notifications and referrals;
the lookup;
the outbox; problem details with nothing half-saved."""

import datetime
import json

import pytest
from django.test import Client
from django.utils import timezone

from access.models import AgencyKind, InvolvementKind, TeamKind
from access.parts import SHAREABLE
from frontdoor.models import Contact
from protection.models import ChildProtectionPlan
from sharing.api import keys
from sharing.api.models import ApiCall, Event, Notification, Scope
from sharing.models import LinkStatus, PartnerRecord, RecordKind
from tests import factories

ALL_SCOPES = list(Scope.values)
pytestmark = pytest.mark.django_db


@pytest.fixture
def police():
    return factories.make_agency("Shire Police", AgencyKind.POLICE)


@pytest.fixture
def client():
    return Client(HTTP_HOST="127.0.0.1")


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def post(client, url, body, key):
    return client.post(url, json.dumps(body), content_type="application/json", **bearer(key))


def notification(child, **changes):
    body = {
        "reference": "INC-2025-0042",
        "incident_at": "2025-03-30T21:15:00+01:00",
        "summary": "Officers attended.",
        "child": {
            "forename": child.forename,
            "surname": child.surname,
            "birth_date": str(child.birth_date),
            "nhs_number": child.nhs_number,
        },
    }
    body.update(changes)
    return body


def test_a_call_without_a_key_or_with_a_wrong_or_revoked_key_is_refused_as_a_problem_and_audited(
    client, police
):
    issued, key = keys.issue(police, "Police system", ALL_SCOPES)
    for headers in ({}, bearer("thr_nothere_x"), bearer(key[:-2] + "xx")):
        response = client.get("/api/v1/outbox", **headers)
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"
        assert response["WWW-Authenticate"].startswith("Bearer")
        assert response.json()["status"] == 401
    keys.revoke(issued)
    assert client.get("/api/v1/outbox", **bearer(key)).status_code == 401
    assert ApiCall.objects.filter(status=401, client=None).count() == 4


def test_the_key_is_stored_only_as_a_digest(police):
    issued, key = keys.issue(police, "Police system", ALL_SCOPES)
    assert key not in json.dumps(list(type(issued).objects.values()), default=str)
    assert keys.find(key) == issued


def test_a_call_outside_the_keys_scopes_is_refused_and_audited(client, police):
    _, key = keys.issue(police, "Police system", [Scope.OUTBOX])
    child = factories.make_person()
    response = post(client, "/api/v1/domestic-abuse-notifications", notification(child), key)
    assert response.status_code == 403
    assert "domestic_abuse:send" in response.json()["detail"]
    assert not PartnerRecord.objects.exists()
    call = ApiCall.objects.get()
    assert (call.status, call.client.agency) == (403, police)


def test_more_calls_than_the_rate_limit_in_a_minute_get_429_with_retry_after(client, police):
    _, key = keys.issue(police, "Police system", ALL_SCOPES, rate_limit=3)
    statuses = [client.get("/api/v1/outbox", **bearer(key)).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/api/v1/outbox", **bearer(key))
    assert refused["Retry-After"] == "60" and refused.json()["title"] == "Too many requests"


def test_a_notification_with_a_known_nhs_number_becomes_a_contact_received_when_it_arrived(client, police):
    team = factories.make_team("Front Door (MASH)", TeamKind.FRONT_DOOR)
    child = factories.make_person()
    _, key = keys.issue(police, "Police system", ALL_SCOPES)
    before = timezone.now()
    response = post(client, "/api/v1/domestic-abuse-notifications", notification(child), key)
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "received"  # the police have no share: not told the child is known
    record = PartnerRecord.objects.get()
    assert (record.person, record.link_method, record.kind) == (
        child,
        "nhs_number",
        RecordKind.DOMESTIC_ABUSE,
    )
    contact = Contact.objects.get()
    assert contact.person == child and contact.received_at == record.received_at >= before
    assert contact.source == "6" and "Shire Police" in contact.referrer
    assert child.involvements.get(kind=InvolvementKind.CONTACT).team == team  # the hold until decided
    assert ApiCall.objects.get().person == child


def test_a_notification_without_a_usable_nhs_number_waits_for_matching_and_warns_of_a_bad_check_digit(
    client, police
):
    child = factories.make_person()
    _, key = keys.issue(police, "Police system", ALL_SCOPES)
    wrong = child.nhs_number[:-1] + str((int(child.nhs_number[-1]) + 1) % 10)
    body = notification(child)
    body["child"]["nhs_number"] = wrong
    response = post(client, "/api/v1/domestic-abuse-notifications", body, key)
    assert response.status_code == 202
    assert response.json()["status"] == "received"
    assert "check digit" in response.json()["warnings"][0]
    record = PartnerRecord.objects.get()
    assert (
        record.status == LinkStatus.AWAITING and record.nhs_number == wrong and not Contact.objects.exists()
    )


def test_a_bad_request_names_each_field_and_saves_nothing(client, police):
    _, key = keys.issue(police, "Police system", ALL_SCOPES)
    child = factories.make_person()
    body = notification(child, incident_at="2999-01-01T10:00:00+00:00")
    body["child"]["birth_date"] = "2999-01-01"
    body["child"]["forename"] = "   "
    response = post(client, "/api/v1/domestic-abuse-notifications", body, key)
    assert response.status_code == 422
    problem = response.json()
    assert response["Content-Type"] == "application/problem+json"
    assert {e["field"] for e in problem["errors"]} == {"incident_at", "child.birth_date", "child.forename"}
    assert problem["instance"] == "/api/v1/domestic-abuse-notifications"
    malformed = client.post("/api/v1/referrals", "{not json", content_type="application/json", **bearer(key))
    assert malformed.status_code in (400, 422) and malformed["Content-Type"] == "application/problem+json"
    assert not PartnerRecord.objects.exists() and not Contact.objects.exists()


def test_a_referral_keeps_who_referred(client):
    school = factories.make_agency("Oak Primary School", AgencyKind.EDUCATION)
    child = factories.make_person()
    _, key = keys.issue(school, "School MIS", [Scope.REFERRALS])
    body = {
        "reference": "R-1",
        "reason": "Often hungry.",
        "referrer_name": "Ann Lee",
        "referrer_role": "DSL",
        "child": {"forename": child.forename, "surname": child.surname, "nhs_number": child.nhs_number},
    }
    response = post(client, "/api/v1/referrals", body, key)
    assert response.status_code == 202
    contact = Contact.objects.get()
    assert contact.source == "2A" and "Ann Lee, DSL" in contact.summary


def lookup(client, key, number):
    return client.get(f"/api/v1/children/{number}", **bearer(key))


def test_the_lookup_answers_only_for_a_child_the_agency_has_an_active_share_for(client):
    health = factories.make_agency("Shire ICB", AgencyKind.HEALTH)
    _, key = keys.issue(health, "Health", [Scope.LOOKUP])
    shared, not_shared, ended = factories.make_person(), factories.make_person(), factories.make_person()
    today = timezone.localdate()
    factories.share(shared, health)
    factories.share(
        ended,
        health,
        start_date=today - datetime.timedelta(days=60),
        end_date=today - datetime.timedelta(days=1),
    )
    team = factories.make_team("MACPT", TeamKind.MULTI_AGENCY_CP)
    worker = factories.make_user(
        first_name="Dee", last_name="Okafor", job_title="Lead Child Protection Practitioner"
    )
    factories.involve(shared, user=worker, team=team, kind=InvolvementKind.LEAD_CP_PRACTITIONER)

    answer = lookup(client, key, shared.nhs_number)
    assert answer.status_code == 200
    assert answer.json() == {
        "nhs_number": shared.nhs_number,
        "known": True,
        "shared": [str(part) for part in SHAREABLE],
        "lead_practitioner": {
            "name": "Dee Okafor",
            "role": "Lead Child Protection Practitioner",
            "team": "MACPT",
        },
        "current_plans": [],
    }
    for person in (not_shared, ended):
        refused = lookup(client, key, person.nhs_number)
        assert refused.status_code == 404 and "shared with your agency" in refused.json()["detail"]
    assert lookup(client, key, factories.nhs_number()).status_code == 404  # unknown: the same answer
    assert lookup(client, key, "1234567890").status_code == 404  # fails its check digit: no child has it
    assert lookup(client, key, "12345").status_code == 422
    calls = ApiCall.objects.order_by("pk")
    assert [c.person for c in calls[:3]] == [shared, None, None]
    assert calls[1].outcome == "refused: no active share for this NHS number"


def start_plan(child, on):
    referral = factories.make_referral(child) if hasattr(factories, "make_referral") else None
    if referral is None:
        from frontdoor.models import Referral

        referral = Referral.objects.create(person=child, referral_date=on, source="6")
    return ChildProtectionPlan.objects.create(
        referral=referral, person=child, start_date=on, initial_category="NEG", latest_category="NEG"
    )


def test_the_childs_school_and_gp_are_told_when_a_plan_starts_and_ends_through_their_outbox(client):
    school = factories.make_agency("Oak Primary School", AgencyKind.EDUCATION)
    icb = factories.make_agency("Shire ICB", AgencyKind.HEALTH)
    other = factories.make_agency("Elm Academy", AgencyKind.EDUCATION)
    child = factories.make_person()
    now = timezone.now()
    for agency, kind in ((school, RecordKind.SCHOOL_ROLL), (icb, RecordKind.GP_REGISTRATION)):
        PartnerRecord.objects.create(
            agency=agency,
            kind=kind,
            forename=child.forename,
            surname=child.surname,
            received_at=now,
            status=LinkStatus.LINKED,
            person=child,
        )
    plan = start_plan(child, datetime.date(2025, 3, 3))
    plan.end_date = datetime.date(2025, 9, 1)
    plan.save()
    plan.save()  # saving again does not tell them twice
    assert sorted(Notification.objects.values_list("agency__name", "event")) == [
        ("Oak Primary School", Event.CP_PLAN_ENDED),
        ("Oak Primary School", Event.CP_PLAN_STARTED),
        ("Shire ICB", Event.CP_PLAN_ENDED),
        ("Shire ICB", Event.CP_PLAN_STARTED),
    ]

    _, key = keys.issue(school, "School MIS", [Scope.OUTBOX])
    waiting = client.get("/api/v1/outbox", **bearer(key)).json()
    assert [n["event"] for n in waiting] == ["cp_plan_started", "cp_plan_ended"]
    assert waiting[0]["nhs_number"] == child.nhs_number and "3 March 2025" in waiting[0]["message"]
    done = client.post(f"/api/v1/outbox/{waiting[0]['id']}/acknowledge", **bearer(key))
    assert done.status_code == 200
    assert [n["event"] for n in client.get("/api/v1/outbox", **bearer(key)).json()] == ["cp_plan_ended"]
    _, other_key = keys.issue(other, "Elm MIS", [Scope.OUTBOX])
    assert (
        client.post(f"/api/v1/outbox/{waiting[1]['id']}/acknowledge", **bearer(other_key)).status_code == 404
    )


def test_operation_encompass_tells_the_named_school(client, police):
    from education.models import School

    School.objects.create(urn="123456", name="Oak Primary School", phase="primary", postcode="SX1 1AA")
    school = factories.make_agency("Oak Primary School", AgencyKind.EDUCATION)
    child = factories.make_person()
    _, key = keys.issue(police, "Police system", ALL_SCOPES)
    body = notification(child, operation_encompass=True, school_urn="123456")
    assert post(client, "/api/v1/domestic-abuse-notifications", body, key).status_code == 202
    note = Notification.objects.get()
    assert (note.agency, note.event, note.person) == (school, Event.OPERATION_ENCOMPASS, child)


def test_the_openapi_description_is_published_with_problem_details_for_errors(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Thrive partner-agency API"
    operation = schema["paths"]["/api/v1/domestic-abuse-notifications"]["post"]
    assert "application/problem+json" in operation["responses"]["422"]["content"]
    assert schema["components"]["securitySchemes"]["AgencyKey"]["scheme"] == "bearer"
