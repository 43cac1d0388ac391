"""The portal's URLs (mounted under the language prefix by ``web.urls``)."""

from __future__ import annotations

from django.urls import path, register_converter

from cpbmonitor.portal.views import (
    capacity,
    evaluation,
    home,
    indicators,
    parties,
    plan,
    questions,
)


class GoalCode:
    regex = r"[AB]\.\d+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class IndicatorCode(GoalCode):
    regex = r"[AB]\.\d+\([a-z]\)"


register_converter(GoalCode, "goal")
register_converter(IndicatorCode, "indicator")

app_name = "portal"
urlpatterns = [
    path("", home.home, name="home"),
    path("goals/<goal:code>/", plan.goal, name="goal"),
    path("indicators/<indicator:code>/", indicators.indicator, name="indicator"),
    path("indicators/<indicator:code>/data.<str:fmt>", indicators.download, name="download"),
    path(
        "indicators/<indicator:code>/series.<str:fmt>",
        indicators.series_download,
        name="series-download",
    ),
    path("parties/", parties.parties, name="parties"),
    path("parties/<str:code>/", parties.party, name="party"),
    path("questions/", questions.index, name="questions"),
    path("questions/<str:cycle>/", questions.cycle_questions, name="cycle-questions"),
    path("questions/<str:cycle>/<str:key>/", questions.question, name="question"),
    path("capacity/", capacity.capacity, name="capacity"),
    path("capacity/data.<str:fmt>", capacity.download, name="capacity-download"),
    path("evaluation/", evaluation.evaluation, name="evaluation"),
    path("evaluation/download/", evaluation.download, name="evaluation-download"),
    path("plan/", plan.versions, name="plan-versions"),
    path("plan/compare/<str:old>/<str:new>/", plan.compare, name="plan-compare"),
    path("plan/<str:version>/", plan.version, name="plan-version"),
]
