"""The gates in front of education pages, on people.access_views' gate and audit and education.access's rule.

- `reading`: the child's education record. The core gate finds the basis and audits; the role check refuses
  partners and the glass-only roles; the page then needs an education relationship on a basis of the user's
  own (`bases` tells the URL test which bases are refused).
- `recording`, `recording_on(Model)`: the write gate for Work.INCLUSION (access.basis.may_record).
- `starting`: identity-only pages for education staff starting work for a child they cannot yet open; every
  look and every refusal is audited against the child, and the page records nothing until saved.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from access.audit import log_access, log_refusal
from access.basis import Work
from access.classes import AccessClass
from access.models import Action
from access.parts import Part
from access.relationships import access_basis
from people.access_views import casework_write, child_read, child_write
from people.merging import survivor_of
from people.models import Person

from ..access import EDUCATION_BASES, may_see_education, reads_education, starts_education_work

NOT_EDUCATION = (
    "You can open this child's record, but their education records are for those who work with the child's "
    "education, or with their protection or care, through their own allocation or team."
)
NOT_A_READER = (
    "Education records are not open to partner agencies, analysts, administrators or the data protection "
    "officer."
)
NOT_STARTING = (
    "Starting education work for a child is for education and Virtual School officers in an education team."
)
STARTING = "starting education work for this child (identity only)"


def reading(view):
    """A page about the child's education: `view(request, child)`."""

    @wraps(view)
    def education_page(request, child):
        if not may_see_education(request.user, child):
            raise PermissionDenied(NOT_EDUCATION)  # the core gate logs it as refused, with the basis
        return view(request, child)

    # Never through a share (its bases leave shares out): the council's own, as far as partners go.
    gated = child_read(education_page, part=Part.COUNCIL_ONLY, allowed=reads_education, refusal=NOT_A_READER)
    gated.bases = EDUCATION_BASES
    return gated


# A form adding to the child's education record: `view(request, child)`.
recording = child_write(Work.INCLUSION)


def recording_on(model):
    """A form about one education record (a notice, a referral): `view(request, obj, child)`."""
    return casework_write(model, Work.INCLUSION)


def starting(view):
    """An identity-only page keyed by the child, for education staff only: `view(request, person)`.

    Audited like the front door's contact page: a refusal against the child; a look served, with the user's
    basis if they have one, else as identity only; a page that failed as refused.
    """

    @wraps(view)
    def wrapper(request, pk):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        person = get_object_or_404(Person.objects.select_related("merged_into"), pk=pk)
        if person.merged_into_id:
            query = request.GET.urlencode()
            url = reverse(request.resolver_match.view_name, args=[survivor_of(person).pk])
            return redirect(f"{url}?{query}" if query else url)
        if not starts_education_work(request.user):
            log_refusal(request, NOT_STARTING, [person], Action.RECORD)
            raise PermissionDenied(NOT_STARTING)
        basis = access_basis(request.user, person)
        text, kind = (basis.text, basis.kind) if basis else (STARTING, "")

        def logged(allowed: bool, why: str = "") -> None:
            log_access(request, [person], allowed=allowed, text=why or text, kind=kind, action=Action.RECORD)

        try:
            response = view(request, person)
        except PermissionDenied as denied:
            logged(False, f"refused: {denied or 'not permitted'}")
            raise
        except Http404:
            logged(False, "not served: page not found")
            raise
        except Exception:
            try:
                logged(False, "not served: the page failed")
            except Exception:  # the database may have failed: the page's own error matters more  # nosec B110
                pass
            raise
        logged(
            response.status_code < 400,
            "" if response.status_code < 400 else f"not served: status {response.status_code}",
        )
        return response

    wrapper.access_class = AccessClass.CHILD_WRITE
    wrapper.child_model, wrapper.work, wrapper.role_check = Person, Work.INCLUSION, starts_education_work
    return wrapper
