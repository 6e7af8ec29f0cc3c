"""What the performance commands share: reading a file, naming the user, reporting row errors."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from ...tables import TableError


def read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}") from None


def user_named(username: str | None):
    if not username:
        return None
    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        raise CommandError(f"No user called {username}") from None


def table_error(error: TableError) -> CommandError:
    lines = "\n".join(f"  {e}" for e in error.errors)
    return CommandError(f"Nothing was loaded. {len(error.errors)} problem(s):\n{lines}")
