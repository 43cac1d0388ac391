"""Goal charts are drawn once per data change: the same figures give the same PNG from
the cache (memory, then disk), changed figures a new drawing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cpbmonitor.core.evaluation import charts
from cpbmonitor.core.indicators import evaluate, load_methodology
from cpbmonitor.core.plan import load_plan
from tests.core.indicators.conftest import C4, C5
from tests.core.indicators.dataset import PARTIES, REPORTS


@pytest.fixture
def results():
    evaluation = evaluate(
        load_plan("draft-2020"), load_methodology("draft-2020"), C5, C4, PARTIES, REPORTS
    )
    return [r for r in evaluation.indicators if r.goal == "A.1"]


@pytest.fixture
def drawings(monkeypatch, tmp_path: Path) -> list[int]:
    """Counts the drawings; charts kept in a fresh memory and directory."""
    drawn: list[int] = []
    draw = charts.draw_goal_chart

    def counting(*args):
        drawn.append(1)
        return draw(*args)

    monkeypatch.setattr(charts, "draw_goal_chart", counting)
    monkeypatch.setattr(charts, "_DRAWN", {})
    charts.use_cache_directory(tmp_path / "charts")
    yield drawn
    charts.use_cache_directory(None)


def test_a_chart_is_drawn_once_then_read_from_memory_and_disk(results, drawings, tmp_path):
    first = charts.goal_chart(results, 5, 4)
    assert first.startswith(b"\x89PNG") and len(drawings) == 1
    assert charts.goal_chart(results, 5, 4) == first and len(drawings) == 1
    (kept,) = (tmp_path / "charts").glob("*.png")
    assert kept.read_bytes() == first
    charts._DRAWN.clear()  # a new process: from the disk
    assert charts.goal_chart(results, 5, 4) == first and len(drawings) == 1


def test_changed_figures_draw_a_new_chart(results, drawings):
    charts.goal_chart(results, 5, 4)
    world = results[0].overall
    moved = dataclasses.replace(world, value=(world.value or 0) + 10)
    changed = [dataclasses.replace(results[0], groups={**results[0].groups, "global": moved})]
    changed += results[1:]
    assert charts.chart_fingerprint(changed, 5, 4) != charts.chart_fingerprint(results, 5, 4)
    charts.goal_chart(changed, 5, 4)
    assert len(drawings) == 2
    charts.goal_chart(results, 5, None)  # another baseline: another chart
    assert len(drawings) == 3
