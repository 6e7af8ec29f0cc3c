"""Regression tests for the access basis written to the audit log."""
import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from access.audit import record_view
from access.models import BreakGlass, RecordView
from access.rules import access_basis, legitimate_basis
from tests.factories import allocated_child, involve, make_user, police_officer

pytestmark = pytest.mark.django_db


def test_own_involvement_is_the_basis_even_when_a_colleagues_is_older():
    child, worker, _, team = allocated_child()
    second = make_user(teams=[team])
    involve(child, user=second)
    assert legitimate_basis(second, child) == "Allocated worker for the child"


def test_long_break_glass_reason_fits_the_audit_log():
    child, *_ = allocated_child()
    officer = police_officer()
    BreakGlass.objects.create(
        user=officer, person=child, reason="x" * 1500, expires_at=timezone.now() + datetime.timedelta(hours=1)
    )
    request = RequestFactory().get(f"/people/{child.pk}/")
    request.user = officer

    view = record_view(request, child, access_basis(officer, child))

    limit = RecordView._meta.get_field("basis").max_length
    assert view.allowed and len(view.basis) == limit
