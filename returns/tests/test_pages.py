"""The returns pages: the latest check grouped by rule, filtered and paged; checking again; overriding
errors; asking the child's worker to correct a record; downloading. The validators run for real."""

import datetime

import pytest

from access.models import Disclosure, DisclosureKind, Involvement, InvolvementKind, RecordView, Role
from returns.models import FixRequest, ValidationIssue, ValidationOverride, ValidationRun
from tests.factories import make_user
from timescales.due import due_items

from .builders import cin_census_children, council

pytestmark = pytest.mark.django_db


def signed_in(client, role):
    user = make_user(role=role)
    client.force_login(user)
    return user


def test_social_workers_cannot_see_returns_and_the_refusal_is_logged(client):
    user = signed_in(client, Role.SOCIAL_WORKER)
    assert client.get("/returns/").status_code == 403
    assert client.post("/returns/cin/2025/check/").status_code == 403
    refused = RecordView.objects.filter(user=user, person=None, allowed=False)
    assert sorted(refused.values_list("path", flat=True)) == ["/returns/", "/returns/cin/2025/check/"]


def test_an_analyst_checks_the_census_and_downloads_it(client):
    council()
    cin_census_children()
    user = signed_in(client, Role.ANALYST)
    assert b"Not checked yet" in client.get("/returns/").content
    assert b"has not been checked yet" in client.get("/returns/cin/2025/").content
    assert client.post("/returns/cin/2025/check/").status_code == 302
    run = ValidationRun.objects.get()
    assert (run.return_kind, run.year, run.children, run.ruleset) == ("cin", 2025, 5, "cin2024_25")
    page = client.get("/returns/cin/2025/").content.decode()
    assert "5 children in the return" in page and "csc-validator-be-cin" in page
    index = client.get("/returns/").content.decode()
    assert "Not checked yet" in index  # the other years
    download = client.get("/returns/cin/2025/download/")
    assert download["Content-Type"] == "application/xml"
    assert b"<LAchildID>C0001</LAchildID>" in download.content
    # who downloaded which file when, and every child in it
    export = Disclosure.objects.get(kind=DisclosureKind.EXPORT)
    assert (export.user, export.filename, export.count) == (user, "cin_2025.xml", 5)
    named = set(export.children.values_list("person__la_id", flat=True))
    assert named == {f"C000{n}" for n in range(1, 6)}
    issues = Disclosure.objects.get(
        kind=DisclosureKind.LIST
    )  # the issues page names the children with errors
    assert issues.user == user


def test_an_error_blocks_the_download_until_a_reason_is_recorded(client):
    council()
    children = cin_census_children()
    children[0].__class__.objects.filter(pk=children[0].pk).update(ethnicity="XXXX")
    user = signed_in(client, Role.ANALYST)
    client.post("/returns/cin/2025/check/")
    page = client.get("/returns/cin/2025/").content.decode()
    assert "4220" in page and "Ethnicity" in page
    assert client.get("/returns/cin/2025/download/").status_code == 302
    client.post("/returns/cin/2025/override/", {"reason": "Ethnicity being confirmed with the family"})
    override = ValidationOverride.objects.get(rule_code="4220", child="C0001")
    assert override.overridden_by == user
    assert client.get("/returns/cin/2025/download/").status_code == 200


def test_issues_are_grouped_by_rule_filtered_and_paged(client):
    council()
    cin_census_children()
    signed_in(client, Role.ANALYST)
    run = ValidationRun.objects.create(
        return_kind="cin",
        year=2025,
        validator="csc-validator-be-cin 0.1.13",
        ruleset="cin2024_25",
        children=80,
        rules={
            "8670Q": {
                "message": "Please check and either amend data or provide a "
                "reason: Assessment started more than 45 working days "
                "before the end of the census year",
                "kind": "query",
            },
            "4220": {"message": "Ethnicity is missing or invalid", "kind": "error"},
        },
    )
    ValidationIssue.objects.bulk_create(
        [
            ValidationIssue(
                run=run,
                rule_code="8670Q",
                kind="query",
                child=f"C{n:04d}",
                table="Assessments",
                row=n,
                values={"AssessmentActualStartDate": "2024-06-03"},
            )
            for n in range(70)
        ]
        + [
            ValidationIssue(
                run=run,
                rule_code="4220",
                kind="error",
                child="C0001",
                table="ChildCharacteristics",
                row=0,
                values={"Ethnicity": "XXXX"},
            )
        ]
    )
    page = client.get("/returns/cin/2025/").content.decode()
    assert "Assessment started more than 45 working days before the end of the census year." in page
    assert "Please check" not in page
    assert "71 issues, 1 to 50 shown" in page and "Page 1 of 2" in page
    assert "assessment start 3 Jun 2024" in page
    errors = client.get("/returns/cin/2025/?shown=error").content.decode()
    assert "1 issue." in errors and "ethnicity XXXX" in errors
    one = client.get("/returns/cin/2025/?child=C0003").content.decode()
    assert "1 issue." in one


def test_the_analyst_asks_the_allocated_worker_who_sees_it_in_due_work(client):
    council()
    children = cin_census_children()
    worker = make_user(role=Role.SOCIAL_WORKER)
    Involvement.objects.create(
        person=children[0],
        kind=InvolvementKind.ALLOCATED_WORKER,
        user=worker,
        start_date=datetime.date(2024, 5, 1),
    )
    analyst = signed_in(client, Role.ANALYST)
    run = ValidationRun.objects.create(
        return_kind="cin",
        year=2025,
        validator="v",
        ruleset="cin2024_25",
        children=5,
        rules={"4220": {"message": "Ethnicity is missing or invalid", "kind": "error"}},
    )
    issue = ValidationIssue.objects.create(
        run=run,
        rule_code="4220",
        kind="error",
        child="C0001",
        person=children[0],
        table="ChildCharacteristics",
        row=0,
        values={"Ethnicity": "XXXX"},
    )
    form = client.get(f"/returns/cin/2025/issues/{issue.pk}/ask/").content.decode()
    assert worker.username in form or worker.get_full_name() in form
    client.post(f"/returns/cin/2025/issues/{issue.pk}/ask/", {"note": "Please check with the family"})
    fix = FixRequest.objects.get()
    assert (fix.worker, fix.requested_by, fix.person, fix.rule_code) == (worker, analyst, children[0], "4220")
    assert fix.message == "Ethnicity is missing or invalid."
    items = due_items([children[0].pk], datetime.date.today())
    assert any(item.timescale == "RETURN_FIX" and "Ethnicity is missing" in item.what for item in items)
    assert b"Worker asked" in client.get("/returns/cin/2025/").content
    client.force_login(
        make_user(role=Role.SOCIAL_WORKER)
    )  # another worker sees none of it and cannot close it
    assert b"Ethnicity is missing" not in client.get("/returns/corrections/").content
    assert client.post(f"/returns/corrections/{fix.pk}/done/").status_code == 404
    assert client.get(f"/returns/cin/2025/issues/{issue.pk}/ask/").status_code == 403
    client.force_login(worker)
    assert b"Ethnicity is missing or invalid" in client.get("/returns/corrections/").content
    client.post(f"/returns/corrections/{fix.pk}/done/")
    fix.refresh_from_db()
    assert fix.closed_how == "done"


def test_no_allocated_worker_says_so(client):
    council()
    children = cin_census_children()
    signed_in(client, Role.ANALYST)
    run = ValidationRun.objects.create(
        return_kind="cin",
        year=2025,
        validator="v",
        ruleset="cin2024_25",
        children=5,
        rules={"4220": {"message": "Ethnicity is missing", "kind": "error"}},
    )
    issue = ValidationIssue.objects.create(
        run=run,
        rule_code="4220",
        kind="error",
        child="C0002",
        person=children[1],
        table="ChildCharacteristics",
        row=1,
    )
    page = client.get(f"/returns/cin/2025/issues/{issue.pk}/ask/", follow=True).content.decode()
    assert "No worker is allocated to child C0002" in page
    assert not FixRequest.objects.exists()


def test_the_903_downloads_as_a_zip_of_its_tables(client):
    from .builders import looked_after_children

    council()
    looked_after_children()
    signed_in(client, Role.ADMINISTRATOR)
    response = client.get("/returns/ssda903/2025/download/", follow=True)
    if response.redirect_chain:  # the small fixture may have errors; the reason lets it go
        client.post("/returns/ssda903/2025/override/", {"reason": "Test data"})
        response = client.get("/returns/ssda903/2025/download/")
    assert response["Content-Type"] == "application/zip"


def test_the_annex_a_download_is_logged_with_every_child_in_it(client):
    council()
    cin_census_children()
    user = signed_in(client, Role.ANALYST)
    download = client.get("/returns/annex-a/", {"as_at": "2025-03-31"})
    assert download.status_code == 200
    export = Disclosure.objects.get(kind=DisclosureKind.EXPORT)
    assert export.user == user and export.filename == "annex_a_2025-03-31.xlsx"
    named = set(export.children.values_list("person__la_id", flat=True))
    assert named and export.count == len(named) and named <= {f"C000{n}" for n in range(1, 6)}
