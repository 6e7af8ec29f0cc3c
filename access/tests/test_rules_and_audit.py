"""The typed basis of access, the write gate's rule, and what the audit log keeps."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from access.audit import record_view
from access.basis import BasisKind, Work, may_merge, may_record
from access.models import AgencyKind, BreakGlass, InvolvementKind, RecordView, Role, TeamKind
from access.relationships import access_basis, legitimate_basis, visible_people
from tests.factories import (
    allocated_child,
    involve,
    make_agency,
    make_team,
    make_user,
    police_officer,
    share,
)

pytestmark = pytest.mark.django_db


def test_own_involvement_is_the_basis_even_when_a_colleagues_is_older():
    child, worker, _, team = allocated_child()
    second = make_user(teams=[team])
    involve(child, user=second)
    basis = legitimate_basis(second, child)
    assert basis.kind == BasisKind.OWN and basis.text == "Allocated worker for the child"


def test_each_kind_of_basis():
    child, worker, manager, team = allocated_child()
    colleague = make_user(teams=[team])
    assert legitimate_basis(worker, child).kind == BasisKind.OWN
    assert legitimate_basis(colleague, child).kind == BasisKind.TEAM
    assert legitimate_basis(manager, child).kind == BasisKind.MANAGER
    macpt = make_team(kind=TeamKind.MULTI_AGENCY_CP)
    involve(child, team=macpt, kind=InvolvementKind.TEAM)
    officer = police_officer(teams=[macpt])
    assert legitimate_basis(officer, child).kind == BasisKind.MULTI_AGENCY
    nurse = make_user(role=Role.PARTNER, agency=make_agency("Trust", AgencyKind.HEALTH))
    share(child, nurse.agency)
    assert legitimate_basis(nurse, child).kind == BasisKind.SHARE
    assert legitimate_basis(police_officer(), child) is None


def test_analysts_administrators_and_the_dpo_have_no_relationship_even_in_a_team():
    """A team membership an administrator gave themselves does not open its children."""
    child, _, _, team = allocated_child()
    for role in (Role.ANALYST, Role.ADMINISTRATOR, Role.DATA_PROTECTION_OFFICER, Role.DATA_QUALITY):
        user = make_user(role=role, teams=[team])
        assert legitimate_basis(user, child) is None and visible_people(user) == set()


def _glass(user, child, reason="Emergency"):
    BreakGlass.objects.create(
        user=user, person=child, reason=reason, expires_at=timezone.now() + datetime.timedelta(hours=1)
    )
    return access_basis(user, child)


class TestWriteGate:
    def test_workers_with_their_own_relationship_record(self):
        child, worker, manager, team = allocated_child()
        colleague = make_user(teams=[team])
        for user in (worker, manager, colleague):
            assert may_record(user, access_basis(user, child))

    def test_reading_never_implies_recording(self):
        child, _, _, team = allocated_child()
        macpt = make_team(kind=TeamKind.MULTI_AGENCY_CP)
        involve(child, team=macpt, kind=InvolvementKind.TEAM)
        officer = police_officer(teams=[macpt])
        nurse = make_user(role=Role.PARTNER, agency=make_agency("Trust", AgencyKind.HEALTH))
        share(child, nurse.agency)
        stranger = make_user()
        for user in (officer, nurse):
            assert access_basis(user, child) is not None and not may_record(user, access_basis(user, child))
        for role in (Role.SOCIAL_WORKER, Role.ANALYST, Role.ADMINISTRATOR, Role.DATA_PROTECTION_OFFICER):
            user = stranger if role == Role.SOCIAL_WORKER else make_user(role=role)
            basis = _glass(user, child)
            assert basis.kind == BasisKind.BREAK_GLASS and not may_record(user, basis)
            assert not any(may_record(user, basis, work) for work in Work)

    def test_iros_record_reviews_of_the_children_they_review_and_nothing_else(self):
        child, *_ = allocated_child()
        iro = make_user(role=Role.IRO, teams=[make_team(kind=TeamKind.IRO)])
        involve(child, user=iro, kind=InvolvementKind.IRO)
        basis = access_basis(iro, child)
        assert may_record(iro, basis, Work.REVIEW)
        assert not may_record(iro, basis) and not may_record(iro, basis, Work.LEAVING_CARE)

    def test_personal_advisers_record_leaving_care_work_only(self):
        child, *_ = allocated_child()
        adviser = make_user(role=Role.PERSONAL_ADVISER)
        involve(child, user=adviser, kind=InvolvementKind.PERSONAL_ADVISER)
        basis = access_basis(adviser, child)
        assert may_record(adviser, basis, Work.LEAVING_CARE)
        assert not may_record(adviser, basis) and not may_record(adviser, basis, Work.REVIEW)

    def test_only_managers_record_oversight(self):
        child, worker, manager, _ = allocated_child()
        assert may_record(manager, access_basis(manager, child), Work.OVERSIGHT)
        assert not may_record(worker, access_basis(worker, child), Work.OVERSIGHT)

    def test_merging_needs_a_relationship_or_a_data_quality_officers_break_glass(self):
        child, worker, manager, _ = allocated_child()
        assert may_merge(manager, access_basis(manager, child))
        assert not may_merge(worker, access_basis(worker, child))
        other_manager = make_user(role=Role.TEAM_MANAGER, manages=[make_team()])
        assert not may_merge(other_manager, _glass(other_manager, child))
        officer = make_user(role=Role.DATA_QUALITY)
        assert may_merge(officer, _glass(officer, child))


def test_long_break_glass_reason_fits_the_audit_log():
    child, *_ = allocated_child()
    officer = make_user(teams=[make_team()])  # a social worker of another team: partners never break glass
    BreakGlass.objects.create(
        user=officer, person=child, reason="x" * 1500, expires_at=timezone.now() + datetime.timedelta(hours=1)
    )
    request = RequestFactory().get(f"/people/{child.pk}/")
    request.user = officer

    record_view(request, child, access_basis(officer, child))

    view = RecordView.objects.get()
    limit = RecordView._meta.get_field("basis").max_length
    assert view.allowed and len(view.basis) == limit and view.basis_kind == BasisKind.BREAK_GLASS
