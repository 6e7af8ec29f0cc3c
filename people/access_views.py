"""The gate in front of every page about one child: follow merges, check the access basis, audit.

A page keyed by the child (`record_page`) or by a piece of casework (`casework_page`, e.g. a
contact or a plan) goes through the same check, and the audit row is written before anything
about the child is shown, whether access is allowed or refused.
"""
from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from access.audit import record_view
from access.forms import BreakGlassForm
from access.rules import access_basis

from .merging import merged_ids, survivor_of
from .models import Person


def _basis(user, person, ids) -> str | None:
    """Access to a kept record follows from access to any record merged into it."""
    basis = access_basis(user, person)
    if basis is None:
        for duplicate in Person.objects.filter(pk__in=ids[1:]):
            found = access_basis(user, duplicate)
            if found:
                return f"{found} (on merged record {duplicate.la_id})"
    return basis


def refused(request, person, form=None, status=403):
    return render(request, "people/no_access.html", {"person": person, "form": form or BreakGlassForm()}, status=status)


@dataclass(frozen=True)
class Child:
    """The child a page is about: the kept record, the ids of records merged into it, and the access basis."""

    person: Person
    ids: list
    basis: str


def _open(request, person) -> Child | None:
    """Check and audit one attempt to open this child's casework; None when refused."""
    ids = merged_ids(person)
    basis = _basis(request.user, person, ids)
    record_view(request, person, basis)
    return Child(person, ids, basis) if basis else None


def record_page(view):
    """For views taking the child's pk: `view(request, person, ids, basis)`; merged records redirect to the kept one."""
    @login_required
    @wraps(view)
    def wrapper(request, pk):
        person = get_object_or_404(Person.objects.select_related("merged_into"), pk=pk)
        if person.merged_into_id:
            survivor = survivor_of(person)
            messages.info(
                request, f"{person.full_name} ({person.la_id}) was merged into this record, {survivor.la_id}."
            )
            return redirect(request.resolver_match.view_name, survivor.pk)
        child = _open(request, person)
        if child is None:
            return refused(request, person)
        return view(request, person, child.ids, child.basis)
    return wrapper


def casework_page(model):
    """For views taking the pk of a `model` row with a `person`: `view(request, obj, child)`.

    Casework on a record since merged into another is shown as part of the kept record.
    """
    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, pk):
            obj = get_object_or_404(model.objects.select_related("person"), pk=pk)
            person = survivor_of(obj.person) if obj.person.merged_into_id else obj.person
            child = _open(request, person)
            if child is None:
                return refused(request, person)
            return view(request, obj, child)
        return wrapper
    return decorator
