"""Record pages, mounted at ``records/`` under the language prefix (``/fr/records/``)."""

from __future__ import annotations

from django.urls import path

from cpbmonitor.records import views

app_name = "records"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:type_name>/", views.record_list, name="list"),
    path("<slug:type_name>/data.<str:fmt>", views.download, name="download"),
    path("<slug:type_name>/new/", views.create, name="create"),
    path("<slug:type_name>/<int:pk>/", views.detail, name="detail"),
    path("<slug:type_name>/<int:pk>/edit/", views.edit, name="edit"),
    path("<slug:type_name>/<int:pk>/end/", views.end, name="end"),
    path("<slug:type_name>/id/<path:identifier>", views.find, name="find"),
]
