from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp


class Command(BaseCommand):
    help = (
        "Print the one-time code the demo users' shared authenticator shows now (demo and development only)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        key = getattr(settings, "DEMO_TOTP_KEY", None)
        if not key:
            raise CommandError(
                "There is no demo authenticator in these settings: each user sets up their own."
            )
        self.stdout.write(f"{totp(bytes.fromhex(key)):06d}")
