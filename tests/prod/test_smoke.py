"""Smoke tests of the production server: gunicorn with thrive.settings.prod on PostgreSQL, over HTTPS.

`make test` (scripts/prod-smoke.sh) starts the server on the synthetic `tiny` council and sets
THRIVE_PROD_URL; without it these tests are skipped. They drive headless Chromium as a person would:
sign in, search, open a record, read the dashboard; and check what operations rely on.
"""

import base64
import hashlib
import hmac
import json
import os
import ssl
import struct
import time
import urllib.request

import pytest

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS

URL = os.environ.get("THRIVE_PROD_URL", "")
DEMO_PASSWORD = "thrive-demo-2026"  # the synthetic council's staff (README.md)

pytestmark = [pytest.mark.prod, pytest.mark.skipif(not URL, reason="THRIVE_PROD_URL: run by make test")]


@pytest.fixture(scope="module")
def prod_browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(prod_browser):
    context = prod_browser.new_context(viewport={"width": 1280, "height": 900}, ignore_https_errors=True)
    page = context.new_page()
    page.set_default_timeout(20000)
    yield page
    context.close()


def sign_in(page, username):
    """Sign in as a person would, giving a code from the authenticator where the user needs two factors.

    The demo council that `make prod` loads gives its staff the demo authenticator key (README.md); a
    user without one is asked to set one up, as a council's new staff would be.
    """
    page.goto(f"{URL}/access/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/access/sign-in/" not in url)
    if "/access/two-factor/code/" in page.url:
        page.get_by_label("Code from your authenticator app").fill(authenticator_code(demo_key()))
        page.get_by_role("button", name="Continue").click()
    elif "/access/two-factor/set-up/" in page.url:
        secret = page.locator("#secret").text_content().replace(" ", "")
        key = base64.b32decode(secret + "=" * (-len(secret) % 8))
        page.get_by_label("Code from your authenticator app").fill(authenticator_code(key))
        page.get_by_role("button", name="Finish setting up").click()
    page.wait_for_url(f"{URL}/")


def demo_key() -> bytes:
    from django.conf import settings

    return bytes.fromhex(settings.DEMO_TOTP_KEY)


def authenticator_code(key: bytes) -> str:
    """What an authenticator app shows now for this key (RFC 6238: 30-second steps, 6 digits)."""
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def test_health_endpoint_answers_without_signing_in():
    insecure = ssl.create_default_context()
    insecure.check_hostname, insecure.verify_mode = (
        False,
        ssl.CERT_NONE,
    )  # the test server's self-signed certificate
    with urllib.request.urlopen(f"{URL}/healthz", context=insecure, timeout=10) as response:
        body = json.load(response)
        assert response.status == 200
        assert len(response.headers["X-Request-ID"]) == 32
    assert body["status"] == "ok" and body["database"] == "ok" and body["migrations"] == "applied"


def test_a_social_worker_signs_in_searches_and_opens_a_record(page):
    sign_in(page, "social.worker")
    assert page.locator("h2#mine").is_visible()
    first = page.locator("table[aria-labelledby='mine'] tbody tr").first
    name = first.get_by_role("link").inner_text().strip()
    la_id = first.locator("td").nth(1).inner_text().strip()
    surname = name.split()[-1]

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Find a child").click()
    page.get_by_label("Last name").fill(surname)
    page.get_by_role("button", name="Search").click()
    results = page.locator("table.thrive-results")
    results.wait_for()
    found = results.locator("tbody tr", has_text=la_id)
    assert found.count() == 1

    found.get_by_role("link").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(f"{URL}/people/")
    assert name in page.get_by_role("heading", level=1).first.inner_text()


def test_an_analyst_reads_the_dashboard(page):
    sign_in(page, "analyst")
    page.goto(f"{URL}/performance/")
    assert page.get_by_role("heading", level=1).first.is_visible()
    assert page.locator("table").first.is_visible()
    # Static files come from whitenoise with the manifest's hashed names and a year's cache.
    css = page.locator("link[rel=stylesheet]").first.get_attribute("href")
    asset = page.request.get(f"{URL}{css}")
    assert asset.status == 200 and "max-age=315360000" in asset.headers.get("cache-control", "")
