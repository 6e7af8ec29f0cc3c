"""The Casework section of a child's record, and the one way a casework form is saved.

Apps do not know about each other's pages, so each journey app registers a card for the
record page in its own `<app>.casework` module (its episodes, with links and the actions that
make sense now), as they do for the timeline; and, the same way, panels for My work.

`save_form` is how every casework page handles a POST: valid input is saved in one transaction;
a rule the domain enforces while saving (a ValidationError, e.g. care proceedings without a family
group decision making offer) rolls everything back and is shown in the GOV.UK error summary.
"""
import importlib
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.module_loading import module_has_submodule

from . import drafts as drafts_

_cards = {}
_panels = {}
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


@dataclass
class Card:
    title: str
    rows: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    empty: str = "Nothing recorded."


def card(order: int):
    """Register `func(child, user) -> Card | None`; cards show in `order`."""
    def register(func):
        _cards[f"{func.__module__}.{func.__qualname__}"] = (order, func)
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


def panel(order: int):
    """Register `func(user) -> Panel | None` for My work; panels show in `order`."""
    def register(func):
        _panels[f"{func.__module__}.{func.__qualname__}"] = (order, func)
        return func
    return register


def panels_for(user) -> list[Panel]:
    if not _discovered:
        _autodiscover()
    panels = (func(user) for _, func in sorted(_panels.values(), key=lambda entry: entry[0]))
    return [p for p in panels if p is not None]


def _autodiscover():
    global _discovered
    for app in settings.THRIVE_APPS:
        if module_has_submodule(importlib.import_module(app), "casework"):
            importlib.import_module(f"{app}.casework")
    _discovered = True


def cards_for(child, user) -> list[Card]:
    """Every app's card for this child (a people.access_views.Child), in order."""
    if not _discovered:
        _autodiscover()
    cards = (func(child, user) for _, func in sorted(_cards.values(), key=lambda entry: entry[0]))
    return [c for c in cards if c is not None]


def posted(request):
    """The form data of a POST, even an empty one (an empty QueryDict is falsy, so `or None` would lose it)."""
    return request.POST if request.method == "POST" else None


def not_before(value, earliest, field: str, what: str) -> None:
    """Refuse a date before the one it follows, naming both, e.g. a review before the plan started."""
    if value is not None and earliest is not None and value < earliest:
        raise ValidationError({field: f"The date must be on or after {what} ({earliest:%-d %B %Y})"})


def require_manager(user, what: str) -> None:
    if not user.is_manager:
        raise PermissionDenied(f"Only managers can {what}.")


def show_refusal(form, error: ValidationError) -> None:
    """Put a domain refusal on the form: on its field where the form has one, else above the form."""
    errors = error.error_dict.items() if hasattr(error, "error_dict") else [(None, error.error_list)]
    for name, messages_ in errors:
        form.add_error(name if name in form.fields else None, messages_)


def save_form(request, form, save, *, success: str, template="casework/form.html", drafts: bool = True,
              **context):
    """Show the form; on a valid POST run `save(form) -> url` in a transaction and redirect there.

    The context names the child (`person`), the page `title`, `back_url`, and optionally `button`,
    `intro` and `facts` (key, value pairs shown above the form).

    Nothing typed is lost (people.drafts): a POST that cannot be saved is kept as the worker's draft, a
    draft is offered back when they open the page again, and saving the form discards it.
    """
    draft = None
    if request.method == "POST":
        if form.is_valid():
            try:
                with transaction.atomic():
                    url = save(form)
            except ValidationError as error:
                show_refusal(form, error)
            else:
                drafts_.discard(request.user, request.path)
                messages.success(request, success)
                return redirect(url)
        if drafts:
            draft = drafts_.keep(request.user, request.path, drafts_.typed(request.POST),
                                 context.get("title", ""))
    elif drafts:
        draft = drafts_.find(request.user, request.path)
        if draft is not None:
            drafts_.restore(form, draft)
    return render(request, template, {**context, "form": form, "drafts": drafts,
                                      "restored": draft if request.method != "POST" else None})
