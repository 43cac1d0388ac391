"""The BCH sync's pages (Secretariat only), mounted at ``bch/`` under the language prefix."""

from __future__ import annotations

from django.urls import path

from cpbmonitor.bch import views

app_name = "bch"
urlpatterns = [
    path("", views.runs, name="runs"),
    path("quarantine/", views.quarantine, name="quarantine"),
    path("quarantine/<int:pk>/", views.document, name="document"),
]
