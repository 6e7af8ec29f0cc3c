"""SEN2: built from the education records, checked against the schema and the rules, downloadable only when
clean."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from access.models import Disclosure, DisclosureKind, RecordView, Role
from education.models import EhcPlan, EhcRequest
from education.tests.builders import school
from returns.sen2.extract import build, reference_date
from returns.sen2.validate import validate
from tests.factories import make_person, make_user

pytestmark = pytest.mark.django_db
D = datetime.date


def plan_for(received, decided, assessed, issued, **person):
    child = make_person(birth_date=D(2015, 6, 1), **person)
    request = EhcRequest.objects.create(
        person=child,
        received_on=received,
        requested_by="parent",
        decided_on=decided,
        assess=True,
        assessment_decided_on=assessed,
        issue=True,
    )
    EhcPlan.objects.create(
        person=child, request=request, issued_on=issued, primary_need="ASD", school=school()
    )
    return child, request


def test_the_reference_date_is_the_third_thursday_of_january():
    assert reference_date(2026) == D(2026, 1, 15)
    assert reference_date(2025) == D(2025, 1, 16)


def test_a_plan_issued_in_the_year_is_returned_with_its_20_week_flag_and_passes():
    child, request = plan_for(D(2025, 3, 3), D(2025, 4, 10), D(2025, 6, 20), D(2025, 7, 14))  # 19 weeks
    built = build(2026, "999")
    assert validate(built.xml, built.children) == []
    root = ET.fromstring(built.xml)
    assert root.findtext(".//Persons/Person/Surname") == child.surname
    assert root.findtext(".//Assessment/Week20") == "true"
    assert root.findtext(".//ActivePlans/SENneed/SENtype") == "ASD"
    assert child.la_id not in built.xml.decode()  # the council's ID is never sent


def test_a_late_plan_says_so_and_a_plan_from_an_earlier_year_is_historical():
    plan_for(D(2025, 1, 6), D(2025, 2, 10), D(2025, 5, 1), D(2025, 7, 1))  # 25 weeks
    plan_for(D(2022, 1, 6), D(2022, 2, 10), D(2022, 5, 1), D(2022, 5, 20))
    built = build(2026, "999")
    root = ET.fromstring(built.xml)
    assert [r.findtext("Assessment/Week20") for r in root.iter("Requests")] == ["false", "true"]
    assert [r.findtext("RequestOutcome") for r in root.iter("Requests")] == ["Y", "H"]


def test_validation_names_the_child_and_item_and_the_schema_catches_bad_codes():
    child, request = plan_for(D(2025, 3, 3), D(2025, 2, 10), D(2025, 6, 20), D(2025, 7, 14))
    issues = validate(build(2026, "999").xml, build(2026, "999").children)
    assert [(i.code, i.item) for i in issues] == [("SEN2-02", "RequestOutcomeDate")]
    assert child.la_id in issues[0].child
    bad = build(2026, "999").xml.replace(b"<SENtype>ASD</SENtype>", b"<SENtype>XYZ</SENtype>")
    assert any(i.code == "SCHEMA" for i in validate(bad, {}))


def test_the_download_is_for_analysts_is_blocked_by_issues_and_audited(client):
    analyst, worker = make_user(role=Role.ANALYST), make_user(role=Role.SOCIAL_WORKER)
    client.force_login(worker)
    assert client.get(reverse("returns:sen2:index")).status_code == 403
    assert RecordView.objects.filter(user=worker, allowed=False, person=None).exists()
    client.force_login(analyst)
    child, _ = plan_for(D(2025, 3, 3), D(2025, 2, 10), D(2025, 6, 20), D(2025, 7, 14))
    assert client.get(reverse("returns:sen2:download"), {"year": 2026}).status_code == 409
    issues = Disclosure.objects.get(user=analyst, kind=DisclosureKind.LIST)  # the issues name the child
    assert list(issues.children.values_list("person_id", flat=True)) == [child.pk]
    EhcRequest.objects.update(decided_on=D(2025, 4, 1))
    response = client.get(reverse("returns:sen2:download"), {"year": 2026})
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    export = Disclosure.objects.get(user=analyst, kind=DisclosureKind.EXPORT)
    assert export.filename == "SEN2_2026_999.xml" and export.count == 1
    assert list(export.children.values_list("person_id", flat=True)) == [child.pk]
