"""The gate in front of every page about one child, used by every app: follow merges, find the basis,
check the right to record, serve the page, and audit what happened.

A page keyed by the child (`child_read`, `child_write`) or by a piece of casework (`casework_read`,
`casework_write`, e.g. a contact or a plan) gets the child as a `Child`. Pages that change a child's
record use a write gate, which asks access.basis.may_record (or may_merge) for the work the page records:
reading never implies recording. Each decorator stamps the view with its access class and how it is keyed,
for the URLconf test.

Each page says which part of the record it belongs to (`part`, access.parts): a reader whose basis is a
share sees a page only if the share covers it, and the page shows only what the share covers (`Child.sees`,
`Child.show`). What a partner was shown through a share is written to the disclosure log as well.

The audit row is written once the page is known to have been served (a response below 400); a refusal by
any check (no basis, a read-only basis, a part not shared, a role, a PermissionDenied from the view) or a
page that failed is written as refused. A view of casework on a record since merged into another is logged
against both records. Refusal pages do not name the child.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import wraps
from typing import Any, cast
from urllib.parse import urlsplit

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve

from access.audit import NO_BASIS, log_access, log_refusal
from access.basis import Basis, Work, may_merge, may_record
from access.classes import AccessClass
from access.disclosures import page_seen
from access.forms import BreakGlassForm
from access.models import Action, BasisKind, User
from access.parts import Part, Parts, as_parts, labels, parts_of
from access.relationships import FRONT_DOOR_BASIS, access_basis, may_break_glass, works_at_front_door

from .drafts import signed_out
from .merging import merged_ids, survivor_of
from .models import Person

# A page about a child, before the gate (which takes the pk) wraps it; a role check; parts as given.
ChildView = Callable[..., Any]
Allowed = Callable[[Any], bool]
PartsGiven = Part | str | Iterable[Part | str] | None


@dataclass(frozen=True)
class Child:
    """The child a page is about: the kept record, the ids of records merged into it, and the access basis."""

    person: Person
    ids: list[int]
    basis: Basis
    user: Any = field(repr=False, compare=False, default=None)
    shown: set[Part] = field(
        default_factory=set, repr=False, compare=False
    )  # parts a share's reader was shown

    def may(self, work: Work = Work.CASEWORK) -> bool:
        """May the user record this kind of work about the child? (Pages hide what they may not do.)"""
        return may_record(self.user, self.basis, work)

    def sees(self, parts: PartsGiven) -> bool:
        """May the reader see something that belongs to these parts of the record?"""
        return self.basis.sees(parts)

    def show(self, parts: PartsGiven) -> bool:
        """`sees`, noting what a share's reader is shown for the disclosure log; for pages and cards."""
        if not self.basis.sees(parts):
            return False
        if self.basis.scoped:
            self.shown.update(as_parts(parts) & (self.basis.parts or frozenset()))
        return True

    def may_open(self, url: str | None) -> bool:
        """Would the page at this URL be served to this reader? Only a share's reader is ever refused one
        (it reads only pages of parts it covers); links they could not follow are not shown to them."""
        if not self.basis.scoped or not url:
            return True
        try:
            match = resolve(urlsplit(url).path)
        except Resolver404:
            return False
        view = match.func
        if getattr(view, "access_class", None) != AccessClass.CHILD_READ:
            return False
        role_check, part = getattr(view, "role_check", None), getattr(view, "part", None)
        if role_check is not None and not role_check(self.user):
            return False
        if self.basis.kind not in getattr(view, "bases", (self.basis.kind,)):  # e.g. education records
            return False
        obj: Any = None
        if callable(part) and not isinstance(part, str):
            obj = view.child_model.objects.filter(pk=match.kwargs.get("pk")).first()  # type: ignore[attr-defined]
            if obj is None:
                return False
        return self.basis.sees(parts_of(part, obj))

    @property
    def may_record(self) -> bool:
        return self.may(Work.CASEWORK)


def _basis(user: Any, person: Person, ids: list[int]) -> Basis | None:
    """Access to a kept record follows from access to any record merged into it."""
    basis = access_basis(user, person)
    if basis is None:
        for duplicate in Person.objects.filter(pk__in=ids[1:]):
            found = access_basis(user, duplicate)
            if found:
                return replace(found, text=f"{found.text} (on merged record {duplicate.la_id})")
    return basis


def refused(
    request: HttpRequest, person: Person, form: BreakGlassForm | None = None, status: int = 403
) -> HttpResponse:
    """The refusal page: no name, no identifiers; the break-glass form, and the front door for its staff."""
    return render(
        request,
        "people/no_access.html",
        {
            "person": person,
            "form": form or BreakGlassForm(),
            "front_door": works_at_front_door(cast(User, request.user)),  # signed in (access.classes)
            "may_break_glass": may_break_glass(cast(User, request.user)),
        },
        status=status,
    )


def not_shared(request: HttpRequest, person: Person, basis: Basis, parts: frozenset[Part]) -> HttpResponse:
    """A share's reader asked for a part of the record the share does not cover."""
    return render(
        request,
        "people/not_shared.html",
        {
            "person": person,
            "basis": basis,
            "parts": labels(parts) or "this page",
        },
        status=403,
    )


def read_only(request: HttpRequest, person: Person, basis: Basis, work: Work) -> HttpResponse:
    return render(
        request,
        "people/read_only.html",
        {
            "person": person,
            "basis": basis,
            "work": work.label.lower(),
        },
        status=403,
    )


def _allowed_to(user: Any, basis: Basis, work: Work) -> bool:
    return may_merge(user, basis) if work == Work.MERGE else may_record(user, basis, work)


def _no_right(work: Work, basis: Basis) -> str:
    """Why a write was refused, the reason first (the audit column keeps 200 characters)."""
    return f"no right to record {work.label.lower()} on this basis: {basis.text}"


def check_child(
    request: HttpRequest, person: Person, work: Work | None = None, action: str = Action.READ
) -> Child | None:
    """The access check for one more record a page shows (e.g. the duplicate in a merge): a refusal is logged
    here; an allowed view is for the caller to log once the page is served (`log_served`)."""
    ids = merged_ids(person)
    basis = _basis(request.user, person, ids)
    if basis is None:
        log_access(request, [person], allowed=False, text=NO_BASIS, action=action)
        return None
    if work is not None and not _allowed_to(request.user, basis, work):
        log_refusal(request, _no_right(work, basis), [person], action, basis.kind)
        return None
    return Child(person, ids, basis, request.user)


def log_served(
    request: HttpRequest, child: Child, action: str = Action.READ, person_ids: Iterable[Any] | None = None
) -> None:
    log_access(
        request,
        person_ids or [child.person],
        allowed=True,
        text=child.basis.text,
        kind=child.basis.kind,
        action=action,
    )


def _open(
    request: HttpRequest,
    person: Person,
    logged: list[int],
    work: Work | None,
    action: str,
    allowed: Allowed | None,
    refusal: str,
    parts: frozenset[Part],
) -> tuple[Child | None, HttpResponse | None]:
    """(Child, None) when the page may be served; (None, refusal response) otherwise, the refusal logged.
    `parts`: the parts of the record the page belongs to."""
    user = cast(User, request.user)  # a page about a child is for the signed in (access.classes)
    if allowed is not None and not allowed(user):
        log_refusal(request, refusal, logged, action)
        raise PermissionDenied(refusal)
    ids = merged_ids(person)
    basis = _basis(user, person, ids)
    if work == Work.CONTACT and not (basis and _allowed_to(user, basis, work)) and works_at_front_door(user):
        basis = FRONT_DOOR_BASIS  # the front door records a contact about any child, seeing identity only
    if basis is None:
        log_access(request, logged, allowed=False, text=NO_BASIS, action=action)
        return None, refused(request, person)
    if work is not None and not _allowed_to(user, basis, work):
        log_refusal(request, _no_right(work, basis), logged, action, basis.kind)
        return None, read_only(request, person, basis, work)
    if not basis.sees(parts):
        log_refusal(
            request,
            f"the share does not cover {labels(parts) or 'this page'}: {basis.text}",
            logged,
            action,
            basis.kind,
        )
        return None, not_shared(request, person, basis, parts)
    child = Child(person, ids, basis, user)
    child.show(parts)
    return child, None


def _serve(
    request: HttpRequest,
    child: Child,
    logged: list[int],
    action: str,
    view: Callable[..., HttpResponse],
    *args: Any,
) -> HttpResponse:
    """Run the view; log it as served only if it answered below 400, else as refused or failed."""

    def failed(text: str) -> None:
        log_access(request, logged, allowed=False, text=text, kind=child.basis.kind, action=action)

    try:
        response = view(request, *args)
    except PermissionDenied as denied:
        failed(f"refused: {denied or 'not permitted'}")
        raise
    except Http404:
        failed("not served: page not found")
        raise
    except Exception:
        try:
            failed("not served: the page failed")
        except Exception:  # the database may be what failed: the page's own error matters more  # nosec B110
            pass
        raise
    if response.status_code >= 400:
        failed(f"not served: status {response.status_code}")
    else:
        log_access(request, logged, allowed=True, text=child.basis.text, kind=child.basis.kind, action=action)
        if child.basis.kind == BasisKind.SHARE:
            page_seen(request, list(dict.fromkeys([*child.ids, *logged])), child.shown, _page_name(request))
    return response


SERVICES = {
    "people": "Child's record",
    "frontdoor": "Front door",
    "familyhelp": "Family Help",
    "protection": "Child protection",
    "proceedings": "Proceedings",
    "care": "Care",
    "leavers": "Leaving care",
    "sharing": "Information sharing",
    "privatefostering": "Private fostering",
    "education": "Education",
}


def _page_name(request: HttpRequest) -> str:
    """The page as the disclosure log names it: "Child protection: plan", "Care record"."""
    match = request.resolver_match
    service = SERVICES.get(match.namespace, match.namespace.capitalize())  # type: ignore[union-attr]
    name = match.url_name.replace("_", " ")  # type: ignore[union-attr]
    if name == "record":
        return service if match.namespace == "people" else f"{service} record"  # type: ignore[union-attr]
    return f"{service}: {name}"


def _stamp(
    wrapper: Any, work: Work | None, model: Any, allowed: Allowed | None, part: Parts | None
) -> ChildView:
    """What the URLconf test needs: the class, what the page is keyed by, what it records, its role check,
    and the part of the record it belongs to."""
    wrapper.access_class = AccessClass.CHILD_WRITE if work else AccessClass.CHILD_READ
    wrapper.child_model, wrapper.work, wrapper.role_check, wrapper.part = model, work, allowed, part
    stamped: ChildView = wrapper
    return stamped


def _action(work: Work | None, action: str | None) -> str:
    return action or (Action.MERGE if work == Work.MERGE else Action.RECORD if work else Action.READ)


def child_page(
    work: Work | None = None,
    *,
    part: Parts | None = None,
    allowed: Allowed | None = None,
    refusal: str = "",
    action: str | None = None,
) -> Callable[[ChildView], ChildView]:
    """For views taking the child's pk: `view(request, child)`; a merged record redirects to the kept one.

    `work` makes it a write gate; `part` is the part of the record the page belongs to (a share's reader
    needs it shared); `allowed(user)` is a role check, refused with `refusal` (and audited).
    """
    logged_as = _action(work, action)

    def decorator(view: ChildView) -> ChildView:
        @wraps(view)
        def wrapper(request: HttpRequest, pk: int) -> HttpResponse:
            if not request.user.is_authenticated:
                return signed_out(request)
            person = get_object_or_404(Person.objects.select_related("merged_into"), pk=pk)
            if person.merged_into_id:
                survivor = survivor_of(person)
                messages.info(
                    request, f"Record {person.la_id} was merged into this record, {survivor.la_id}."
                )
                return redirect(request.resolver_match.view_name, survivor.pk)  # type: ignore[union-attr]
            child, refusal_page = _open(
                request, person, [person.pk], work, logged_as, allowed, refusal, parts_of(part, person)
            )
            if child is None:
                return cast(HttpResponse, refusal_page)
            return _serve(request, child, [person.pk], logged_as, view, child)

        return _stamp(wrapper, work, Person, allowed, part)

    return decorator


def casework_page(
    model: Any,
    work: Work | None = None,
    *,
    part: Parts | None = None,
    person_field: str = "person",
    allowed: Allowed | None = None,
    refusal: str = "",
    action: str | None = None,
) -> Callable[[ChildView], ChildView]:
    """For views taking the pk of a `model` row about a child: `view(request, obj, child)`.

    Casework on a record since merged into another is shown as part of the kept record, and logged
    against both records.
    """
    logged_as = _action(work, action)

    def decorator(view: ChildView) -> ChildView:
        @wraps(view)
        def wrapper(request: HttpRequest, pk: int) -> HttpResponse:
            if not request.user.is_authenticated:
                return signed_out(request)
            obj = get_object_or_404(model.objects.select_related(person_field), pk=pk)
            own = getattr(obj, person_field)
            person = survivor_of(own) if own.merged_into_id else own
            logged = list(dict.fromkeys([person.pk, own.pk]))
            child, refusal_page = _open(
                request, person, logged, work, logged_as, allowed, refusal, parts_of(part, obj)
            )
            if child is None:
                return cast(HttpResponse, refusal_page)
            return _serve(request, child, logged, logged_as, view, obj, child)

        wrapper.person_field = person_field  # type: ignore[attr-defined]
        return _stamp(wrapper, work, model, allowed, part)

    return decorator


def child_read(view: ChildView | None = None, **options: Any) -> Any:
    """`@child_read` or `@child_read(allowed=..., refusal=...)`: a page that shows a child's record."""
    return child_page(**options)(view) if view else child_page(**options)


def child_write(work: Work = Work.CASEWORK, **options: Any) -> Callable[[ChildView], ChildView]:
    """`@child_write()` or `@child_write(Work.REVIEW)`: a page that records in a child's record."""
    return child_page(work, **options)


def casework_read(model: Any, **options: Any) -> Callable[[ChildView], ChildView]:
    return casework_page(model, **options)


def casework_write(
    model: Any, work: Work = Work.CASEWORK, **options: Any
) -> Callable[[ChildView], ChildView]:
    return casework_page(model, work, **options)
