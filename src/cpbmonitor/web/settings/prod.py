"""Production: debug off, hosts from ``CPB_ALLOWED_HOSTS``, secure cookies."""

DEBUG = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
