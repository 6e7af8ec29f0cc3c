"""The API's URLs, each call audited (`ApiCall`) whatever its outcome, with the child it concerned."""

from functools import wraps

from .endpoints import api
from .models import ApiCall


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


def urls():
    """(patterns, app name, namespace) for `path("api/v1/", urls())`, every view audited."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback = audited(pattern.callback)
    return patterns, app_name, namespace
