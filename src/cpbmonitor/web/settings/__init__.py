"""Settings of CPB Monitor, chosen by ``CPB_ENV``: ``local`` (the default), ``dev`` or
``prod``.

``DJANGO_SETTINGS_MODULE = "cpbmonitor.web.settings"`` everywhere; every setting is
declared in ``common`` and the environment overlay only changes what differs:

- ``local`` (``make run``, ``cpb run``, ``cpb serve`` without ``CPB_ENV``): debug off,
  loopback host names, demonstration logins allowed, plain HTTP.
- ``dev``: as ``local`` with Django's debug pages (tracebacks, URL lists) on.
- ``prod``: debug off, host names from ``CPB_ALLOWED_HOSTS``, HTTPS only (redirect, HSTS,
  secure cookies, the proxy's ``X-Forwarded-Proto`` trusted), password validators applied,
  demonstration logins never created, reset nor printed.
"""

from importlib import import_module

from .common import *  # noqa: F403
from .common import CPB_ENV

_overlay = import_module(f"{__name__}.{CPB_ENV}")
globals().update({name: value for name, value in vars(_overlay).items() if name.isupper()})
