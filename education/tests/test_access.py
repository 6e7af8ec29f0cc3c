"""Who reads and who records education, on the core gate: reading never implies recording; partners and the
glass-only roles never read education; starting work for a child is for education staff only; every refusal,
look, search and list is audited."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from access.basis import Basis, BasisKind, Work, may_record
from access.classes import AccessClass
from access.models import (
    AgencyKind,
    BreakGlass,
    Disclosure,
    DisclosureKind,
    Involvement,
    RecordView,
    Role,
    TeamKind,
)
from education.models import CmeReferral, Exclusion, HomeEducationNotice, PmeReferral
from education.tests.builders import (
    cp_plan,
    education_team,
    every_education_record,
    officer,
    virtual_school_officer,
)
from tests.factories import allocated_child, make_agency, make_team, make_user, share
from tests.test_url_access import patterns

pytestmark = pytest.mark.django_db
EDUCATION_WRITES = sorted(
    (name, callback)
    for name, _, callback in patterns()
    if name.startswith("education:")
    and hasattr(callback, "child_model")
    and callback.access_class == AccessClass.CHILD_WRITE
    and name != "education:start"
)
NO_RECORDING = "no right to record education and inclusion work"


@pytest.fixture
def child_protection():
    """A child on a CP plan with a piece of every education record, their social worker and team manager."""
    child, worker, manager, team = allocated_child(forename="Zephyrine", birth_date=datetime.date(2012, 2, 2))
    cp_plan(child)
    every_education_record(child, worker=worker)
    return child, worker, manager


def url_for(name, callback, child):
    model = callback.child_model
    obj = child if model._meta.label == "people.Person" else model.objects.filter(person=child).first()
    return reverse(name, args=[obj.pk])


def education_rows() -> int:
    return sum(model.objects.count() for model in (HomeEducationNotice, CmeReferral, PmeReferral, Exclusion))


def test_every_education_page_about_a_child_is_gated():
    """The record reads; every other page about a child records education and inclusion work."""
    about_a_child = {
        name: callback
        for name, _, callback in patterns()
        if name.startswith("education:") and hasattr(callback, "child_model")
    }
    assert about_a_child.pop("education:record").access_class == AccessClass.CHILD_READ
    assert about_a_child.pop("education:start").work == Work.INCLUSION
    assert len(about_a_child) == len(EDUCATION_WRITES) == 25
    assert all(callback.work == Work.INCLUSION for _, callback in EDUCATION_WRITES)


def test_only_education_and_virtual_school_officers_record_education_and_inclusion_work():
    own = Basis(BasisKind.TEAM, "member of a team the child is open to")
    for role in Role.values:
        assert may_record(make_user(role=role), own, Work.INCLUSION) == (
            role in (Role.EDUCATION_OFFICER, Role.VIRTUAL_SCHOOL)
        ), role
    eda = officer(education_team())
    for kind in (BasisKind.SHARE, BasisKind.MULTI_AGENCY, BasisKind.BREAK_GLASS, BasisKind.FRONT_DOOR):
        assert not may_record(eda, Basis(kind, "borrowed"), Work.INCLUSION), kind
    assert may_record(make_user(role=Role.SOCIAL_WORKER), own, Work.EDUCATION)  # a PEP is casework too


@pytest.mark.parametrize("who", ["worker", "manager"])
def test_a_child_protection_social_worker_or_manager_reads_education_but_records_none(
    client, child_protection, who
):
    child, worker, manager = child_protection
    user = worker if who == "worker" else manager
    client.force_login(user)
    url = reverse("education:record", args=[child.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Zephyrine" in page.content.decode()
    assert "What you can do" not in page.content.decode()  # no buttons that record
    look = RecordView.objects.get(user=user, path=url)
    assert look.allowed and look.basis_kind in (BasisKind.OWN, BasisKind.MANAGER)
    before = education_rows()
    for name, callback in EDUCATION_WRITES:
        url = url_for(name, callback, child)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code == 403, (name, method)
            refusal = RecordView.objects.filter(user=user, path=url).latest("pk")
            assert not refusal.allowed and refusal.person_id == child.pk, (name, method)
            assert NO_RECORDING in refusal.basis, (name, method)
    assert education_rows() == before


def test_a_partner_reads_the_shared_record_but_not_education_and_the_refusal_is_audited(
    client, child_protection
):
    child, _, _ = child_protection
    nurse = make_user(role=Role.PARTNER, agency=make_agency("Health Trust", AgencyKind.HEALTH))
    share(child, nurse.agency)
    client.force_login(nurse)
    record = client.get(reverse("people:record", args=[child.pk]))
    assert record.status_code == 200 and "Open the education record" not in record.content.decode()
    url = reverse("education:record", args=[child.pk])
    response = client.get(url)
    assert response.status_code == 403 and "Zephyrine" not in response.content.decode()
    refusal = RecordView.objects.get(user=nurse, path=url)
    assert not refusal.allowed and refusal.person_id == child.pk and refusal.basis.startswith("refused")
    worklist = reverse("education:worklist")
    assert client.get(worklist).status_code == 403
    assert RecordView.objects.filter(user=nurse, path=worklist, allowed=False, person=None).exists()


@pytest.mark.parametrize("role", [Role.ANALYST, Role.SOCIAL_WORKER])
def test_break_glass_opens_the_record_but_not_education(client, child_protection, role):
    child, _, _ = child_protection
    user = make_user(role=role, teams=[make_team(kind=TeamKind.PERFORMANCE)])
    BreakGlass.objects.create(
        user=user, person=child, reason="Checking", expires_at=timezone.now() + datetime.timedelta(hours=1)
    )
    client.force_login(user)
    assert client.get(reverse("people:record", args=[child.pk])).status_code == 200
    url = reverse("education:record", args=[child.pk])
    assert client.get(url).status_code == 403
    refusal = RecordView.objects.get(user=user, path=url)
    assert not refusal.allowed and refusal.person_id == child.pk
    assert refusal.basis_kind == ("" if role == Role.ANALYST else BasisKind.BREAK_GLASS)
    for page in ("education:worklist", "education:register", "education:find"):
        assert client.get(reverse(page)).status_code == 403, page
    assert not Disclosure.objects.filter(user=user).exists()


def start_url(child, kind="notice") -> str:
    return f"{reverse('education:start', args=[child.pk])}?kind={kind}"


@pytest.mark.parametrize("who", ["social_worker", "team_manager", "analyst", "officer_without_a_team"])
def test_only_education_staff_in_an_education_team_start_work_for_a_child(client, child_protection, who):
    """Starting work opens the child to the user's team: no one else may give themselves a way in."""
    child, _, _ = child_protection
    user = {
        "social_worker": lambda: make_user(teams=[make_team()]),
        "team_manager": lambda: make_user(role=Role.TEAM_MANAGER, manages=[make_team()]),
        "analyst": lambda: make_user(role=Role.ANALYST, teams=[make_team(kind=TeamKind.PERFORMANCE)]),
        "officer_without_a_team": lambda: make_user(role=Role.EDUCATION_OFFICER, teams=[make_team()]),
    }[who]()
    client.force_login(user)
    involvements, notices = Involvement.objects.count(), HomeEducationNotice.objects.count()
    url = start_url(child, "cme")
    for method in ("get", "post"):
        response = getattr(client, method)(
            url, **({"data": {"reason": "from_la"}} if method == "post" else {})
        )
        assert response.status_code == 403 and "Zephyrine" not in response.content.decode()
    refusals = RecordView.objects.filter(user=user, person=child, allowed=False, path=url)
    assert refusals.count() == 2 and all(r.basis.startswith("refused") for r in refusals)
    assert Involvement.objects.count() == involvements and HomeEducationNotice.objects.count() == notices
    assert client.get(reverse("education:find"), {"la_id": child.la_id}).status_code == 403


def test_a_virtual_school_officer_starts_work_identity_only_and_the_involvement_keeps_who_made_it(client):
    from tests.factories import date_fields, make_person

    child = make_person(forename="Zephyrine")
    team = make_team("Virtual School", kind=TeamKind.VIRTUAL_SCHOOL)
    vera = virtual_school_officer(team)
    client.force_login(vera)
    found = client.get(reverse("education:find"), {"la_id": child.la_id})
    assert "Zephyrine" in found.content.decode()
    search = Disclosure.objects.get(user=vera, kind=DisclosureKind.SEARCH)
    assert search.terms == child.la_id and list(search.children.values_list("person_id", flat=True)) == [
        child.pk
    ]
    assert (
        client.get(reverse("education:record", args=[child.pk])).status_code == 403
    )  # not yet open to the team
    assert client.get(start_url(child, "cme")).status_code == 200
    look = RecordView.objects.filter(user=vera, person=child, allowed=True).get()
    assert "identity only" in look.basis and look.action == "record"
    saved = client.post(
        start_url(child, "cme"), {**date_fields("received_on", timezone.localdate()), "reason": "from_la"}
    )
    assert saved.status_code == 302
    held = Involvement.objects.get(person=child, team__kind__in=[TeamKind.EDUCATION, TeamKind.VIRTUAL_SCHOOL])
    assert held.history.earliest().history_user == vera
    assert client.get(reverse("education:record", args=[child.pk])).status_code == 200


def test_the_lists_log_every_child_they_name(client):
    from tests.factories import make_person

    team = education_team()
    eda = officer(team)
    child = make_person(forename="Zephyrine")
    CmeReferral.objects.create(person=child, received_on=timezone.localdate(), reason="from_la")
    from education.access import open_to_team

    open_to_team(child, team, timezone.localdate())
    client.force_login(eda)
    for page in ("education:worklist", "education:missing"):
        assert "Zephyrine" in client.get(reverse(page)).content.decode(), page
    lists = Disclosure.objects.filter(user=eda, kind=DisclosureKind.LIST)
    assert lists.count() == 2
    assert all(list(d.children.values_list("person_id", flat=True)) == [child.pk] for d in lists)
    client.get(reverse("education:exclusions"))  # names no one: nothing logged
    assert Disclosure.objects.filter(user=eda).count() == 2
