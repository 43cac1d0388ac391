"""Online reporting pages, mounted at ``reporting/`` under the language prefix."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from cpbmonitor.reporting import tokens, views

app_name = "reporting"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="reporting/login.html"),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(next_page="reporting:login"), name="logout"),
    path("start/", views.start, name="start"),
    path("tokens/", tokens.tokens, name="tokens"),
    path("drafts/<int:pk>/", views.review, name="review"),
    path("drafts/<int:pk>/step/<int:step>/", views.section, name="section"),
    path("drafts/<int:pk>/submit/", views.submit, name="submit"),
    path("drafts/<int:pk>/return/", views.return_draft, name="return"),
    path("drafts/<int:pk>/publish/", views.publish, name="publish"),
    path("drafts/<int:pk>/reopen/", views.reopen, name="reopen"),
    path("drafts/<int:pk>/history/", views.history, name="history"),
    path("drafts/<int:pk>/history/<int:number>/", views.version, name="version"),
]
