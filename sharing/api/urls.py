"""The API's URLs: each call audited (`ApiCall`) whatever its outcome, with the child it concerned; each
pattern declared with its access class (API: an agency's key with the scope its operations declare; the
OpenAPI description public), for tests/test_url_access.py."""

from functools import wraps

from access.classes import AccessClass, declare

from .endpoints import AgencyKey, api
from .models import ApiCall

# The OpenAPI description (no key needed), and django-ninja's root, which only ever answers 404.
PUBLIC = {"openapi-json", "api-root"}


def audited(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        client = getattr(request, "api_client", None)
        ApiCall.objects.create(
            client=client,
            method=request.method[:10],
            path=request.get_full_path()[:500],
            status=response.status_code,
            person=getattr(request, "api_person", None),
            outcome=getattr(request, "api_outcome", "")[:300],
            address=request.META.get("REMOTE_ADDR") or None,
        )
        return response

    return wrapper


def scopes_by_name() -> dict[str, dict[str, str]]:
    """{url name: {HTTP method: the scope it needs}}, from the operations' own `AgencyKey(scope)`."""
    found = {}
    for _, router in api._routers:
        for path_view in router.path_operations.values():
            name = path_view.url_name or api.get_operation_url_name(path_view.operations[0], router=router)
            found[name] = {
                method: auth.scope
                for operation in path_view.operations
                for method in operation.methods
                for auth in operation.auth_callbacks
                if isinstance(auth, AgencyKey)
            }
    return found


def urls():
    """(patterns, app name, namespace) for `path("api/v1/", urls())`, every view audited and declared."""
    patterns, app_name, namespace = api.urls
    scopes = scopes_by_name()
    for pattern in patterns:
        if pattern.name in PUBLIC:
            pattern.callback = declare(AccessClass.PUBLIC, audited(pattern.callback))
            continue
        if not scopes.get(pattern.name):
            raise LookupError(f"API operation {pattern.name} declares no scope")
        pattern.callback = declare(AccessClass.API, audited(pattern.callback))
        pattern.callback.api_scopes = scopes[pattern.name]
    return patterns, app_name, namespace
