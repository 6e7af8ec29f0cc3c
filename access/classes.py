"""Every URL pattern's access class, declared where the view is, and the gate for pages about no one child.

Each view carries `access_class`, stamped by the decorator that guards it (`page` here; the child gates
in people.access_views), and Django's own views are declared with `declare`/`declare_urls`.
tests/test_url_access.py walks the URLconf and fails on any pattern without a class.

A page with a role check logs every refusal, whichever check refused: the role check here, or a
PermissionDenied raised later by the view.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest
from django.urls import URLPattern, URLResolver

from .audit import log_refusal
from .models import Role, User
from .relationships import works_at_front_door

# A view function (or method), kept as it is by the decorators that declare and guard it.
ViewT = TypeVar("ViewT", bound=Callable[..., Any])
# A role check: whether this signed-in user may see the page.
Allowed = Callable[[Any], bool]


class AccessClass(models.TextChoices):
    PUBLIC = "public", "Public: no sign-in"
    SIGNED_IN = "signed_in", "Anyone signed in"
    CHILD_READ = "child_read", "Reading a child's record (a basis for that child)"
    CHILD_WRITE = "child_write", "Recording in a child's record (the right to record)"
    FRONT_DOOR = "front_door", "Front-door staff (members and managers of a front-door team)"
    MANAGER = "manager", "Managers and the oversight roles named on the page"
    ANALYST = "analyst", "Performance analysts and administrators"
    EDUCATION = "education", "The inclusion service and the Virtual School, and the roles the page names"
    ADMIN = "admin", "System administrators"
    API = "api", "Partner agencies' systems: an API key with the scope the call needs"


def declare(access_class: AccessClass, view: ViewT) -> ViewT:
    """Stamp a view (e.g. Django's own) with its access class; returns it (or, for a method, a wrapper)."""
    try:
        view.access_class = access_class  # type: ignore[attr-defined]
    except AttributeError:  # a bound method (Django admin has some) takes no attributes
        method = view

        @wraps(method)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            return method(*args, **kwargs)

        wrapper.access_class = access_class  # type: ignore[attr-defined]
        return cast(ViewT, wrapper)
    return view


def access_class_of(view: Callable[..., Any]) -> AccessClass | None:
    found: AccessClass | None = getattr(view, "access_class", None)
    return found


def declare_urls(urls: tuple[Any, ...], access_class: AccessClass, **by_name: AccessClass) -> tuple[Any, ...]:
    """Declare every pattern of an included URLconf (Django admin's `admin.site.urls`): one class for all,
    except the patterns named in `by_name` (e.g. login="public")."""
    patterns = urls[0]

    def stamp(entries: list[Any]) -> None:
        for entry in entries:
            if isinstance(entry, URLResolver):
                stamp(entry.url_patterns)
            elif isinstance(entry, URLPattern):
                entry.callback = declare(by_name.get(entry.name or "", access_class), entry.callback)

    stamp(patterns)
    return urls


def page(
    access_class: AccessClass, allowed: Allowed | None = None, refusal: str = ""
) -> Callable[[ViewT], ViewT]:
    """Guard a page about no one child: sign-in unless public; `allowed(user)` for role classes.

    Refusals are logged (the role check's, and any PermissionDenied the view raises) before the 403.
    """

    def decorator(view: ViewT) -> ViewT:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if access_class != AccessClass.PUBLIC and not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if allowed is not None and not allowed(request.user):
                log_refusal(request, refusal)
                raise PermissionDenied(refusal)
            try:
                return view(request, *args, **kwargs)
            except PermissionDenied as denied:
                if request.user.is_authenticated:
                    log_refusal(request, str(denied) or "not permitted")
                raise

        return declare(access_class, cast(ViewT, wrapper))

    return decorator


public = page(AccessClass.PUBLIC)
signed_in = page(AccessClass.SIGNED_IN)


def is_administrator(user: User) -> bool:
    return user.role == Role.ADMINISTRATOR or user.is_superuser


def is_analyst(user: User) -> bool:
    """Performance analysts and administrators: the roles that load figures and produce returns."""
    return user.role in (Role.ANALYST, Role.ADMINISTRATOR) or user.is_superuser


def reviews_audit(user: User) -> bool:
    """Managers review their staff's use of records; the data protection officer reviews everyone's."""
    return user.is_manager or user.role == Role.DATA_PROTECTION_OFFICER


def manager_page(
    allowed: Allowed = lambda user: user.is_manager, refusal: str = "This page is for managers."
) -> Callable[[ViewT], ViewT]:
    return page(AccessClass.MANAGER, allowed, refusal)


def front_door_page(refusal: str = "This page is for front-door staff.") -> Callable[[ViewT], ViewT]:
    """Pages of the front door's own work that name no one child (e.g. matching partners' records)."""
    return page(AccessClass.FRONT_DOOR, works_at_front_door, refusal)


def analyst_page(refusal: str) -> Callable[[ViewT], ViewT]:
    return page(AccessClass.ANALYST, is_analyst, refusal)


def admin_page(refusal: str = "This page is for system administrators.") -> Callable[[ViewT], ViewT]:
    return page(AccessClass.ADMIN, is_administrator, refusal)
