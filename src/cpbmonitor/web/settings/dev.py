"""Development (``CPB_ENV=dev``): the local settings with Django's debug pages on."""

from .local import ALLOWED_HOSTS  # noqa: F401

DEBUG = True
