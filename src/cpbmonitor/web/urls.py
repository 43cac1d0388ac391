"""URL configuration: the admin for now; the web views mount here."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
]
# portal: the public pages, in English at / and in French at /fr/.
urlpatterns += i18n_patterns(
    path("", include("cpbmonitor.portal.urls")), prefix_default_language=False
)
