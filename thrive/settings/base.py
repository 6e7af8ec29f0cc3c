"""Settings shared by every environment.

Environment-specific files (dev, prod, test) import this and change only what differs.
"""

from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
GOVUK_FRONTEND = BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"
MOJ_FRONTEND = BASE_DIR / "node_modules" / "@ministryofjustice" / "frontend" / "moj"
AUTOCOMPLETE = BASE_DIR / "node_modules" / "accessible-autocomplete" / "dist"

# Cores first, then one app per part of the journey.
THRIVE_APPS = [
    "access",
    "people",
    "timescales",
    "council",
    "education",
    "sharing",
    "frontdoor",
    "familyhelp",
    "protection",
    "proceedings",
    "care",
    "leavers",
    "recording",
    "privatefostering",
    "performance",
    "returns",
    # Running Thrive: retention of records (a core: journey apps declare their facts to it) and operations.
    "retention",
    "ops",
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "thrive.apps.ThriveStaticFilesConfig",  # django.contrib.staticfiles (thrive/apps.py)
    "simple_history",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    *THRIVE_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files are answered here, before the headers below
    "thrive.middleware.NoStoreMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "thrive.middleware.IdleTimeoutMiddleware",
    "access.two_factor.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "thrive.urls"
WSGI_APPLICATION = "thrive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "council.context_processors.council",
                "people.context_processors.worklists",
            ],
        },
    },
]

# SQLite by default; DATABASE_URL (postgres://user:pass@host:port/name) selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'thrive.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "access.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Lockout: five failures on one account lock it for 30 minutes (django-axes).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_LOCKOUT_TEMPLATE = "access/locked_out.html"
AXES_RESET_ON_SUCCESS = True

LOGIN_URL = "access:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "access:login"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Signed out after this many seconds without a request (thrive.middleware.IdleTimeoutMiddleware).
SESSION_IDLE_TIMEOUT = 30 * 60
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (django-csp 4): only Thrive's own scripts, styles, images and fonts; no inline
# script or style anywhere (a page that needs one gives its hash, as the HTML report does).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Permissions-Policy (django-permissions-policy): Thrive uses none of the browser's powerful features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Two-factor sign-in (django-otp, time-based one-time codes): who must give a code as well as a password.
# One rule for the whole service: these roles, superusers, and (with PARTNER_AGENCIES) anyone whose agency
# is not the council itself, e.g. police, health and probation staff.
TWO_FACTOR_REQUIRED = {
    "ROLES": ["administrator", "analyst", "partner"],
    "SUPERUSERS": True,
    "PARTNER_AGENCIES": True,
}
OTP_TOTP_ISSUER = "Thrive"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# GOV.UK Frontend's compiled CSS asks for /assets/fonts and /assets/images, so static files live at /assets/.
STATIC_URL = "/assets/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [
    GOVUK_FRONTEND / "assets",
    ("govuk", GOVUK_FRONTEND),
    ("moj", MOJ_FRONTEND),
    ("autocomplete", AUTOCOMPLETE),
    BASE_DIR / "static",
]

# How long a "break glass" access lasts before the user must give a reason again.
BREAK_GLASS_HOURS = 8

SEARCH_RESULTS_LIMIT = 50

# Documents uploaded to children's records: outside the static files, served only through the read gate.
THRIVE_DOCUMENTS_ROOT = BASE_DIR / "var" / "documents"
THRIVE_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024

# Lockout is per account: council offices sit behind one shared IP address, so locking by
# IP would lock out a whole building after one person's typos.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
