"""Development and demo: SQLite, debug pages, the demo users' shared password."""

from .base import *  # noqa: F403

(BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405  the SQLite database lives here

DEBUG = True
# bandit B105: development only.
SECRET_KEY = "dev-only-not-secret-thrive"  # nosec B105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# Demo credential for the synthetic council's staff (also printed in the README).
# bandit B105: the demo's, in README.md.
DEMO_PASSWORD = "thrive-demo-2026"  # nosec B105

# Demo only: the authenticator key of demo users who must sign in with a one-time code (README.md gives
# it in base32 for an authenticator app). Never set in production, where each user sets up their own.
DEMO_TOTP_KEY = "7468726976652d64656d6f2d323032362d6f7470"
