from django.http import HttpRequest

from .models import LocalAuthority


def council(request: HttpRequest) -> dict[str, str]:
    """The council's name for the page header."""
    la = LocalAuthority.objects.first()
    return {"council_name": la.name if la else "Thrive"}
