"""Settings shared by every environment. Secrets and the database come from the environment.

Environment variables:

- ``CPB_DATABASE_URL``: database URL (``sqlite:////abs/path.sqlite3``,
  ``postgresql://user:pass@host:port/db``); default SQLite at ``<data dir>/cpbmonitor.sqlite3``.
- ``CPB_DATA_DIR``: data directory; default ``var/`` under the repository.
- ``CPB_SECRET_KEY``: Django secret key; default a per-install key in the data dir.
- ``CPB_ENV``: ``local`` (default), ``dev`` (debug pages) or ``prod`` (HTTPS, no demo logins).
- ``CPB_ALLOWED_HOSTS``: comma-separated host names (production).
- ``CPB_DEMO_DATA``: ``1`` when the loaded data are demonstration data (portal banner).
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from cpbmonitor import conf

from .paths import REPO_ROOT, data_dir, secret_key

BASE_DIR = REPO_ROOT
DATA_DIR = data_dir()
SECRET_KEY = secret_key()

ENVIRONMENTS = ("local", "dev", "prod")
CPB_ENV = os.environ.get("CPB_ENV") or "local"
"""The environment overlay applied on top of these settings (see ``__init__``)."""
if CPB_ENV not in ENVIRONMENTS:
    raise ImproperlyConfigured(f"CPB_ENV={CPB_ENV!r} is not one of: {', '.join(ENVIRONMENTS)}")

DEBUG = False
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("CPB_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "cpbmonitor.national_reports",
    "cpbmonitor.portal",  # portal: the public web pages
    "cpbmonitor.reporting",  # reporting: online national reporting
    "cpbmonitor.records",  # records: BCH and capacity-building records
    "cpbmonitor.milestones",  # milestones: targets set for indicators, and their status
    "cpbmonitor.bch",  # bch: harvesting from the BCH (sync runs, quarantine, counts)
    "cpbmonitor.evaluations",  # evaluations: frozen evaluation runs, written text, review
    "axes",  # reporting: failed sign-ins counted in the database (every worker sees them)
    "ninja",  # api: django-ninja (its docs page served from its own static files)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cpbmonitor.portal.middleware.StaticFilesMiddleware",  # portal: WhiteNoise
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",  # portal: en/fr from the URL prefix
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cpbmonitor.portal.middleware.ContentSecurityPolicyMiddleware",  # portal: CSP header
    "axes.middleware.AxesMiddleware",  # reporting: the locked-out sign-in page
]

# reporting: sign-in attempts go through django-axes first (locked out after
# AXES_FAILURE_LIMIT failures for one user name from one address), then the user table.
AUTHENTICATION_BACKENDS = [
    "cpbmonitor.reporting.signin.SignInGuard",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cpbmonitor.reporting.signin.client_address"
AXES_LOCKOUT_CALLABLE = "cpbmonitor.reporting.signin.locked_out"
AXES_VERBOSE = False

ROOT_URLCONF = "cpbmonitor.web.urls"
WSGI_APPLICATION = "cpbmonitor.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cpbmonitor.evaluations.context.figures_source",  # evaluations: which figures
            ],
        },
    },
]

DEFAULT_SQLITE_URL = f"sqlite:///{DATA_DIR / 'cpbmonitor.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("CPB_DATABASE_URL") or DEFAULT_SQLITE_URL,
        conn_max_age=0,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# portal: the languages of the pages, and where their catalogues live.
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [Path(__file__).resolve().parents[2] / "portal" / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = REPO_ROOT / "staticfiles"

# portal: static files are served by WhiteNoise straight from the apps' static folders
# (no collectstatic step); passwords hashed with Argon2; cookies never readable by
# scripts nor sent cross-site; pages never framed.
WHITENOISE_USE_FINDERS = True
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CPB_DEMO_DATA = conf.default("CPB_DEMO_DATA")
"""The data are demonstration data (a banner on every page); see ``cpbmonitor.conf``."""
CPB_PLAN_VERSION = conf.default("CPB_PLAN_VERSION")

# One cache for every worker and process (computed results, rendered pages, the login
# throttle): Redis when CPB_CACHE_URL names one, else a table of the database (`cpb db
# migrate` creates it).
if conf.default("CPB_CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": conf.default("CPB_CACHE_URL"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cpb_cache",
            # portal: rendered pages too (per page, language and version); Django's
            # default of 300 entries would have it cull cached results as pages come in.
            "OPTIONS": {"MAX_ENTRIES": 10000},
        }
    }

# reporting: sign-in pages of online national reporting; demo logins' password (optional).
LOGIN_URL = "reporting:login"
LOGIN_REDIRECT_URL = "reporting:dashboard"
CPB_DEMO_PASSWORD = os.environ.get("CPB_DEMO_PASSWORD") or None
CPB_DEMO_LOGINS = True
"""Whether demonstration logins may be created (and printed); never in production."""
