"""Errors as RFC 9457 problem details: `application/problem+json` with type, title, status, detail and the
instance, plus `errors` naming each bad field. Every refusal and bad request answers this way."""

from django.http import JsonResponse
from ninja.errors import AuthenticationError, HttpError, ValidationError

PROBLEM_TYPE = "https://thrive.invalid/problems/"  # documented in docs/api.md; not fetched by clients
CONTENT_TYPE = "application/problem+json"
TITLES = {
    400: "Bad request",
    401: "Not signed in",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    422: "Invalid request",
    429: "Too many requests",
    500: "Server error",
}
SLUGS = {
    400: "bad-request",
    401: "unauthorised",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    409: "conflict",
    422: "invalid-request",
    429: "rate-limited",
    500: "server-error",
}


class Problem(Exception):
    def __init__(self, status: int, detail: str, errors: list | None = None, headers: dict | None = None):
        super().__init__(detail)
        self.status, self.detail, self.errors, self.headers = status, detail, errors or [], headers or {}


def response(request, status: int, detail: str, errors: list | None = None, headers: dict | None = None):
    body = {
        "type": PROBLEM_TYPE + SLUGS.get(status, "error"),
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "instance": request.path,
    }
    if errors:
        body["errors"] = errors
    reply = JsonResponse(body, status=status, content_type=CONTENT_TYPE)
    for name, value in (headers or {}).items():
        reply[name] = value
    request.api_outcome = getattr(request, "api_outcome", "") or detail[:300]
    return reply


def _field(location) -> str:
    parts = [str(p) for p in location if p not in ("body", "payload", "query", "path")]
    return ".".join(parts) or "body"


def install(api) -> None:
    """Answer ninja's own errors as problem details too."""

    @api.exception_handler(Problem)
    def problem(request, exc):
        return response(request, exc.status, exc.detail, exc.errors, exc.headers)

    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        errors = [
            {"field": _field(e.get("loc", ())), "message": e.get("msg", "is not valid")} for e in exc.errors
        ]
        names = ", ".join(dict.fromkeys(e["field"] for e in errors))
        return response(request, 422, f"The request has invalid or missing fields: {names}.", errors)

    @api.exception_handler(AuthenticationError)
    def unauthorised(request, exc):
        return response(
            request,
            401,
            "Send a valid API key as 'Authorization: Bearer <key>'.",
            headers={"WWW-Authenticate": 'Bearer realm="thrive"'},
        )

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return response(request, exc.status_code, str(exc))


def openapi_problem_media_type(schema: dict) -> dict:
    """Declare error responses as application/problem+json, as they are sent."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for status, answer in operation.get("responses", {}).items():
                content = answer.get("content", {})
                if str(status).startswith(("4", "5")) and "application/json" in content:
                    content[CONTENT_TYPE] = content.pop("application/json")
    return schema
