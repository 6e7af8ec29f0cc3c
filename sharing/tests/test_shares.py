"""Shares with a lawful basis: a manager makes, reviews and ends one; a partner sees exactly the parts shared
and nothing after the share ends; every disclosure (a page, an API answer, a notification) is logged."""

import datetime
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.models import (
    AgencyKind,
    BreakGlass,
    InvolvementKind,
    PartnerDisclosure,
    RecordView,
    Role,
    Share,
    TeamKind,
)
from access.parts import Part
from access.shares import DisclosureChannel, LawfulBasis
from people.duework import DueWork
from sharing.api import keys
from sharing.api.models import ApiCall, Scope
from tests import factories
from tests.factories import date_fields

from . import builders

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def browser(user):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


@pytest.fixture
def child_on_a_plan():
    return builders.child_on_a_plan()


@pytest.fixture
def health():
    agency = factories.make_agency("Shire Health Trust", AgencyKind.HEALTH)
    return agency, factories.make_user(role=Role.PARTNER, agency=agency, first_name="Nia", last_name="Nurse")


def test_a_partner_sees_exactly_the_parts_shared(child_on_a_plan, health):
    child, plan = child_on_a_plan.child, child_on_a_plan.plan
    agency, nurse = health
    factories.share(child, agency, parts=[Part.IDENTITY, Part.PLANS])
    client = browser(nurse)
    record = client.get(reverse("people:record", args=[child.pk]))
    assert record.status_code == 200
    page = record.content.decode()
    assert "Zara Quint" in page and child.la_id in page and child.nhs_number[:3] in page  # identity
    assert "Child protection plan from 24 Mar 2025" in page  # the plan in force
    assert f'href="{reverse("protection:plan", args=[plan.pk])}"' in page
    for not_shared in (
        "7 Hidden Lane",
        "Marigold",
        "Bruising",
        "Contact 3 Mar 2025",
        "Strategy discussion",
        "Section 47 enquiry",
        "Child in need plan",
        "Working with",
        "Jo Allocated",
        "Management oversight",
        "Shared with partner agencies",
    ):
        assert not_shared not in page, not_shared
    assert client.get(reverse("protection:plan", args=[plan.pk])).status_code == 200
    for refused in (
        reverse("frontdoor:contact", args=[child_on_a_plan.contact.pk]),
        reverse("familyhelp:cin_plan", args=[child_on_a_plan.cin_plan.pk]),  # ended: not current
        reverse("protection:section47", args=[child_on_a_plan.enquiry.pk]),
        reverse("sharing:shares", args=[child.pk]),
        reverse("people:audit", args=[child.pk]),
    ):
        response = client.get(refused)
        assert response.status_code == 403 and "Zara" not in response.content.decode(), refused
        refusals = RecordView.objects.filter(user=nurse, path=refused, allowed=False, person=child)
        assert refusals.exists(), refused
    history = client.get(reverse("people:history", args=[child.pk])).content.decode()
    assert "7 Hidden Lane" not in history and "Marigold" not in history


def test_every_page_a_partner_sees_through_a_share_is_in_the_disclosure_log(child_on_a_plan, health):
    child, plan = child_on_a_plan.child, child_on_a_plan.plan
    agency, nurse = health
    share = factories.share(
        child, agency, parts=[Part.IDENTITY, Part.PLANS], legal_basis=LawfulBasis.CA1989_S47
    )
    client = browser(nurse)
    client.get(reverse("people:record", args=[child.pk]))
    client.get(reverse("protection:plan", args=[plan.pk]))
    client.get(reverse("frontdoor:contact", args=[child_on_a_plan.contact.pk]))  # refused: not disclosed
    logged = list(PartnerDisclosure.objects.order_by("pk"))
    assert [(d.channel, d.user, d.share, d.legal_basis, d.person) for d in logged] == [
        (DisclosureChannel.PAGE, nurse, share, LawfulBasis.CA1989_S47, child)
    ] * 2
    assert logged[0].parts == ["identity", "plans"]
    assert logged[0].path == reverse("people:record", args=[child.pk])
    assert logged[1].parts == ["identity", "plans"] and logged[1].what == "Child protection: plan"
    assert logged[0].what == "Child's record"
    search = client.get(reverse("people:search"), {"surname": "Quint"})
    assert "Zara" in search.content.decode()
    assert PartnerDisclosure.objects.latest("pk").what == "Find a child: search results"


def test_nothing_is_seen_after_the_share_ends(child_on_a_plan, health):
    child, plan, manager = child_on_a_plan.child, child_on_a_plan.plan, child_on_a_plan.manager
    agency, nurse = health
    share = factories.share(child, agency, parts=[Part.IDENTITY, Part.PLANS])
    ended = browser(manager).post(
        reverse("sharing:end_share", args=[share.pk]),
        {**date_fields("stop_on", TODAY()), "reason": "Enquiry finished"},
    )
    assert ended.status_code == 302
    share.refresh_from_db()
    assert share.end_date == TODAY() - datetime.timedelta(days=1) and share.ended_by == manager
    client = browser(nurse)
    before = PartnerDisclosure.objects.count()
    for url in (reverse("people:record", args=[child.pk]), reverse("protection:plan", args=[plan.pk])):
        response = client.get(url)
        assert response.status_code == 403 and "Zara" not in response.content.decode()
        assert "Break glass" not in response.content.decode()  # a partner cannot break glass instead
    assert not client.get(reverse("people:search"), {"surname": "Quint"}).context["results"]
    refused = client.post(reverse("people:break_glass", args=[child.pk]), {"reason": "I need it"})
    assert refused.status_code == 403 and not BreakGlass.objects.exists()
    assert RecordView.objects.filter(user=nurse, person=child, allowed=False).count() == 3
    assert PartnerDisclosure.objects.count() == before


def test_a_front_door_manager_shares_reviews_and_ends_with_history(child_on_a_plan, health):
    child, worker, manager = child_on_a_plan.child, child_on_a_plan.worker, child_on_a_plan.manager
    agency, _ = health
    new = reverse("sharing:new_share", args=[child.pk])
    assert browser(worker).get(new).status_code == 403  # a social worker does not decide sharing
    page = browser(manager).get(new).content.decode()
    assert "Children Act 1989 s47" in page and "Data Protection Act 2018 Schedule 8 para 4" in page
    assert "Statutory duty to share" not in page  # retired: names no provision
    review_by = TODAY() + datetime.timedelta(days=90)
    posted = {
        "agency": agency.pk,
        "legal_basis": LawfulBasis.CA1989_S47,
        "parts": ["plans", "workers"],
        "purpose": "Health assessment for the child protection plan",
        **date_fields("start_date", TODAY()),
        **date_fields("review_date", review_by),
    }
    far = TODAY() + datetime.timedelta(days=400)
    too_late = browser(manager).post(new, {**posted, **date_fields("review_date", far)})
    assert "The review date must be no later than" in too_late.content.decode() and not Share.objects.exists()
    assert browser(manager).post(new, posted).status_code == 302
    share = Share.objects.get()
    assert share.parts == ["identity", "workers", "plans"]
    assert (share.review_date, share.granted_by) == (review_by, manager)

    review = reverse("sharing:review_share", args=[share.pk])
    assert (
        browser(worker)
        .post(review, {"parts": ["plans"], **date_fields("review_date", review_by), "note": "x"})
        .status_code
        == 403
    )
    browser(manager).post(
        review,
        {
            "parts": ["plans"],
            **date_fields("review_date", review_by),
            "note": "Still needed; the lead practitioner's name is not",
        },
    )
    share.refresh_from_db()
    assert share.parts == ["identity", "plans"] and share.reviewed_by == manager
    browser(manager).post(
        reverse("sharing:end_share", args=[share.pk]),
        {**date_fields("stop_on", TODAY() + datetime.timedelta(days=3)), "reason": "Plan ends"},
    )
    share.refresh_from_db()
    assert share.end_date == TODAY() + datetime.timedelta(days=2) and share.is_active()
    history = [(h.history_change_reason, h.history_user) for h in share.history.order_by("history_date")]
    assert history == [
        ("Shared", manager),
        ("Reviewed: Still needed; the lead practitioner's name is not", manager),
        ("Ended: Plan ends", manager),
    ]
    detail = browser(manager).get(reverse("sharing:share", args=[share.pk])).content.decode()
    assert "Reviewed: Still needed" in detail and "Ended: Plan ends" in detail


def test_a_share_review_is_due_work_for_the_manager_not_the_worker(child_on_a_plan, health):
    child, worker, manager = child_on_a_plan.child, child_on_a_plan.worker, child_on_a_plan.manager
    factories.share(child, health[0], review_date=TODAY() - datetime.timedelta(days=2))
    due = DueWork(manager, TODAY())
    rows = due.page(due.default_scope).object_list
    wanted = "Review the information share with Shire Health Trust"
    assert any(row.item.what == wanted and row.item.overdue_on(TODAY()) for row in rows)
    mine = DueWork(worker, TODAY())
    assert not any("information share" in row.item.what for row in mine.page("mine").object_list)


def test_the_api_lookup_answers_within_the_share_and_is_logged(child_on_a_plan, health):
    child, worker = child_on_a_plan.child, child_on_a_plan.worker
    agency, _ = health
    factories.involve(child, user=worker, kind=InvolvementKind.LEAD_CP_PRACTITIONER)
    share = factories.share(child, agency, parts=[Part.IDENTITY, Part.PLANS])
    _, key = keys.issue(agency, "Health record system", [Scope.LOOKUP])
    client = Client(HTTP_HOST="127.0.0.1")
    answer = client.get(f"/api/v1/children/{child.nhs_number}", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    assert answer["shared"] == ["identity", "plans"] and "lead_practitioner" not in answer
    plans = [(p["plan"], p["started_on"]) for p in answer["current_plans"]]
    assert plans == [("child_protection", "2025-03-24")]
    logged = PartnerDisclosure.objects.get()
    assert (logged.channel, logged.share, logged.parts, logged.person) == (
        DisclosureChannel.API,
        share,
        ["identity", "plans"],
        child,
    )
    assert logged.client.startswith("Health record system")
    share.parts = ["identity", "workers"]
    share.save()
    answer = client.get(f"/api/v1/children/{child.nhs_number}", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    assert answer["lead_practitioner"]["name"] == "Jo Allocated" and "current_plans" not in answer
    _, wrong = keys.issue(agency, "Outbox reader", [Scope.OUTBOX])
    refused = client.get(f"/api/v1/children/{child.nhs_number}", HTTP_AUTHORIZATION=f"Bearer {wrong}")
    assert refused.status_code == 403 and ApiCall.objects.filter(status=403).exists()
    assert PartnerDisclosure.objects.count() == 2


def test_a_notification_tells_the_sender_it_is_linked_only_under_a_share(health):
    agency, _ = health
    child = factories.make_person()
    _, key = keys.issue(agency, "Health system", [Scope.REFERRALS])
    body = {
        "reference": "R1",
        "reason": "Worried",
        "referrer_name": "Nia",
        "referrer_role": "Nurse",
        "child": {
            "forename": child.forename,
            "surname": child.surname,
            "birth_date": str(child.birth_date),
            "nhs_number": child.nhs_number,
        },
    }
    client = Client(HTTP_HOST="127.0.0.1")

    def send():
        return client.post(
            "/api/v1/referrals",
            json.dumps(body),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {key}",
        ).json()["status"]

    assert send() == "received" and not PartnerDisclosure.objects.exists()
    factories.share(child, agency, parts=[Part.IDENTITY])
    assert send() == "linked"
    assert PartnerDisclosure.objects.get().channel == DisclosureChannel.API


def test_a_core_app_imports_no_journey_app():
    """access, people and timescales are the cores every journey app builds on; they import none of them."""
    import ast
    from pathlib import Path

    from django.conf import settings

    root = Path(settings.BASE_DIR)
    journeys = {
        "frontdoor",
        "familyhelp",
        "protection",
        "proceedings",
        "care",
        "leavers",
        "sharing",
        "education",
        "performance",
        "returns",
        "retention",
        "ops",
    }
    found = []
    for core in ("access", "people", "timescales"):
        for path in (root / core).rglob("*.py"):
            if {"tests", "migrations"} & set(path.relative_to(root).parts):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else ([node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
                )
                found += [f"{path.relative_to(root)}: {n}" for n in names if n.split(".")[0] in journeys]
    assert found == []


def test_a_partners_staff_see_no_team_basis_as_scoped(child_on_a_plan):
    """A partner in a multi-agency team the child is open to reads the whole record, as before: a share is
    what scopes."""
    child = child_on_a_plan.child
    macpt = factories.make_team(kind=TeamKind.MULTI_AGENCY_CP)
    factories.involve(child, team=macpt, kind=InvolvementKind.TEAM)
    police = factories.make_agency("Police", AgencyKind.POLICE)
    officer = factories.make_user(role=Role.PARTNER, agency=police, teams=[macpt])
    page = browser(officer).get(reverse("people:record", args=[child.pk])).content.decode()
    assert "7 Hidden Lane" in page and "Marigold" in page
    assert not PartnerDisclosure.objects.exists()


def test_a_worklist_lists_a_shared_child_only_when_the_share_covers_what_it_shows(health):
    from care.worklists import children_in_care
    from tests.factories.care import child_in_care

    agency, nurse = health
    child = child_in_care(start=datetime.date(2025, 1, 6), birth_date=datetime.date(2012, 2, 1)).person
    share = factories.share(child, agency, parts=[Part.IDENTITY, Part.PLANS])
    assert children_in_care(nurse, TODAY()) == set()
    share.parts = ["identity", "care"]
    share.save()
    assert children_in_care(nurse, TODAY()) == {child.pk}
