"""Signing in and out, and the lockout after repeated failures (django-axes)."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def sign_in(client, username, password):
    return client.post(reverse("access:login"), {"username": username, "password": password})


def test_pages_ask_for_sign_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("access:login"))


def test_sign_in_page_is_a_govuk_form(client):
    content = client.get(reverse("access:login")).content.decode()
    assert '<label class="govuk-label" for="id_username">Username</label>' in content
    assert 'autocomplete="current-password"' in content


def test_sign_in_and_out(client):
    make_user(username="jo")
    response = sign_in(client, "jo", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")

    response = client.post(reverse("access:logout"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("access:login")
    assert "You have signed out" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302


def test_wrong_password_shows_an_error_summary(client):
    make_user(username="jo")
    response = sign_in(client, "jo", "wrong")
    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert 'href="#id_username"' in content
    assert "Enter a correct username and password" in content


def test_empty_fields_say_what_to_enter(client):
    content = sign_in(client, "", "").content.decode()
    assert "Enter your username" in content and "Enter your password" in content


def test_locked_out_after_five_failures(client):
    make_user(username="jo")
    for _ in range(4):
        assert sign_in(client, "jo", "wrong").status_code == 200

    fifth = sign_in(client, "jo", "wrong")
    assert fifth.status_code == 429
    assert "Your account is locked" in fifth.content.decode()
    assert "Try again in 30 minutes" in fifth.content.decode()

    right_password = sign_in(client, "jo", PASSWORD)
    assert right_password.status_code == 429
    assert "_auth_user_id" not in client.session


def test_other_accounts_are_not_locked(client):
    make_user(username="jo")
    make_user(username="sam")
    for _ in range(5):
        sign_in(client, "jo", "wrong")
    assert sign_in(client, "sam", PASSWORD).status_code == 302


def test_an_over_long_username_is_refused_before_it_is_tried(client):
    response = sign_in(client, "x" * 10_000, "wrong")
    assert response.status_code == 200
    assert "Username must be 150 characters or fewer" in response.content.decode()
