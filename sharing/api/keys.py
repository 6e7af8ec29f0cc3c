"""Issuing, finding and revoking partner agencies' API keys.

A key reads `thr_<prefix>_<secret>`: the prefix finds the credential, the whole key's SHA-256 digest
proves it (compared in constant time). Only the digest is stored, so a copy of the database gives
no one a working key.
"""

import hashlib
import hmac
import secrets

from django.utils import timezone

from .models import ApiClient

KEY_START = "thr_"


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue(agency, name: str, scopes: list[str], rate_limit: int = 120) -> tuple[ApiClient, str]:
    """A new credential and its key; the key is returned once and never stored."""
    prefix = secrets.token_hex(6)
    key = f"{KEY_START}{prefix}_{secrets.token_urlsafe(32)}"
    client = ApiClient.objects.create(
        agency=agency,
        name=name,
        key_prefix=prefix,
        key_digest=digest(key),
        scopes=sorted(set(scopes)),
        rate_limit=rate_limit,
    )
    return client, key


def find(key: str) -> ApiClient | None:
    """The active credential this key belongs to, or None."""
    parts = key.split("_", 2) if key.startswith(KEY_START) else []
    if len(parts) != 3:
        return None
    client = (
        ApiClient.objects.select_related("agency")
        .filter(key_prefix=parts[1], revoked_at__isnull=True)
        .first()
    )
    if client is None or not hmac.compare_digest(client.key_digest, digest(key)):
        return None
    return client


def revoke(client: ApiClient) -> None:
    client.revoked_at = timezone.now()
    client.save(update_fields=["revoked_at"])
