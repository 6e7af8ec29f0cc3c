"""A child's record that warns: alerts declared once (people.alerts) raised by each app, the due and overdue
panel,
warnings a worker records, the filterable timeline and the chronology to print or download."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from access.models import Disclosure, DisclosureKind, RecordView, TeamKind
from care.codes import MissingType, ReasonPlaceChange
from care.models import MissingEpisode
from care.services import change_placement
from frontdoor.codes import ReferralSource
from frontdoor.models import Referral
from leavers.codes import AccommodationType
from leavers.models import Accommodation
from people.alerts import ALERTS, alerts_for
from people.models import PersonFlag
from people.tests.test_due_work import assessment_due
from protection.models import ChildProtectionPlan
from tests.factories import allocated_child, date_fields, make_team, make_user, police_officer
from tests.factories.care import CHILDRENS_HOME, FOSTER_PLACEMENT, child_in_care

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate
D = datetime.date


def plan(child, start, end=None):
    referral = Referral.objects.create(person=child, referral_date=start, source=ReferralSource.SCHOOLS)
    return ChildProtectionPlan.objects.create(
        referral=referral,
        person=child,
        start_date=start,
        end_date=end,
        initial_category="NEG",
        latest_category="NEG",
    )


def codes(child):
    return [alert.kind.code for alert in alerts_for([child.pk], TODAY())]


def test_every_raised_alert_is_declared_once_in_the_registry():
    assert len(ALERTS) == len({kind.title for kind in ALERTS.values()})
    with pytest.raises(KeyError):
        from people.alerts import raises

        raises("not_declared")


def test_a_child_on_a_plan_who_is_missing_with_a_risk_to_staff(client):
    child, worker, *_ = allocated_child()
    plan(child, TODAY() - datetime.timedelta(days=40))
    period = child_in_care(person=child, start=TODAY() - datetime.timedelta(days=60))
    MissingEpisode.objects.create(period=period, kind=MissingType.MISSING, started_on=TODAY())
    PersonFlag.objects.create(
        person=child,
        kind="risk_to_staff",
        detail="Father threatened a worker",
        start_date=TODAY(),
        recorded_by=worker,
    )
    assert codes(child) == ["risk_to_staff", "missing", "cp_plan", "looked_after"]
    client.force_login(worker)
    page = client.get(reverse("people:record", args=[child.pk])).content.decode()
    assert page.index("Risk to staff") < page.index("Identity")
    assert (
        "Father threatened a worker" in page
        and "On a child protection plan" in page
        and "Missing now" in page
    )


def test_an_ended_plan_a_return_and_an_ended_warning_raise_nothing():
    child, worker, *_ = allocated_child()
    plan(child, D(2024, 1, 1), D(2024, 6, 1))
    PersonFlag.objects.create(
        person=child,
        kind="risk_to_staff",
        detail="x",
        start_date=D(2024, 1, 1),
        end_date=TODAY(),
        recorded_by=worker,
    )
    assert codes(child) == []


def test_three_placements_in_twelve_months_is_instability_and_two_is_not():
    start = TODAY() - datetime.timedelta(days=300)
    period = child_in_care(start=start)
    child = period.person
    change_placement(
        period,
        start_date=start + datetime.timedelta(days=100),
        placement=dict(CHILDRENS_HOME),
        reason_place_change=ReasonPlaceChange.CARE_PLAN,
    )
    assert "placement_instability" not in codes(child)
    change_placement(
        period,
        start_date=start + datetime.timedelta(days=200),
        placement=dict(FOSTER_PLACEMENT),
        reason_place_change=ReasonPlaceChange.CARE_PLAN,
    )
    [alert] = [a for a in alerts_for([child.pk], TODAY()) if a.kind.code == "placement_instability"]
    assert alert.detail.startswith("3 placements in the 12 months")


def test_a_care_leaver_in_unsuitable_accommodation():
    child, *_ = allocated_child(birth_date=D(2006, 1, 1))
    Accommodation.objects.create(
        person=child, from_date=D(2025, 1, 1), kind=AccommodationType.SUPPORTED_LODGINGS, suitable=True
    )
    assert "unsuitable_accommodation" not in codes(child)
    Accommodation.objects.create(
        person=child, from_date=D(2025, 6, 1), kind=AccommodationType.SUPPORTED_LODGINGS, suitable=False
    )
    assert "unsuitable_accommodation" in codes(child)


def test_the_record_warns_of_overdue_work_and_of_work_due_soon(client):
    child, worker, *_ = allocated_child()
    assessment_due(child, -9)
    client.force_login(worker)
    page = client.get(reverse("people:record", args=[child.pk])).content.decode()
    assert "Overdue by 9 days" in page and page.index("Overdue by 9 days") < page.index("Identity")
    other, worker2, *_ = allocated_child()
    assessment_due(other, 3)
    client.force_login(worker2)
    page = client.get(reverse("people:record", args=[other.pk])).content.decode()
    assert "Due in 3 days" in page


def test_a_worker_records_and_ends_a_warning_and_a_partner_cannot(client):
    child, worker, *_ = allocated_child()
    client.force_login(worker)
    response = client.post(
        reverse("people:add_flag", args=[child.pk]),
        {"kind": "risk_to_staff", "detail": "Dog at the address", **date_fields("start_date", TODAY())},
    )
    assert response.status_code == 302
    flag = PersonFlag.objects.get(person=child)
    assert flag.recorded_by == worker and "Dog at the address" in client.get(response.url).content.decode()
    response = client.post(reverse("people:add_flag", args=[child.pk]), {"kind": "", "detail": ""})
    assert "Select the type of warning" in response.content.decode()
    assert (
        client.post(reverse("people:end_flag", args=[flag.pk]), date_fields("date", TODAY())).status_code
        == 302
    )
    flag.refresh_from_db()
    assert flag.end_date == TODAY() and flag.history.count() == 2
    officer = police_officer(teams=[make_team(kind=TeamKind.MULTI_AGENCY_CP)])
    client.force_login(officer)
    assert client.post(reverse("people:add_flag", args=[child.pk]), {}).status_code == 403


def test_the_timeline_filters_by_journey_type_and_date(client):
    child, worker, *_ = allocated_child()
    assessment_due(child, 10)
    client.force_login(worker)
    url = reverse("people:record", args=[child.pk])
    everything = client.get(url).context["entries"]
    assert {entry.kind for entry, _ in everything} >= {"people.birth", "familyhelp.assessment"}
    only = client.get(url, {"journey": "familyhelp"}).context["entries"]
    assert only and {entry.kind.split(".")[0] for entry, _ in only} == {"familyhelp"}
    born = client.get(url, {"type": "people.birth", "from": "2018-01-01", "to": "2018-12-31"})
    assert [entry.title for entry, _ in born.context["entries"]] == ["Born"]
    assert "1 of" in born.content.decode()
    assert client.get(url, {"from": "not a date"}).status_code == 200


def test_the_chronology_prints_with_its_marking_and_downloads_as_an_audited_pdf(client):
    child, worker, *_ = allocated_child(forename="Maya")
    assessment_due(child, 10)
    client.force_login(worker)
    url = reverse("people:chronology", args=[child.pk])
    page = client.get(url).content.decode()
    assert page.count("OFFICIAL-SENSITIVE") >= 2 and "Printed by" in page and "Jo Allocated on" in page
    assert page.index("Born") < page.lower().index("assessment started")  # oldest first
    response = client.get(url, {"format": "pdf", "journey": "familyhelp"})
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert f"chronology-{child.la_id}" in response["Content-Disposition"]
    export = Disclosure.objects.get(user=worker, kind=DisclosureKind.EXPORT)
    assert list(export.children.values_list("person_id", flat=True)) == [child.pk]
    assert RecordView.objects.filter(
        user=worker, person=child, allowed=True, path__contains="format=pdf"
    ).exists()


def test_a_stranger_cannot_print_a_chronology(client):
    child, *_ = allocated_child()
    client.force_login(make_user())
    assert client.get(reverse("people:chronology", args=[child.pk]), {"format": "pdf"}).status_code == 403
    assert not Disclosure.objects.exists()
