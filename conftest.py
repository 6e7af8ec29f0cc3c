"""Test-wide setup: `client.force_login` signs a user in fully, one-time code included.

Most tests are about what a signed-in user may do, not about signing in, so a user who must sign in
with a one-time code (access.two_factor) is given a confirmed authenticator and a session that has
given its code, as the real sign-in would leave it. The sign-in itself, with real codes, is tested in
access/tests/test_two_factor.py and end to end in tests/e2e.
"""

import pytest
from django.test import Client

import tests.hypothesis_profiles  # noqa: F401  registers and loads the Hypothesis profile


def verify_session(client, user) -> None:
    """Mark the client's session as having given a one-time code from the user's authenticator."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from access.two_factor import DEVICE_NAME, confirmed_device

    device = confirmed_device(user) or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture(autouse=True)
def _force_login_gives_the_code(monkeypatch):
    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        from access.two_factor import needs_two_factor

        if needs_two_factor(user):
            verify_session(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)
