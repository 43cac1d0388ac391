"""The evaluation runs' pages (Secretariat and Liaison Group reviewers), mounted at
``evaluations/`` under the language prefix."""

from __future__ import annotations

from django.urls import path

from cpbmonitor.evaluations import views

app_name = "evaluations"
urlpatterns = [
    path("", views.run_list, name="list"),
    path("compare/", views.compare, name="compare"),
    path("<slug:slug>/", views.run_detail, name="detail"),
    path("<slug:slug>/write/<str:section>/", views.write, name="write"),
    path("<slug:slug>/comment/<str:section>/", views.comment, name="comment"),
    path("<slug:slug>/resolve/<int:pk>/", views.resolve, name="resolve"),
    path("<slug:slug>/publish/", views.publish, name="publish"),
    path("<slug:slug>/document.<str:fmt>", views.document, name="document"),
]
