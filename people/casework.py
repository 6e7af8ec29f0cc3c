"""The Casework section of a child's record, and the one way a casework form is saved.

Apps do not know about each other's pages, so each journey app registers a card for the
record page in its own `<app>.casework` module (its episodes, with links and the actions that
make sense now), as they do for the timeline; and, the same way, panels for My work. Each card says which part
of the record (access.parts) its rows belong to, and a row may say otherwise (a plan in force is a current plan
too): a reader whose basis is a share sees only rows of parts shared, and links only to pages they may open.

`save_form` is how every casework page handles a POST: valid input is saved in one transaction;
a rule the domain enforces while saving (a ValidationError, e.g. care proceedings without a family
group decision making offer) rolls everything back and is shown in the GOV.UK error summary.

A page that changes rows already held (closing a referral, ending a plan, a decision made once) names
them (`editing`); the form carries a digest of them as they were when the page was opened, and a save
finding them changed since is refused with the worker's entries kept on the page, so two workers
saving at once never silently overwrite each other (an optimistic check, under a row lock).
"""
from django.http import HttpRequest, HttpResponse, QueryDict
from django.forms import BaseForm
from typing import TYPE_CHECKING, Any, TypeVar
from collections.abc import Callable, Iterable
import datetime
import hashlib
import importlib
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.shortcuts import redirect, render
from django.utils.module_loading import module_has_submodule

from access.parts import Part, as_parts
from . import drafts as drafts_

if TYPE_CHECKING:
    from .access_views import Child


_cards: dict[str, tuple[int, "CardSource", frozenset[Part]]] = {}
_panels: dict[str, tuple[int, "PanelSource"]] = {}
_discovered = False


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
    parts: tuple[Part, ...] = ()  # the parts of the record the row belongs to, when not its card's


@dataclass
class Card:
    title: str
    rows: list[Row] = field(default_factory=list)
    actions: list[Link] = field(default_factory=list)
    empty: str = "Nothing recorded."


# What an app's `casework.py` registers: a card on the child's record (a people.access_views.Child and the
# user), and a panel on My work (the user).
CardSource = Callable[[Any, Any], Card | None]
CardT = TypeVar("CardT", bound=CardSource)


def card(order: int, part: Part | tuple[Part, ...]) -> Callable[[CardT], CardT]:
    """Register `func(child, user) -> Card | None`; cards show in `order`; `part` is the part (or parts) of
    the record its rows belong to."""
    def register(func: CardT) -> CardT:
        _cards[f"{func.__module__}.{func.__qualname__}"] = (order, func, as_parts(part))
        return func
    return register


@dataclass
class Panel:
    """A section of My work an app contributes (e.g. a manager's assessments awaiting authorisation)."""

    title: str
    rows: list[Any] = field(default_factory=list)
    link: Link | None = None
    empty: str = ""
    person_ids: list[int] = field(default_factory=list)  # the children it names, for the audit log


PanelSource = Callable[[Any], Panel | None]
PanelT = TypeVar("PanelT", bound=PanelSource)


def panel(order: int) -> Callable[[PanelT], PanelT]:
    """Register `func(user) -> Panel | None` for My work; panels show in `order`."""
    def register(func: PanelT) -> PanelT:
        _panels[f"{func.__module__}.{func.__qualname__}"] = (order, func)
        return func
    return register


def panels_for(user: Any) -> list[Panel]:
    if not _discovered:
        _autodiscover()
    panels = (func(user) for _, func in sorted(_panels.values(), key=lambda entry: entry[0]))
    return [p for p in panels if p is not None]


def _autodiscover() -> None:
    global _discovered
    for app in settings.THRIVE_APPS:
        if module_has_submodule(importlib.import_module(app), "casework"):
            importlib.import_module(f"{app}.casework")
    _discovered = True


def cards_for(child: "Child", user: Any) -> list[Card]:
    """Every app's card for this child (a people.access_views.Child), in order; for a share's reader, only
    the rows (and cards) of parts shared."""
    if not _discovered:
        _autodiscover()
    shown = []
    for _, func, parts in sorted(_cards.values(), key=lambda entry: entry[0]):
        found = func(child, user)
        if found is not None and child.basis.scoped:
            found = _within_share(child, found, parts)
        if found is not None:
            shown.append(found)
    return shown


def _within_share(child: "Child", found: Card, parts: frozenset[Part]) -> Card | None:
    """The card as a share's reader may see it: rows of parts shared, links they may follow; none at all if
    the card's own part is not shared and none of its rows is."""
    rows = [row for row in found.rows if child.show(row.parts or parts)]
    if not rows and not child.show(parts):
        return None
    rows = [row if child.may_open(row.url) else replace(row, url=None) for row in rows]
    return Card(found.title, rows, [a for a in found.actions if child.may_open(a.url)], found.empty)


def posted(request: HttpRequest) -> QueryDict | None:
    """The form data of a POST, even an empty one (an empty QueryDict is falsy, so `or None` would lose it)."""
    return request.POST if request.method == "POST" else None


def not_before(value: datetime.date | None, earliest: datetime.date | None, field: str, what: str) -> None:
    """Refuse a date before the one it follows, naming both, e.g. a review before the plan started."""
    if value is not None and earliest is not None and value < earliest:
        raise ValidationError({field: f"The date must be on or after {what} ({earliest:%-d %B %Y})"})


def require_manager(user: Any, what: str) -> None:
    if not user.is_manager:
        raise PermissionDenied(f"Only managers can {what}.")


def show_refusal(form: BaseForm, error: ValidationError) -> None:
    """Put a domain refusal on the form: on its field where the form has one, else above the form."""
    errors = error.error_dict.items() if hasattr(error, "error_dict") else [(None, error.error_list)]
    for name, messages_ in errors:
        form.add_error(name if name in form.fields else None, messages_)


VERSION_FIELD = "record_version"
CONFLICT = ("Someone else changed this record since you opened this page. What you entered is kept below: "
            "check the record, then save again to record it.")


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


def save_form(request: HttpRequest, form: Any, save: Callable[[Any], str], *, success: str,
              template: str = "casework/form.html", editing: Any = (), drafts: bool = True,
              **context: Any) -> HttpResponse:
    """Show the form; on a valid POST run `save(form) -> url` in a transaction and redirect there.

    The context names the child (`person`), the page `title`, `back_url`, and optionally `button`,
    `intro` and `facts` (key, value pairs shown above the form). `editing` names the rows held already that
    the page changes (a model instance, a queryset, or a list of them); a model form's instance by default.

    Nothing typed is lost (people.drafts): a POST that cannot be saved (invalid, refused, or in conflict
    with someone else's save) is kept as the worker's draft, a draft is offered back when they open the
    page again, and saving the form discards it.
    """
    edited = _edited(form, editing)
    conflict = False
    draft = None
    if request.method == "POST":
        if form.is_valid():
            try:
                with transaction.atomic():
                    if edited:
                        _check_unchanged(request, edited)
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
                draft = drafts_.keep(request.user, request.path, drafts_.typed(request.POST),
                                     context.get("title", ""))
            except ValueError:  # too long to keep as a draft: the form's own errors say what to shorten
                draft = None
    elif drafts:
        draft = drafts_.find(request.user, request.path)
        if draft is not None:
            drafts_.restore(form, draft)
    version = ""
    if edited:  # the version first opened, kept until the worker has seen a conflicting change
        posted_version = request.POST.get(VERSION_FIELD, "") if request.method == "POST" else ""
        version = version_of(edited) if conflict or not posted_version else posted_version
    return render(request, template, {**context, "form": form, "record_version": version, "drafts": drafts,
                                      "restored": draft if request.method != "POST" else None})
