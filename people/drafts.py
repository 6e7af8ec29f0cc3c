"""Never lose what someone typed: drafts of casework forms, kept for the worker alone.

Every casework form (people.casework.save_form) keeps a draft of what was posted when it cannot be saved
(a mistake in the form, a rule the domain refuses) and offers it back the next time the worker opens the
page. With JavaScript (static/thrive/drafts.js) the form also saves a draft as the worker types, to the
endpoint here, and warns them, without losing the page, if they have been signed out.

A draft is the worker's own: it is not part of the child's record, no one else sees it, it is kept by
the page's path, and it is discarded when the form is saved or the worker discards it. Drafts older than
DRAFT_KEPT_DAYS are not offered and are deleted. The endpoint stores only what the user sends and
returns none of it, so it needs no access to the child; the form page that offers a draft back is behind
the child's write gate.
"""

import datetime
import json
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.db.models import QuerySet
from django.forms import BaseForm
from django.forms.utils import ErrorDict
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from access.classes import AccessClass, signed_in
from access.requests import SignedInRequest

from .models import Draft, Person

DRAFT_KEPT_DAYS = 30
DRAFTS_PER_USER = 100
MAX_DRAFT_BYTES = 256 * 1024
# Form fields that are about the draft or the request, not what the worker typed.
NOT_TYPED = {"csrfmiddlewaretoken", "draft_path", "draft_title", "record_version"}
# Long enough to be worth echoing back to someone signed out mid-form (a note, not a tick box).
ECHO_MIN_LENGTH = 20


def typed(post: QueryDict) -> dict[str, list[str]]:
    """What the worker typed, as {field name: [values]}, without the CSRF token and the draft's own fields.

    NUL characters are dropped: no one types them, the form refuses them, and PostgreSQL's JSON cannot hold
    them.
    """
    return {
        name: [value.replace("\x00", "") for value in post.getlist(name)]
        for name in post
        if name not in NOT_TYPED
    }


def _fresh(user: Any) -> QuerySet[Draft]:
    cutoff = timezone.now() - datetime.timedelta(days=DRAFT_KEPT_DAYS)
    return Draft.objects.filter(user=user, saved_at__gte=cutoff)


def find(user: Any, path: str) -> Draft | None:
    return _fresh(user).filter(path=path).first() if user.is_authenticated else None


def for_child(user: Any, person_ids: Iterable[int]) -> list[Draft]:
    """The user's own drafts about this child (and records merged into it), newest first."""
    return list(_fresh(user).filter(person_id__in=list(person_ids)).order_by("-saved_at"))


def person_for(path: str) -> tuple[bool, int | None]:
    """(whether the page records in a child's record, the child's id): drafts are for those pages only."""
    try:
        match = resolve(path)
    except Resolver404:
        return False, None
    callback = match.func
    if getattr(callback, "access_class", None) != AccessClass.CHILD_WRITE:
        return False, None
    model, pk = getattr(callback, "child_model", None), match.kwargs.get("pk")
    if model is None or pk is None:
        return True, None
    if model is Person:
        return True, Person.objects.filter(pk=pk).values_list("pk", flat=True).first()
    field = f"{getattr(callback, 'person_field', 'person')}_id"
    return True, model.objects.filter(pk=pk).values_list(field, flat=True).first()


def keep(user: Any, path: str, data: dict[str, list[str]], title: str = "") -> Draft | None:
    """Save (or replace) the user's draft of the page at `path`; None if the page takes no drafts."""
    if not user.is_authenticated or not any(v.strip() for values in data.values() for v in values):
        return None
    if len(json.dumps(data)) > MAX_DRAFT_BYTES:
        raise ValueError("The draft is too long to keep.")
    recording, person_id = person_for(path)
    if not recording:
        return None
    draft, _ = Draft.objects.update_or_create(
        user=user, path=path, defaults={"data": data, "title": title[:200], "person_id": person_id}
    )
    _tidy(user)
    return draft


def _tidy(user: Any) -> None:
    cutoff = timezone.now() - datetime.timedelta(days=DRAFT_KEPT_DAYS)
    Draft.objects.filter(user=user, saved_at__lt=cutoff).delete()
    extra = (
        Draft.objects.filter(user=user).order_by("-saved_at").values_list("pk", flat=True)[DRAFTS_PER_USER:]
    )
    Draft.objects.filter(pk__in=list(extra)).delete()


def discard(user: Any, path: str) -> None:
    if user.is_authenticated:
        Draft.objects.filter(user=user, path=path).delete()


def restore(form: BaseForm, draft: Draft) -> None:
    """Show the draft in the form as typed, without judging it yet: it is checked when the worker saves."""
    form.data = MultiValueDict(draft.data)
    form.files = MultiValueDict()
    form.is_bound = True
    form._errors = ErrorDict()  # type: ignore[attr-defined]


@signed_in
def draft(request: SignedInRequest) -> HttpResponse:
    """POST: keep the draft of the page named by `draft_path`. GET: a fresh CSRF token, for a page whose
    worker signed in again in another tab (signing in changes the token)."""
    path = request.POST.get("draft_path") if request.method == "POST" else request.GET.get("path", "")
    if not path or not path.startswith("/") or not person_for(path)[0]:
        raise Http404("No such form.")
    if request.method != "POST":
        return JsonResponse({"csrf": get_token(request)}, headers={"Cache-Control": "no-store"})
    try:
        kept = keep(request.user, path, typed(request.POST), request.POST.get("draft_title", ""))
    except ValueError as error:
        return JsonResponse({"error": str(error)}, status=413)
    saved = timezone.localtime(kept.saved_at if kept else timezone.now())
    return JsonResponse(
        {"saved_at": f"{saved:%H:%M}", "csrf": get_token(request)}, headers={"Cache-Control": "no-store"}
    )


@signed_in
@require_POST
def discard_draft(request: SignedInRequest) -> HttpResponse:
    path = request.POST.get("draft_path", "")
    discard(request.user, path)
    if not url_has_allowed_host_and_scheme(path, allowed_hosts={request.get_host()}) or not path.startswith(
        "/"
    ):
        path = "/"
    return redirect(path)


def signed_out(request: HttpRequest) -> HttpResponse:
    """A page about a child asked for by someone not signed in: sign in. If they were sending a form
    (their session ended while they typed), show them what they typed so they can copy it, then sign in.

    The text goes back only to the browser that just sent it; nothing is stored.
    """
    if request.method != "POST":
        return redirect_to_login(request.get_full_path())
    fields = [
        (name, value)
        for name, values in typed(request.POST).items()
        for value in values
        if len(value.strip()) >= ECHO_MIN_LENGTH and not name.endswith(("_day", "_month", "_year"))
    ]
    return render(
        request,
        "people/signed_out.html",
        {
            "fields": fields,
            "next": request.get_full_path(),
        },
        status=401,
    )
