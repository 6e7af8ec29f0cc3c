"""Production: PostgreSQL from DATABASE_URL, secrets from the environment, HTTPS only."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ.get("THRIVE_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("THRIVE_SECRET_KEY must be set to a random string of at least 50 characters.")
ALLOWED_HOSTS = [h for h in os.environ.get("THRIVE_ALLOWED_HOSTS", "").split(",") if h]
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS]

SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

STORAGES = {
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
}

# --- Operations (issue 16; docs/operations.md): request ids, JSON logs, health check, connections ---
from ops.logs import logging_config  # noqa: E402

# First, so every log line of the request, and the response, carry its id.
MIDDLEWARE = ["ops.requestid.RequestIdMiddleware", *MIDDLEWARE]  # noqa: F405
LOGGING = logging_config(os.environ.get("THRIVE_LOG_LEVEL", "INFO"))
# Load balancers and container probes call /healthz over plain HTTP on the instance itself.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Each gunicorn thread keeps its connection for a minute, checked before reuse after a database restart.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("THRIVE_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
