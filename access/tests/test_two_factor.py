"""Two-factor sign-in: who must give a code, setting up an authenticator, giving its code, and idle
sign-out."""

import re
import time
from base64 import b32decode

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from access.models import AgencyKind, Role
from access.two_factor import needs_two_factor
from tests.factories import PASSWORD, make_agency, make_user, police_officer
from thrive.middleware import LAST_SEEN

pytestmark = pytest.mark.django_db


def code(key: bytes, steps_ahead: int = 0) -> str:
    return f"{totp(key, drift=steps_ahead):06d}"


def password_sign_in(client, user):
    return client.post(reverse("access:login"), {"username": user.username, "password": PASSWORD})


def test_the_rule_covers_administrators_analysts_and_partner_agencies():
    council = make_agency(kind=AgencyKind.LOCAL_AUTHORITY)
    health = make_agency(kind=AgencyKind.HEALTH)
    assert needs_two_factor(make_user(role=Role.ADMINISTRATOR, agency=council))
    assert needs_two_factor(make_user(role=Role.ANALYST, agency=council))
    assert needs_two_factor(police_officer())
    assert needs_two_factor(make_user(role=Role.EDUCATION_OFFICER, agency=health))
    assert needs_two_factor(make_user(agency=council, is_superuser=True))
    assert not needs_two_factor(make_user(role=Role.SOCIAL_WORKER, agency=council))
    assert not needs_two_factor(make_user(role=Role.TEAM_MANAGER))


def test_the_rule_is_one_setting(settings):
    settings.TWO_FACTOR_REQUIRED = {
        "ROLES": ["social_worker"],
        "SUPERUSERS": False,
        "PARTNER_AGENCIES": False,
    }
    assert needs_two_factor(make_user(role=Role.SOCIAL_WORKER))
    assert not needs_two_factor(police_officer())


def test_a_social_worker_signs_in_with_a_password_alone():
    client = Client()
    response = password_sign_in(client, make_user())
    assert response["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200


def test_first_sign_in_sets_up_an_authenticator_then_opens_the_page_asked_for():
    client, officer = Client(), police_officer()
    client.post(
        reverse("access:login"),
        {"username": officer.username, "password": PASSWORD, "next": reverse("people:search")},
    )
    response = client.get(reverse("people:search"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor:setup"))

    page = client.get(response["Location"])
    content = page.content.decode()
    assert "Set up two-factor sign-in" in content and "<svg" in content
    secret = re.search(r'id="secret">([A-Z2-7 ]+)<', content).group(1).replace(" ", "")
    key = b32decode(secret + "=" * (-len(secret) % 8))

    wrong = client.post(page.request["PATH_INFO"], {"code": "000000", "next": reverse("people:search")})
    assert "The code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.get(user=officer).confirmed

    TOTPDevice.objects.filter(user=officer).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    done = client.post(reverse("two_factor:setup"), {"code": code(key), "next": reverse("people:search")})
    assert done.status_code == 302 and done["Location"] == reverse("people:search")
    assert TOTPDevice.objects.get(user=officer).confirmed
    assert client.get(reverse("people:search")).status_code == 200


def test_later_sign_ins_ask_for_the_code():
    client, admin = Client(), make_user(role=Role.ADMINISTRATOR)
    device = TOTPDevice.objects.create(user=admin, name="Authenticator app", confirmed=True)
    password_sign_in(client, admin)
    response = client.get(reverse("home"))
    assert response["Location"].startswith(reverse("two_factor:verify"))
    page = client.get(response["Location"]).content.decode()
    assert "Enter your sign-in code" in page and "Find a child" not in page  # no menu until the code is given

    empty = client.post(reverse("two_factor:verify"), {"code": ""})
    assert "Enter the 6-digit code from your authenticator app" in empty.content.decode()
    letters = client.post(reverse("two_factor:verify"), {"code": "abcdef"})
    assert "Code must be 6 numbers" in letters.content.decode()

    ok = client.post(
        reverse("two_factor:verify"), {"code": code(device.bin_key), "next": "https://evil.example/"}
    )
    assert ok.status_code == 302 and ok["Location"] == reverse("home")  # never sent off the site
    assert client.get(reverse("home")).status_code == 200


def test_a_code_is_used_once():
    admin = make_user(role=Role.ADMINISTRATOR)
    device = TOTPDevice.objects.create(user=admin, name="Authenticator app", confirmed=True)
    first, second = Client(), Client()
    for client in (first, second):
        password_sign_in(client, admin)
    now = code(device.bin_key)
    assert first.post(reverse("two_factor:verify"), {"code": now}).status_code == 302
    again = second.post(reverse("two_factor:verify"), {"code": now})
    assert again.status_code == 200 and "The code is not right" in again.content.decode()


def test_without_the_code_only_sign_out_opens():
    client, admin = Client(), make_user(role=Role.ADMINISTRATOR)
    TOTPDevice.objects.create(user=admin, name="Authenticator app", confirmed=True)
    password_sign_in(client, admin)
    for name in ("home", "work", "people:search", "performance:dashboard", "returns:index"):
        assert client.get(reverse(name)).status_code == 302, name
    assert client.post(reverse("access:logout")).status_code == 302
    assert client.get(reverse("two_factor:verify"))["Location"].startswith(reverse("access:login"))


def test_an_idle_session_is_signed_out_with_a_message(settings):
    client, worker = Client(), make_user()
    client.force_login(worker)
    assert client.get(reverse("home")).status_code == 200
    session = client.session
    session[LAST_SEEN] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT - 5
    session.save()

    response = client.get(reverse("home"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("access:login"))
    assert "Thrive was not used for 30 minutes" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302


def test_a_session_in_use_stays_signed_in(settings):
    client = Client()
    client.force_login(make_user())
    client.get(reverse("home"))
    session = client.session
    session[LAST_SEEN] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT + 60
    session.save()
    assert client.get(reverse("home")).status_code == 200
