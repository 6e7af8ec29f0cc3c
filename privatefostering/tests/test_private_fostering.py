"""Private fostering: visits worked by hand from the Children (Private Arrangements for Fostering) Regulations
2005, and the pages through the test client (access check, audit, recording rules)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from access.models import RecordView, Role
from privatefostering import visiting
from privatefostering.models import PrivateFosteringArrangement, PrivateFosteringVisit
from tests.factories import involve, make_person, make_user, police_officer
from tests.factories.care import cic_team
from timescales.due import due_items

D = datetime.date


@pytest.mark.django_db  # working days read the council's calendar
def test_first_visit_within_7_working_days_of_notification_over_easter():
    # Notified Thu 17 Apr 2025. Good Friday and Easter Monday are not working days: 22-25 Apr (4), 28-30 (7):
    # due Wed 30 Apr 2025.
    assert visiting.visit_due(D(2025, 4, 17), D(2025, 4, 17), []) == (
        D(2025, 4, 30),
        "PRIVATE_FOSTERING_FIRST_VISIT",
    )


def test_six_weekly_in_the_first_year_then_twelve_weekly():
    # The council learned of an arrangement on Thu 29 Feb 2024 (it had already begun): its first year ends
    # 28 Feb 2025. A visit on 27 Feb 2025 is in it: next within 6 weeks, 10 Apr 2025. A visit on 28 Feb 2025
    # is in the second year: within 12 weeks, 23 May 2025.
    aware = D(2024, 2, 29)
    assert visiting.visit_due(aware, aware, [D(2024, 3, 5), D(2025, 2, 27)]) == (
        D(2025, 4, 10),
        "PRIVATE_FOSTERING_VISIT",
    )
    assert visiting.visit_due(aware, aware, [D(2024, 3, 5), D(2025, 2, 28)]) == (
        D(2025, 5, 23),
        "PRIVATE_FOSTERING_VISIT_LATER",
    )


def test_a_proposal_is_visited_then_visits_run_from_when_it_begins():
    # Notified of a proposal on Mon 3 Mar 2025; visited Fri 7 Mar; the arrangement has not begun: nothing due.
    assert visiting.visit_due(D(2025, 3, 3), None, [D(2025, 3, 7)]) is None
    # It begins Mon 14 Apr 2025: the next visit is within 6 weeks of that, Mon 26 May 2025 (a bank holiday,
    # not moved).
    assert visiting.visit_due(D(2025, 3, 3), D(2025, 4, 14), [D(2025, 3, 7)]) == (
        D(2025, 5, 26),
        "PRIVATE_FOSTERING_VISIT",
    )


@pytest.mark.django_db
def test_pages_record_an_arrangement_and_a_visit_and_the_due_work_follows(client):
    worker = make_user(teams=[cic_team()])
    child = make_person(birth_date=D(2012, 1, 1))
    involve(child, user=worker, team=worker.teams.first())
    client.force_login(worker)
    today = timezone.localdate()
    response = client.post(
        reverse("privatefostering:arrangement", args=[child.pk]),
        {
            "notified_on_day": today.day,
            "notified_on_month": today.month,
            "notified_on_year": today.year,
            "carer": "Pat Morgan",
        },
    )
    assert response.status_code == 302
    arrangement = PrivateFosteringArrangement.objects.get(person=child)
    [item] = [i for i in due_items([child.pk], today) if i.timescale == "PRIVATE_FOSTERING_FIRST_VISIT"]
    assert (
        "Visit the privately fostered child"
        in client.get(reverse("privatefostering:record", args=[child.pk])).content.decode()
    )
    client.post(
        reverse("privatefostering:visit", args=[child.pk]),
        {
            "visited_on_day": today.day,
            "visited_on_month": today.month,
            "visited_on_year": today.year,
            "seen_alone": "on",
        },
    )
    assert PrivateFosteringVisit.objects.get(arrangement=arrangement).person == child
    assert not [i for i in due_items([child.pk], today) if i.timescale == "PRIVATE_FOSTERING_FIRST_VISIT"]
    record = client.get(reverse("people:record", args=[child.pk])).content.decode()
    assert "Private fostering" in record and "Pat Morgan" in record


@pytest.mark.django_db
def test_private_fostering_pages_check_access_audit_and_refuse_break_glass_recording(client):
    child = make_person(birth_date=D(2012, 1, 1))
    officer = police_officer()
    client.force_login(officer)
    assert client.get(reverse("privatefostering:record", args=[child.pk])).status_code == 403
    assert RecordView.objects.filter(user=officer, person=child, allowed=False).exists()
    stranger = make_user(role=Role.SOCIAL_WORKER)
    client.force_login(stranger)
    client.post(
        reverse("people:break_glass", args=[child.pk]), {"reason": "Report of a child living with strangers"}
    )
    assert client.get(reverse("privatefostering:record", args=[child.pk])).status_code == 200
    assert client.get(reverse("privatefostering:arrangement", args=[child.pk])).status_code == 403
    assert client.get(reverse("privatefostering:visit", args=[child.pk])).status_code == 403


@pytest.mark.django_db
def test_private_fostering_is_casework_a_shared_partner_reads_it_and_records_nothing(client):
    from tests.factories import share

    child = make_person(birth_date=D(2012, 1, 1))
    PrivateFosteringArrangement.objects.create(
        person=child, notified_on=D(2026, 1, 5), began_on=D(2026, 1, 5), carer="Pat Morgan"
    )
    officer = police_officer()
    share(child, officer.agency)
    client.force_login(officer)
    page = client.get(reverse("privatefostering:record", args=[child.pk])).content.decode()
    assert "Pat Morgan" in page
    for name in ("arrangement", "visit"):
        url = reverse(f"privatefostering:{name}", args=[child.pk])
        assert url not in page and client.post(url, {}).status_code == 403
    assert not PrivateFosteringVisit.objects.exists()
    adviser = make_user(role=Role.PERSONAL_ADVISER, teams=[cic_team()])  # a relationship, but not this work
    involve(child, user=adviser, team=adviser.teams.first())
    client.force_login(adviser)
    assert client.get(reverse("privatefostering:visit", args=[child.pk])).status_code == 403
    assert RecordView.objects.filter(person=child, allowed=False).count() == 3
