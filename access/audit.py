"""Writing the audit log: each look at (or refusal of) a child's record, and each page or file naming
children.

`log_access` writes RecordView rows (one per child concerned, or one without a child for a refused page
about no one child). `disclose` writes a Disclosure with a DisclosedChild row for every child it named,
bulk-inserted with one prepared statement (`access.models.Disclosure`). Every row takes its place in the
audit's hash chain as it is written (`access.chain`), and is never changed or deleted.
"""

from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest

from .basis import Basis
from .models import Action, Disclosure, RecordView

BASIS_LENGTH = RecordView._meta.get_field("basis").max_length
NO_BASIS = "refused: no legitimate relationship and no break-glass reason"


def _path(request: HttpRequest) -> str:
    return request.get_full_path()[:500]


def log_access(
    request: HttpRequest,
    person_ids: Iterable,
    *,
    allowed: bool,
    text: str,
    kind: str = "",
    action: str = Action.READ,
) -> None:
    """One row for each child (ids or Person objects); none given, one row about no child."""
    ids = [getattr(p, "pk", p) for p in person_ids] or [None]
    RecordView.objects.bulk_create(
        RecordView(  # type: ignore[misc]  # a signed-in user
            user=request.user,
            person_id=pk,
            allowed=allowed,
            action=action,
            basis_kind=kind,
            # A break-glass basis quotes the user's reason, which may be longer than the column.
            basis=text[:BASIS_LENGTH],
            path=_path(request),
        )
        for pk in dict.fromkeys(ids)
    )


def record_view(request: HttpRequest, person: Any, basis: Basis | None, action: str = Action.READ) -> None:
    """Log one attempt to open a child's record on this basis (None: refused for want of one)."""
    if basis is None:
        log_access(request, [person], allowed=False, text=NO_BASIS, action=action)
    else:
        log_access(request, [person], allowed=True, text=basis.text, kind=basis.kind, action=action)


def log_refusal(
    request: HttpRequest, reason: str, person_ids: Iterable = (), action: str = Action.PAGE, kind: str = ""
) -> None:
    """A refusal by any check (a role, a read-only basis): the audit says which, in the user's words."""
    log_access(request, person_ids, allowed=False, text=f"refused: {reason}", kind=kind, action=action)


def disclose(
    request: HttpRequest,
    kind: str,
    person_ids: Iterable[int],
    *,
    what: str,
    filename: str = "",
    terms: str = "",
    count: int | None = None,
) -> Disclosure:
    """Log a search, list or file that named these children (each once), with what and how many."""
    ids = list(dict.fromkeys(person_ids))
    return Disclosure.objects.create(  # type: ignore[misc]  # a signed-in user; `named` is ChainedModel's
        user=request.user,
        kind=kind,
        what=what[:200],
        path=_path(request),
        filename=filename[:200],
        terms=terms[:500],
        count=len(ids) if count is None else count,
        named=ids,
    )
