"""Security headers on every page: Content-Security-Policy, Permissions-Policy and no caching of pages."""

import pytest
from django.urls import reverse

from tests.factories import allocated_child, make_user

pytestmark = pytest.mark.django_db


def test_a_child_record_is_never_cached_and_has_a_strict_policy(client):
    child, worker, _, _ = allocated_child()
    client.force_login(worker)
    response = client.get(reverse("people:record", args=[child.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert (
        "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    )


@pytest.mark.parametrize("name", ["home", "work", "people:search", "performance:dashboard"])
def test_every_signed_in_page_is_no_store(client, name):
    client.force_login(make_user())
    assert "no-store" in client.get(reverse(name))["Cache-Control"]


def test_the_sign_in_page_is_no_store_too(client):
    response = client.get(reverse("access:login"))
    assert "no-store" in response["Cache-Control"]
    assert "Content-Security-Policy" in response


def test_pages_have_no_inline_script_or_style(client):
    child, worker, _, _ = allocated_child()
    client.force_login(worker)
    for url in (reverse("home"), reverse("people:record", args=[child.pk]), reverse("access:login")):
        html = client.get(url).content.decode()
        assert "<script>" not in html and "<style" not in html and " style=" not in html, url


def test_static_files_keep_their_cache(client):
    response = client.get("/assets/thrive/thrive.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
