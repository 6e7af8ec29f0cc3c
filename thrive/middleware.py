"""Response headers and session rules that hold for every page, so no view can forget them.

- `NoStoreMiddleware`: every page Thrive serves is for one signed-in person and most carry a child's
  data, so none may be kept in a browser's or proxy's cache (a shared office computer). Static files
  are answered by WhiteNoise before this runs and keep their long cache.
- `IdleTimeoutMiddleware`: a session unused for `SESSION_IDLE_TIMEOUT` seconds is signed out, with a
  message on the sign-in page, so a screen left open does not stay open to the next person.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.cache import add_never_cache_headers

LAST_SEEN = "thrive_last_seen"
# The last-seen time is written at most this often, so a burst of requests is one session write.
LAST_SEEN_RESOLUTION = 60


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        add_never_cache_headers(response)  # max-age=0, no-cache, no-store, must-revalidate, private
        return response


def mark_seen(sender, request, user, **kwargs) -> None:
    """Signing in counts as use (connected to user_logged_in by access.apps)."""
    request.session[LAST_SEEN] = int(time.time())


def idle_message(minutes: int) -> str:
    return (
        f"You were signed out because Thrive was not used for {minutes} minutes. Sign in again to carry on."
    )


class IdleTimeoutMiddleware:
    """Sign out a session idle for longer than settings.SESSION_IDLE_TIMEOUT (seconds)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN)
            if last_seen is not None and now - last_seen > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
                messages.info(request, idle_message(settings.SESSION_IDLE_TIMEOUT // 60))
            elif last_seen is None or now - last_seen >= LAST_SEEN_RESOLUTION:
                request.session[LAST_SEEN] = now
        return self.get_response(request)
