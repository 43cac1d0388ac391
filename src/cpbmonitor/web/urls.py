"""URL configuration: the admin for now; the web views mount here."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("cpbmonitor.api.urls")),  # api: the JSON API, version 1
]
# portal: the public pages, in English at / and in French at /fr/.
urlpatterns += i18n_patterns(
    path("", include("cpbmonitor.portal.urls")), prefix_default_language=False
)
# reporting: online national reporting, under the same language prefixes.
urlpatterns += i18n_patterns(
    path("reporting/", include("cpbmonitor.reporting.urls")), prefix_default_language=False
)
# records: BCH and capacity-building records, under the same language prefixes.
urlpatterns += i18n_patterns(
    path("records/", include("cpbmonitor.records.urls")), prefix_default_language=False
)
# bch: the BCH sync's runs and quarantine (Secretariat), under the same language prefixes.
urlpatterns += i18n_patterns(
    path("bch/", include("cpbmonitor.bch.urls")), prefix_default_language=False
)
