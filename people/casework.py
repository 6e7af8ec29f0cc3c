"""The Casework section of a child's record, and the one way a casework form is saved.

Apps do not know about each other's pages, so each journey app registers a card for the
record page in its own `<app>.casework` module (its episodes, with links and the actions that
make sense now), as they do for the timeline; and, the same way, panels for My work. Each card says which part
of the record (access.parts) its rows belong to, and a row may say otherwise (a plan in force is a current
plan
too): a reader whose basis is a share sees only rows of parts shared, and links only to pages they may open.

`save_form` is how every casework page handles a POST: valid input is saved in one transaction;
a rule the domain enforces while saving (a ValidationError, e.g. care proceedings without a family
group decision making offer) rolls everything back and is shown in the GOV.UK error summary.

A page that changes rows already held (closing a referral, ending a plan, a decision made once) names
them (`editing`); the form carries a digest of them as they were when the page was opened, and a save
finding them changed since is refused with the worker's entries kept on the page, so two workers
saving at once never silently overwrite each other (an optimistic check, under a row lock).
"""

import datetime
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render

from access.basis import Work
from access.models import User
from access.parts import Part, as_parts
from access.requests import SignedInRequest

from . import drafts as drafts_
from .access_views import Child, child_write
from .models import Person


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Row:
    """One line of a card: what, a short description, where to read more, and an optional status tag."""

    key: str
    value: str
    url: str | None = None
    tag: str = ""
    tag_colour: str = ""
    parts: tuple = ()  # the parts of the record the row belongs to, when not its card's


@dataclass
class Card:
    title: str
    rows: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    empty: str = "Nothing recorded."


class CardProvider(Protocol):
    """An app's card in the Casework section of a child's record (`<app>/casework.py`, imported by
    `PeopleConfig.ready`): None when it has nothing to show. `child` is a people.access_views.Child."""

    __qualname__: str

    def __call__(self, child: Child, user: User) -> Card | None: ...


_cards: dict[str, tuple[int, CardProvider, frozenset]] = {}


def card(order: int, part: Part | tuple[Part, ...]) -> Callable[[CardProvider], CardProvider]:
    """Register `func(child, user) -> Card | None`; cards show in `order`; `part` is the part (or parts) of
    the record its rows belong to."""

    def register(func: CardProvider) -> CardProvider:
        _cards[f"{func.__module__}.{func.__qualname__}"] = (order, func, as_parts(part))
        return func

    return register


@dataclass
class Panel:
    """A section of My work an app contributes (e.g. a manager's assessments awaiting authorisation)."""

    title: str
    rows: list = field(default_factory=list)
    link: Link | None = None
    empty: str = ""
    person_ids: list = field(default_factory=list)  # the children it names, for the audit log


class PanelProvider(Protocol):
    """An app's section of My work (`<app>/casework.py`): None when it has nothing to show."""

    __qualname__: str

    def __call__(self, user: User) -> Panel | None: ...


_panels: dict[str, tuple[int, PanelProvider]] = {}


def panel(order: int) -> Callable[[PanelProvider], PanelProvider]:
    """Register `func(user) -> Panel | None` for My work; panels show in `order`."""

    def register(func: PanelProvider) -> PanelProvider:
        _panels[f"{func.__module__}.{func.__qualname__}"] = (order, func)
        return func

    return register


def panels_for(user: User) -> list[Panel]:
    panels = (func(user) for _, func in sorted(_panels.values(), key=lambda entry: entry[0]))
    return [p for p in panels if p is not None]


def cards_for(child: Child, user: User) -> list[Card]:
    """Every app's card for this child (a people.access_views.Child), in order; for a share's reader, only
    the rows (and cards) of parts shared."""
    shown = []
    for _, func, parts in sorted(_cards.values(), key=lambda entry: entry[0]):
        found = func(child, user)
        if found is not None and child.basis.scoped:
            found = _within_share(child, found, parts)
        if found is not None:
            shown.append(found)
    return shown


def _within_share(child: Child, found: Card, parts: frozenset) -> Card | None:
    """The card as a share's reader may see it: rows of parts shared, links they may follow; none at all if
    the card's own part is not shared and none of its rows is."""
    rows = [row for row in found.rows if child.show(row.parts or parts)]
    if not rows and not child.show(parts):
        return None
    rows = [row if child.may_open(row.url) else replace(row, url=None) for row in rows]
    return Card(found.title, rows, [a for a in found.actions if child.may_open(a.url)], found.empty)


def posted(request: HttpRequest) -> QueryDict | None:
    """The form data of a POST, even an empty one (an empty QueryDict is falsy, so `or None` would lose
    it)."""
    return request.POST if request.method == "POST" else None


def not_before(value: datetime.date | None, earliest: datetime.date | None, field: str, what: str) -> None:
    """Refuse a date before the one it follows, naming both, e.g. a review before the plan started."""
    if value is not None and earliest is not None and value < earliest:
        raise ValidationError({field: f"The date must be on or after {what} ({earliest:%-d %B %Y})"})


def require_manager(user: User, what: str) -> None:
    if not user.is_manager:
        raise PermissionDenied(f"Only managers can {what}.")


def show_refusal(form: BaseForm, error: ValidationError) -> None:
    """Put a domain refusal on the form: on its field where the form has one, else above the form."""
    errors = error.error_dict.items() if hasattr(error, "error_dict") else [(None, error.error_list)]
    for name, messages_ in errors:
        form.add_error(name if name in form.fields else None, messages_)


VERSION_FIELD = "record_version"
CONFLICT = (
    "Someone else changed this record since you opened this page. What you entered is kept below: "
    "check the record, then save again to record it."
)


class EditConflict(Exception):
    """The rows a page edits changed after the worker opened it."""


def version_of(editing: Iterable[Any]) -> str:
    """A digest of the rows as the database holds them now: model instances, and querysets (e.g. a plan's
    reviews, or the decision a contact may already have)."""
    digest = hashlib.sha256()
    for item in editing:
        queryset = type(item)._base_manager.filter(pk=item.pk) if isinstance(item, models.Model) else item
        columns = [f.attname for f in queryset.model._meta.concrete_fields]
        digest.update(f"{queryset.model._meta.label}:".encode())
        for row in queryset.order_by("pk").values_list(*columns):
            digest.update(repr(row).encode())
    return digest.hexdigest()[:32]


def _check_unchanged(request: HttpRequest, editing: list[Any]) -> None:
    """Inside the saving transaction: lock the edited rows, then refuse if they changed since the page was
    opened. A POST without a version (not from Thrive's own form) is not checked."""
    opened = request.POST.get(VERSION_FIELD, "")
    if not opened:
        return
    for item in editing:
        if isinstance(item, models.Model):
            list(type(item)._base_manager.select_for_update().filter(pk=item.pk).values_list("pk"))
    if version_of(editing) != opened:
        raise EditConflict


def opened_before(request: HttpRequest) -> bool:
    """A POST from a form opened before someone else finished the step (it carries the version it was opened
    at): it goes on to save_form, which says so and keeps what was typed, rather than redirecting away."""
    return request.method == "POST" and bool(request.POST.get(VERSION_FIELD))


def done_meanwhile(done: bool, what: str) -> None:
    """Inside save(): refuse a step done once (a decision, a closure) that someone else has just done."""
    if done:
        raise ValidationError(f"Someone else has {what} since you opened this page.")


def _edited(form: BaseForm, editing: Any) -> list[Any]:
    """What the page edits: as named, else the row a model form changes (not one it adds)."""
    if isinstance(editing, (models.Model, models.QuerySet)):
        return [editing]
    if editing:
        return list(editing)
    instance = getattr(form, "instance", None)
    held = instance is not None and instance.pk is not None and not instance._state.adding
    return [instance] if held else []


def save_form(
    request: HttpRequest,
    form: BaseForm,
    save: Callable[[Any], Any],
    *,
    success: str,
    template: str = "casework/form.html",
    editing: Any = (),
    drafts: bool = True,
    **context: Any,
) -> HttpResponse:
    """Show the form; on a valid POST run `save(form) -> url` in a transaction and redirect there.

    The context names the child (`person`), the page `title`, `back_url`, and optionally `button`,
    `intro` and `facts` (key, value pairs shown above the form). `editing` names the rows held already that
    the page changes (a model instance, a queryset, or a list of them); a model form's instance by default.

    Nothing typed is lost (people.drafts): a POST that cannot be saved (invalid, refused, or in conflict
    with someone else's save) is kept as the worker's draft, a draft is offered back when they open the
    page again, and saving the form discards it.
    """
    editing = _edited(form, editing)
    conflict = False
    draft = None
    if request.method == "POST":
        if form.is_valid():
            try:
                with transaction.atomic():
                    if editing:
                        _check_unchanged(request, editing)
                    url = save(form)
            except ValidationError as error:
                show_refusal(form, error)
            except EditConflict:
                conflict = True
                form.add_error(None, CONFLICT)
            else:
                drafts_.discard(request.user, request.path)
                messages.success(request, success)
                return redirect(url)
        if drafts:
            try:
                draft = drafts_.keep(
                    request.user, request.path, drafts_.typed(request.POST), context.get("title", "")
                )
            except ValueError:  # too long to keep as a draft: the form's own errors say what to shorten
                draft = None
    elif drafts:
        draft = drafts_.find(request.user, request.path)
        if draft is not None:
            drafts_.restore(form, draft)
    version = ""
    if editing:  # the version first opened, kept until the worker has seen a conflicting change
        posted_version = request.POST.get(VERSION_FIELD, "") if request.method == "POST" else ""
        version = version_of(editing) if conflict or not posted_version else posted_version
    return render(
        request,
        template,
        {
            **context,
            "form": form,
            "record_version": version,
            "drafts": drafts,
            "restored": draft if request.method != "POST" else None,
        },
    )


def form_page(
    request: HttpRequest,
    person: Person,
    form: BaseForm,
    save: Callable[[Any], object],
    *,
    back: str,
    title: str,
    success: str,
    **context: Any,
) -> HttpResponse:
    """Show `form`; a valid POST runs `save(form)` in one transaction and returns to `back`."""

    def saved(form: BaseForm) -> str:
        save(form)
        return back

    return save_form(
        request, form, saved, success=success, person=person, title=title, back_url=back, **context
    )


def recorder(
    form_class: Callable[..., Any],
    model: type[models.Model],
    *,
    title: str,
    success: str,
    within: Callable[[Person], dict[str, Any]],
    back: Callable[[Person], str],
    made_by: str | None = None,
    work: Work = Work.CASEWORK,
) -> Callable[..., Any]:
    """A page adding one `model` row about the child; `within(person)` gives its parent, e.g. the period of
    care.
    Shared by the journey apps whose pages each record one row (care, leavers, private fostering)."""

    def view(request: SignedInRequest, child: Child) -> HttpResponse:
        person = child.person
        fields = within(person) | ({made_by: request.user} if made_by else {})
        form = form_class(posted(request), instance=model(**fields))
        return form_page(
            request, person, form, lambda form: form.save(), back=back(person), title=title, success=success
        )

    view.__name__ = view.__qualname__ = f"record_{model.__name__.lower()}"
    return child_write(work)(view)
