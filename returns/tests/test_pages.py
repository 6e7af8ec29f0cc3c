import pytest

from access.models import Disclosure, DisclosureKind, RecordView, Role
from tests.factories import make_user

from .builders import cin_census_children, council

pytestmark = pytest.mark.django_db


def signed_in(client, role):
    user = make_user(role=role)
    client.force_login(user)
    return user


def test_social_workers_cannot_see_returns_and_the_refusal_is_logged(client):
    user = signed_in(client, Role.SOCIAL_WORKER)
    assert client.get("/returns/").status_code == 403
    assert RecordView.objects.get(user=user, person=None, allowed=False).path == "/returns/"


def test_an_analyst_sees_the_issues_and_downloads_the_census(client):
    council()
    cin_census_children()
    user = signed_in(client, Role.ANALYST)
    assert client.get("/returns/").status_code == 200
    page = client.get("/returns/cin/2025/")
    assert page.status_code == 200
    assert b"5 children in the return" in page.content
    download = client.get("/returns/cin/2025/download/")
    assert download["Content-Type"] == "application/xml"
    assert b"<LAchildID>C0001</LAchildID>" in download.content
    # who downloaded which file when, and every child in it
    export = Disclosure.objects.get(kind=DisclosureKind.EXPORT)
    assert (export.user, export.filename, export.count) == (user, "cin_2025.xml", 5)
    named = set(export.children.values_list("person__la_id", flat=True))
    assert named == {f"C000{n}" for n in range(1, 6)}
    issues = Disclosure.objects.get(kind=DisclosureKind.LIST)  # the issues page names the children with errors
    assert issues.user == user


def test_an_error_blocks_the_download_until_a_reason_is_recorded(client):
    council()
    children = cin_census_children()
    children[0].__class__.objects.filter(pk=children[0].pk).update(ethnicity="XXXX")
    user = signed_in(client, Role.ANALYST)
    page = client.get("/returns/cin/2025/")
    assert b"4220" in page.content
    blocked = client.get("/returns/cin/2025/download/")
    assert blocked.status_code == 302
    client.post("/returns/cin/2025/override/", {"reason": "Ethnicity being confirmed with the family"})
    from returns.models import ValidationOverride
    override = ValidationOverride.objects.get(rule_code="4220", child="C0001")
    assert override.overridden_by == user
    assert client.get("/returns/cin/2025/download/").status_code == 200


def test_the_903_downloads_as_a_zip_of_its_tables(client):
    from .builders import looked_after_children
    council()
    looked_after_children()
    signed_in(client, Role.ADMINISTRATOR)
    download = client.get("/returns/ssda903/2025/download/")
    assert download["Content-Type"] == "application/zip"


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
