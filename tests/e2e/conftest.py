"""Headless Chromium for end-to-end tests, driven by Playwright's sync API against live_server."""

import os

import pytest

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a
# thread with a running loop unless told this is safe (it is: the tests are sequential).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def sign_in(page, live_server):
    """Sign in through the real form, as a user would: with a code from their authenticator where needed."""
    from tests.factories import PASSWORD

    def _sign_in(user):
        from access.two_factor import needs_two_factor

        key = authenticator_for(user) if needs_two_factor(user) else None
        page.goto(f"{live_server.url}/access/sign-in/")
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        if key is not None:
            page.wait_for_url("**/access/two-factor/code/**")
            page.get_by_label("Code from your authenticator app").fill(totp_code(key))
            page.get_by_role("button", name="Continue").click()
        page.wait_for_url(f"{live_server.url}/")

    return _sign_in


def authenticator_for(user) -> bytes:
    """Give the user a confirmed authenticator with the demo key, as the demo does; returns the key."""
    from django.conf import settings
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(
        user=user, name="Authenticator app", key=settings.DEMO_TOTP_KEY, confirmed=True
    )
    return device.bin_key


def totp_code(key: bytes) -> str:
    """The code an authenticator app shows now for this key (RFC 6238, as django-otp checks it)."""
    from django_otp.oath import totp

    return f"{totp(key):06d}"
