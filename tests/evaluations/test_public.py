"""The public pages show the latest published run's figures, or the live figures, and
say which."""

from __future__ import annotations

from django.test import Client

from cpbmonitor.services import evaluation_runs as runs
from cpbmonitor.services.evaluation import current_evaluation
from tests.evaluations.conftest import import_new_report


def world_a1a():
    row = current_evaluation().result("A.1(a)").groups["global"]
    return row.numerator, row.denominator


def test_live_figures_until_a_run_is_published(registry, settings):
    settings.CPB_PLAN_VERSION = "draft-2020"
    page = Client().get("/").content.decode()
    assert "Live figures: computed from the reports and records stored today." in page
    run = runs.create_run("Mid-term evaluation 2026", "draft-2020", 5, 4)
    import_new_report()
    assert world_a1a() == (4, 6)
    runs.publish(run)
    assert world_a1a() == (3, 5)
    page = Client().get("/").content.decode()
    assert "published evaluation run “Mid-term evaluation 2026”" in page
    assert run.data_fingerprint[:12] in page
    french = Client().get("/fr/").content.decode()
    assert "Chiffres de l’évaluation publiée « Mid-term evaluation 2026 »" in french
