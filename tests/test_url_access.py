"""Access is declared, not assumed: every URL pattern has an access class, and the gate holds for each.

The test walks the whole URLconf. A pattern without an access class fails the build. For every page keyed
by a child (or by casework about one) and every role: with no basis the page is refused, the refusal is
audited and names no one; with a read-only basis (a share, a partner's seat in a multi-agency team, a
break glass by a social worker, an analyst, an administrator or the data protection officer) every page
that records is refused and audited, GET and POST alike, and every page that reads is served and audited,
unless its role check refuses the reader or it is read only on other bases (a view's `bases`, e.g. education
records, read only on a relationship of the user's own), when it too is refused and audited.
Pages for a role (front-door staff, managers, analysts, administrators, education staff) refuse others and
audit the refusal. The partner-agency API's calls need an agency's key with the scope each declares: without
a key, 401; with a key lacking the scope, 403; both as problem details, both audited.
"""

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from access.basis import BasisKind
from access.classes import AccessClass
from access.models import AgencyKind, BreakGlass, RecordView, Role, TeamKind
from access.parts import SHAREABLE, Part, parts_of
from education.tests.builders import every_education_record
from familyhelp import services as familyhelp
from frontdoor import services as frontdoor
from frontdoor.codes import ContactOutcome, ReferralSource
from people.codes import FlagKind
from people.merging import merge_records
from people.models import PersonFlag
from privatefostering.models import PrivateFosteringArrangement
from proceedings import services as proceedings
from protection import services as protection
from sharing.api import keys
from sharing.api.models import ApiCall, Scope
from tests.factories import allocated_child, make_agency, make_person, make_team, make_user, share
from tests.factories.care import child_in_care

pytestmark = pytest.mark.django_db
D = datetime.date
NAME = "Zephyrine"  # the child's first name: a refusal page must not show it
READ_ONLY = ["share", "multi_agency", "break_glass", "analyst", "administrator", "dpo"]
READER_BASIS = {"share": BasisKind.SHARE, "multi_agency": BasisKind.MULTI_AGENCY}  # the rest break glass


def patterns(entries=None, namespace=""):
    """(view name, pattern, callback) for every pattern in the URLconf."""
    for entry in get_resolver().url_patterns if entries is None else entries:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from patterns(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", entry, entry.callback


CHILD_KEYED = sorted((name, callback) for name, _, callback in patterns() if hasattr(callback, "child_model"))


def test_every_url_pattern_declares_its_access_class():
    undeclared = [
        name
        for name, _, callback in patterns()
        if getattr(callback, "access_class", None) not in AccessClass.values
    ]
    assert undeclared == []


def test_every_page_that_changes_a_childs_record_uses_the_write_gate():
    """Pages keyed by a child or casework whose names say they record are declared child write."""
    reads = {name for name, callback in CHILD_KEYED if callback.access_class == AccessClass.CHILD_READ}
    assert reads == {
        "people:record",
        "people:history",
        "people:audit",
        "people:chronology",
        "frontdoor:contact",
        "frontdoor:referral",
        "familyhelp:episode",
        "familyhelp:assessment",
        "familyhelp:cin_plan",
        "protection:strategy_discussion",
        "protection:section47",
        "protection:conference",
        "protection:plan",
        "proceedings:overview",
        "care:record",
        "leavers:record",
        "privatefostering:record",
        "education:record",
        "sharing:shares",
        "sharing:share",
        "familyhelp:print_cin_plan",
        "familyhelp:cin_plan_pdf",
        "protection:print_plan",
        "protection:plan_pdf",
        "care:review_page",
        "care:print_review",
        "care:review_pdf",
        "recording:notes",
        "recording:note",
        "recording:documents",
        "recording:document",
        "recording:letter",
        "recording:letter_pdf",
    }
    assert len(CHILD_KEYED) > 70


@pytest.fixture
def world():
    """A child with a piece of every kind of casework, their worker, and the partners around them."""
    child, worker, manager, team = allocated_child(forename=NAME, surname="Quill")
    received = timezone.make_aware(datetime.datetime(2025, 3, 3, 9, 15))
    contact = frontdoor.record_contact(
        child,
        worker,
        source=ReferralSource.POLICE,
        referrer="PC",
        received_at=received,
        summary="Domestic incident",
    )
    frontdoor.decide(
        contact,
        worker,
        outcome=ContactOutcome.STRATEGY_DISCUSSION,
        rationale="Injury",
        worker=worker,
        team=team,
    )
    referral = contact.referral
    familyhelp.start_assessment(referral, worker=worker, start_date=D(2025, 3, 4))
    familyhelp.start_cin_plan(referral, start_date=D(2025, 3, 10))
    frontdoor.open_family_help(child, D(2025, 3, 5), worker, team, "Support")
    discussion = protection.record_strategy_discussion(
        referral,
        held_on=D(2025, 3, 4),
        outcome="s47",
        notes="",
        chaired_by=worker,
        attendees=[("Jo", "social_care")],
    )
    enquiry = protection.start_section47(discussion, start_date=D(2025, 3, 4))
    protection.record_section47_outcome(enquiry, outcome="icpc", completed_on=D(2025, 3, 14))
    macpt = make_team(kind=TeamKind.MULTI_AGENCY_CP)
    protection.initial_conference(
        enquiry,
        date=D(2025, 3, 20),
        chair=manager,
        outcome="plan",
        category="NEG",
        team=macpt,
        lead_practitioner=worker,
        attendees=[("Jo", "social_care")],
    )
    proceedings.record_offer(child, worker, offered_on=D(2025, 5, 1), response="accepted", responded_on=None)
    proceedings.record_exception(
        child,
        worker,
        reason="r",
        decided_on=D(2025, 5, 2),
        explained_to_court_on=None,
        explained_to_family_on=None,
    )
    proceedings.start_pre_proceedings(child, start_date=D(2025, 5, 12))
    proceedings.issue_proceedings(child, issued_on=D(2025, 6, 2), court="Leicester", case_number="")
    period = _recording(child, worker)
    PrivateFosteringArrangement.objects.create(
        person=child, notified_on=D(2025, 1, 6), began_on=D(2025, 1, 6), carer="A family friend"
    )
    every_education_record(child, on=D(2025, 7, 1), worker=worker, period=period)
    merge_records(child, make_person(forename=NAME, surname="Quill"), manager, "Same child")
    PersonFlag.objects.create(
        person=child, kind=FlagKind.RISK_TO_STAFF, detail="Dog", start_date=D(2025, 3, 3), recorded_by=worker
    )
    share(child, make_agency("Shire School", AgencyKind.EDUCATION), parts=[Part.IDENTITY])
    return child, macpt


def _recording(child, worker):
    """Case notes, a document, a letter, an address and a looked-after review on the child's record."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from care.models import Review
    from recording.documents import store
    from recording.models import CaseNote, Letter, NoteChild
    from tests.factories import make_address

    make_address(child)
    note = CaseNote.objects.create(
        kind="visit", happened_on=D(2025, 3, 5), summary="Visit", text="Seen", author=worker
    )
    NoteChild.objects.create(note=note, person=child, seen="seen")
    store(
        child,
        SimpleUploadedFile("a.txt", b"A plain note"),
        title="Note",
        kind="other",
        dated=None,
        user=worker,
    )
    Letter.objects.create(
        person=child,
        recipient_name="Kim",
        recipient_address="1 High St",
        subject="Visit",
        body="Dear Kim",
        written_by=worker,
        written_on=D(2025, 3, 6),
    )
    period = child_in_care(person=child, start=D(2025, 7, 1), worker=worker)
    Review.objects.create(period=period, held_on=D(2025, 7, 20), participation="PN1")
    return period


def keyed_by(name, callback, child):
    """The row the page is about in the fixture: the child, or a piece of their casework."""
    model = callback.child_model
    field = getattr(callback, "person_field", "person")
    obj = child if model._meta.label == "people.Person" else model.objects.filter(**{field: child}).first()
    assert obj is not None, f"the fixture has no {model.__name__} for {name}"
    return obj


def url_for(name, callback, child):
    return reverse(name, args=[keyed_by(name, callback, child).pk])


def reader(kind, child, macpt):
    """A user reading the child on a read-only basis."""
    if kind == "share":
        user = make_user(role=Role.PARTNER, agency=make_agency("Health Trust", AgencyKind.HEALTH))
        share(child, user.agency)
        return user
    if kind == "multi_agency":
        police = make_agency("Police", AgencyKind.POLICE)
        return make_user(role=Role.PARTNER, agency=police, teams=[macpt])
    role = {
        "break_glass": Role.SOCIAL_WORKER,
        "analyst": Role.ANALYST,
        "administrator": Role.ADMINISTRATOR,
        "dpo": Role.DATA_PROTECTION_OFFICER,
    }[kind]
    user = make_user(role=role, teams=[make_team()])
    BreakGlass.objects.create(
        user=user, person=child, reason="Checking", expires_at=timezone.now() + datetime.timedelta(hours=1)
    )
    return user


@pytest.mark.parametrize("role", Role.values)
def test_with_no_basis_every_child_page_is_refused_audited_and_names_no_one(client, world, role):
    child, _ = world
    user = make_user(role=role, teams=[make_team(kind=TeamKind.ASSESSMENT)])
    client.force_login(user)
    for name, callback in CHILD_KEYED:
        url = url_for(name, callback, child)
        for method in ("get", "post") if callback.access_class == AccessClass.CHILD_WRITE else ("get",):
            before = RecordView.objects.filter(user=user, allowed=False, path=url).count()
            response = getattr(client, method)(url)
            assert response.status_code == 403, (name, method, response.status_code)
            assert NAME not in response.content.decode(), name
            refusals = RecordView.objects.filter(user=user, allowed=False, path=url)
            assert refusals.count() == before + 1 and refusals.filter(person=child).exists(), (name, method)
    assert not RecordView.objects.filter(user=user, allowed=True).exists()


@pytest.mark.parametrize("kind", READ_ONLY)
def test_a_read_only_basis_reads_but_never_records(client, world, kind):
    child, macpt = world
    user = reader(kind, child, macpt)
    client.force_login(user)
    for name, callback in CHILD_KEYED:
        url = url_for(name, callback, child)
        role_refused = callback.role_check is not None and not callback.role_check(user)
        # A share covers every part it can; the council's own records (who it is shared with, the audit)
        # never.
        page_parts = parts_of(getattr(callback, "part", None), keyed_by(name, callback, child))
        not_shared = kind == "share" and not page_parts & set(SHAREABLE)
        reader_basis = READER_BASIS.get(kind, BasisKind.BREAK_GLASS)
        basis_refused = reader_basis not in getattr(callback, "bases", BasisKind)
        if (
            callback.access_class == AccessClass.CHILD_READ
            and not role_refused
            and not basis_refused
            and not not_shared
        ):
            response = client.get(url)
            assert response.status_code == 200, (name, response.status_code)
            view = RecordView.objects.filter(user=user, path=url).latest("pk")
            assert view.allowed and view.basis_kind in BasisKind.values, name
            continue
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code == 403, (name, method, response.status_code)
            view = RecordView.objects.filter(user=user, path=url).latest("pk")
            assert not view.allowed and view.person_id == child.pk, (name, method)
            assert view.basis.startswith("refused"), (name, method)


def test_every_page_that_reads_a_child_declares_its_part_of_the_record():
    undeclared = [
        name
        for name, callback in CHILD_KEYED
        if callback.access_class == AccessClass.CHILD_READ and getattr(callback, "part", None) is None
    ]
    assert undeclared == []


def test_a_share_of_identity_alone_opens_the_record_and_its_history_only_and_refusals_are_audited(
    client, world
):
    child, _ = world
    nurse = make_user(role=Role.PARTNER, agency=make_agency("Clinic", AgencyKind.HEALTH))
    share(child, nurse.agency, parts=[Part.IDENTITY])
    client.force_login(nurse)
    for name, callback in CHILD_KEYED:
        if callback.access_class != AccessClass.CHILD_READ:
            continue
        url = url_for(name, callback, child)
        response = client.get(url)
        view = RecordView.objects.filter(user=nurse, path=url).latest("pk")
        if name in ("people:record", "people:history"):
            assert response.status_code == 200 and view.allowed, name
        else:
            refused = response.status_code == 403 and not view.allowed
            assert refused and NAME not in response.content.decode(), name
    record = client.get(reverse("people:record", args=[child.pk])).content.decode()
    for not_shared in ("Working with", "Front door and referrals", "Child protection", "Family network"):
        assert not_shared not in record, not_shared


def test_a_read_only_reader_sees_no_buttons_that_record(client, world):
    child, macpt = world
    client.force_login(reader("multi_agency", child, macpt))
    record = client.get(reverse("people:record", args=[child.pk])).content.decode()
    for action in (
        "Record a contact",
        "Start an assessment",
        "Record a strategy discussion",
        "Record a visit",
        "Start a period of care",
        "Merge a duplicate",
    ):
        assert action not in record, action
    writes = [url_for(n, c, child) for n, c in CHILD_KEYED if c.access_class == AccessClass.CHILD_WRITE]
    for name, callback in CHILD_KEYED:
        if callback.access_class == AccessClass.CHILD_READ and callback.role_check is None:
            response = client.get(url_for(name, callback, child))
            if not response["Content-Type"].startswith("text/html"):
                continue  # a PDF or a document: no links in it
            page = response.content.decode()
            shown = [url for url in writes if f'href="{url}"' in page]
            assert shown == [], (name, shown)


def _args(pattern) -> dict:
    converters = getattr(pattern.pattern, "converters", {})
    return {
        key: 1 if type(converter).__name__ == "IntConverter" else "cin"
        for key, converter in converters.items()
    }


ROLE_PAGES = sorted(
    (name, pattern, callback)
    for name, pattern, callback in patterns()
    if not name.startswith("admin:")
    and not hasattr(callback, "child_model")
    and callback.access_class
    in (
        AccessClass.FRONT_DOOR,
        AccessClass.MANAGER,
        AccessClass.ANALYST,
        AccessClass.ADMIN,
        AccessClass.EDUCATION,
        AccessClass.CHILD_WRITE,
    )
)


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.PARTNER])
def test_role_pages_refuse_other_roles_and_audit_it(client, role):
    agency = make_agency("Police", AgencyKind.POLICE) if role == Role.PARTNER else None
    user = make_user(role=role, agency=agency)
    client.force_login(user)
    assert ROLE_PAGES
    for name, pattern, _callback in ROLE_PAGES:
        url = reverse(name, kwargs=_args(pattern))
        response = client.get(url)
        assert response.status_code in (403, 405), (name, response.status_code)
        if response.status_code == 403:
            assert RecordView.objects.filter(user=user, allowed=False, path=url, person=None).exists(), name


def test_every_page_but_the_public_ones_needs_sign_in(client):
    for name, pattern, callback in patterns():
        if callback.access_class in (AccessClass.PUBLIC, AccessClass.API) or name.startswith("admin:"):
            continue
        kwargs = {"pk": 1} if hasattr(callback, "child_model") else _args(pattern)
        response = client.get(reverse(name, kwargs=kwargs))
        assert response.status_code == 302 and "/access/sign-in/" in response["Location"], name


def test_front_door_staff_record_a_contact_about_a_child_they_cannot_open_and_nothing_else(client, world):
    child, _ = world
    staff = make_user(teams=[make_team(kind=TeamKind.FRONT_DOOR)])
    client.force_login(staff)
    assert client.get(reverse("frontdoor:contact_for_person", args=[child.pk])).status_code == 200
    view = RecordView.objects.get(user=staff, person=child)
    assert view.allowed and view.basis_kind == BasisKind.FRONT_DOOR
    assert client.get(reverse("people:record", args=[child.pk])).status_code == 403


API_CALLS = sorted(
    (name, pattern, callback)
    for name, pattern, callback in patterns()
    if callback.access_class == AccessClass.API
)
API_ARGS = {"nhs_number": "9434765919", "notification_id": 1}


def _api_url(name, pattern) -> str:
    return reverse(name, kwargs={key: API_ARGS[key] for key in getattr(pattern.pattern, "converters", {})})


def _problem(response, status: int) -> dict:
    assert response.status_code == status and response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status and problem["detail"]
    return problem


def test_every_api_call_needs_a_key_with_its_scope_and_each_refusal_is_audited(client):
    """No key (a signed-in session is not one): 401. A key of the agency without the call's scope: 403,
    before the request is read. Each refusal is an ApiCall row with its status."""
    assert {name for name, _, _ in API_CALLS} >= {
        "partner_api:child",
        "partner_api:read_outbox",
        "partner_api:domestic_abuse",
        "partner_api:referral",
    }
    police = make_agency("Police", AgencyKind.POLICE)
    client.force_login(make_user(role=Role.PARTNER, agency=police))
    for name, pattern, callback in API_CALLS:
        url = _api_url(name, pattern)
        for method, scope in callback.api_scopes.items():
            assert scope in Scope.values, name
            call = getattr(client, method.lower())
            _problem(call(url), 401)
            assert ApiCall.objects.filter(path=url, method=method, status=401, client=None).exists(), name
            others = [s for s in Scope.values if s != scope]
            api_client, key = keys.issue(police, f"without {scope}", others)
            refused = call(
                url,
                HTTP_AUTHORIZATION=f"Bearer {key}",
                content_type="application/json",
                data="{}" if method == "POST" else None,
            )
            assert scope in _problem(refused, 403)["detail"], name
            audit = ApiCall.objects.get(client=api_client, path=url)
            assert (audit.status, audit.method) == (403, method) and audit.outcome.startswith("refused"), name


def test_the_openapi_description_is_public_and_says_which_scope_each_call_needs(client):
    description = client.get(reverse("partner_api:openapi-json")).json()
    operations = [operation for path in description["paths"].values() for operation in path.values()]
    needed = {callback.api_scopes[method] for _, _, callback in API_CALLS for method in callback.api_scopes}
    assert {operation["security"][0]["AgencyKey"][0] for operation in operations} == needed
