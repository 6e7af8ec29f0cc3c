"""Test runs: like development, with a fast password hasher so fixtures are quick."""

import tempfile

from .dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]  # noqa: F405
STORAGES = {
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
THRIVE_DOCUMENTS_ROOT = tempfile.mkdtemp(prefix="thrive-test-documents-")  # never the demo's var/
