"""WSGI entry point: ``cpbmonitor.web.wsgi:application``."""

import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cpbmonitor.web.settings")
application = get_wsgi_application()
# The URL patterns, and with them every view, the API and the plan, loaded now: `cpb serve`
# preloads this module, so its workers start with them instead of each spending most of a
# second on them in its first request.
get_resolver().url_patterns  # noqa: B018  # a cached property, read for its effect
