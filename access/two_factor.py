"""Two-factor sign-in: a time-based one-time code (an authenticator app) as well as the password.

django-otp does the cryptography, replay protection and throttling; Thrive decides who must use it
(settings.TWO_FACTOR_REQUIRED, one rule for the service) and sends those users, once their password
is accepted, to set up an authenticator app or to give its code before any other page.
"""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from thrive.forms import GovukForm

from .classes import signed_in
from .models import AgencyKind
from .requests import SignedInRequest

DEVICE_NAME = "Authenticator app"
CODE_DIGITS = 6


def needs_two_factor(user: Any) -> bool:
    """Whether settings.TWO_FACTOR_REQUIRED asks this user for a one-time code at sign-in."""
    rule: dict[str, Any] = settings.TWO_FACTOR_REQUIRED
    if not user.is_authenticated:
        return False
    if user.is_superuser and rule.get("SUPERUSERS"):
        return True
    if user.role in rule.get("ROLES", ()):
        return True
    agency = user.agency
    partner = agency is not None and agency.kind != AgencyKind.LOCAL_AUTHORITY
    return bool(rule.get("PARTNER_AGENCIES") and partner)


def confirmed_device(user: Any) -> TOTPDevice | None:
    device: TOTPDevice | None = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    return device


def _safe_next(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, {request.get_host()}, require_https=request.is_secure()):
        return wanted
    return reverse(settings.LOGIN_REDIRECT_URL)


class TwoFactorRequiredMiddleware:
    """Until a user who needs two-factor sign-in gives a code, only the set-up, code and sign-out pages
    open."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user: Any = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not self._exempt(request.path_info)
            and needs_two_factor(user)
        ):
            page = "two_factor:verify" if confirmed_device(user) else "two_factor:setup"
            return redirect(f"{reverse(page)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        open_paths = (
            reverse("two_factor:setup"),
            reverse("two_factor:verify"),
            reverse("access:logout"),
            reverse("access:login"),
            settings.STATIC_URL,
        )
        return path.startswith(open_paths)


class CodeForm(GovukForm):
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=20,
        help_text=f"The {CODE_DIGITS}-digit code it shows for Thrive now",
        error_messages={"required": f"Enter the {CODE_DIGITS}-digit code from your authenticator app"},
    )

    def __init__(self, *args: Any, device: TOTPDevice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == CODE_DIGITS):
            raise forms.ValidationError(f"Code must be {CODE_DIGITS} numbers, like 123456")
        allowed, _ = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                "Too many wrong codes. Wait a minute, then enter the code your app shows now"
            )
        if not self.device.verify_token(code):
            raise forms.ValidationError(
                "The code is not right. Enter the code your app shows now; check the time on your phone "
                "is right"
            )
        return code


def grouped_secret(device: TOTPDevice) -> str:
    """The key in base32, as authenticator apps ask for it when typed in, in groups of four."""
    from base64 import b32encode

    secret: str = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@signed_in
def setup(request: SignedInRequest) -> HttpResponse:
    """Add an authenticator app: scan the QR code (or type the key), then give a code to prove it works."""
    if confirmed_device(request.user):
        return redirect(f"{reverse('two_factor:verify')}?{urlencode({'next': _safe_next(request)})}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST if request.method == "POST" else None, device=device)
    if form.is_bound and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(
            request, "Two-factor sign-in is set up. You will be asked for a code each time you sign in."
        )
        return redirect(_safe_next(request))
    return render(
        request,
        "access/two_factor_setup.html",
        {
            "form": form,
            "secret": grouped_secret(device),
            "next": _safe_next(request),
            "qr_svg": segno.make(device.config_url, error="m").svg_inline(
                scale=4, title="QR code for Thrive"
            ),
        },
    )


@signed_in
def verify(request: SignedInRequest) -> HttpResponse:
    """Give the code from the authenticator app set up earlier."""
    device = confirmed_device(request.user)
    if device is None:
        return redirect(f"{reverse('two_factor:setup')}?{urlencode({'next': _safe_next(request)})}")
    form = CodeForm(request.POST if request.method == "POST" else None, device=device)
    if form.is_bound and form.is_valid():
        otp_login(request, device)
        return redirect(_safe_next(request))
    return render(request, "access/two_factor_verify.html", {"form": form, "next": _safe_next(request)})
