"""Production (``CPB_ENV=prod``): debug off, hosts from ``CPB_ALLOWED_HOSTS`` (common),
HTTPS only behind a proxy that sets ``X-Forwarded-Proto``, no demonstration logins."""

DEBUG = False
CPB_DEMO_LOGINS = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 365 * 24 * 3600
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
