"""The site's URLs plus one view that fails, at ``/crash/`` and ``/fr/crash/``, to see
the 500 page (tests only)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from cpbmonitor.web.urls import handler500, urlpatterns

__all__ = ["handler500", "urlpatterns"]


def crash(request):  # type: ignore[no-untyped-def]
    raise RuntimeError("a deliberate failure")


urlpatterns = [
    *i18n_patterns(path("crash/", crash), prefix_default_language=False),
    *urlpatterns,
]
