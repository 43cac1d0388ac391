"""Stored milestones: import all or nothing, export, and the status against the stored
reports of the tiny registry (A.1(a) 40 % -> 60 %, see ``conftest``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cpbmonitor.core.milestones import MilestoneInputError, read_milestones
from cpbmonitor.milestones.models import Milestone
from cpbmonitor.services.milestones import (
    assess_stored,
    export_milestones,
    import_milestones,
    load_demo_milestones,
    stored,
)
from tests.milestones.conftest import FILES

pytestmark = pytest.mark.django_db


def test_import_stores_every_milestone_then_replaces_by_key(tmp_path: Path) -> None:
    first = import_milestones(FILES / "milestones-tiny.yaml")
    assert (first.created, first.updated) == (3, 0)
    changed = tmp_path / "changed.csv"
    changed.write_text(
        "plan,indicator,group,target_value,target_date,decision\n"
        "draft-2020,A.1(a),global,85,2030-12-31,CP-12/1\n"
        "draft-2020,A.3(a),AFR,90,2030-12-31,\n"
    )
    second = import_milestones(changed)
    assert (second.created, second.updated) == (1, 1)
    row = Milestone.objects.get(indicator="A.1(a)", group="global", target_date="2030-12-31")
    assert (row.target_value, row.decision, row.label) == (85.0, "CP-12/1", "")
    assert Milestone.objects.count() == 4


def test_a_bad_file_writes_nothing() -> None:
    import_milestones(FILES / "milestones-tiny.yaml")
    before = list(Milestone.objects.values_list("id", "target_value", "updated_at"))
    with pytest.raises(MilestoneInputError, match="no such indicator"):
        import_milestones(FILES / "unknown-indicator-with-problems.yaml")  # row 1 is valid
    assert list(Milestone.objects.values_list("id", "target_value", "updated_at")) == before


def test_export_reads_back(tmp_path: Path) -> None:
    import_milestones(FILES / "milestones-tiny.json")
    for fmt in ("yaml", "json", "csv"):
        path = tmp_path / f"export.{fmt}"
        path.write_bytes(export_milestones(fmt, "draft-2020"))
        assert read_milestones(path) == stored("draft-2020")
    assert export_milestones("json", "draft-2019") == b'{\n "milestones": []\n}\n'


def test_status_against_the_stored_reports(reports) -> None:
    import_milestones(FILES / "milestones-tiny.yaml")
    evaluation, assessed = assess_stored("draft-2020", 5, 4)
    assert (evaluation.cycle.deadline.isoformat(), evaluation.baseline.deadline.isoformat()) == (
        "2026-02-28",
        "2019-10-01",
    )
    by_key = {(a.group, a.target_date.isoformat()): a for a in assessed}
    world = by_key[("global", "2030-12-31")]
    # 60 + 20 * 1767 / 2342 = 75.09 < 80
    assert (world.latest_value, world.baseline_value, world.needed) == (60.0, 40.0, 20.0)
    assert (world.projected_value, world.status) == (75.09, "off track")
    assert world.decision == "CP-11/99"
    # 60 + 20 * 1037 / 2342 = 68.86 >= 65
    sooner = by_key[("global", "2028-12-31")]
    assert (sooner.needed, sooner.projected_value, sooner.status) == (5.0, 68.86, "on track")
    grulac = by_key[("GRULAC", "2030-12-31")]
    assert (grulac.latest_value, grulac.needed, grulac.status) == (100.0, 0.0, "reached")


def test_demonstration_milestones_are_stored_once_and_labelled() -> None:
    assert load_demo_milestones().created == 8
    assert load_demo_milestones().updated == 8
    assert Milestone.objects.demonstration().count() == Milestone.objects.count() == 8
    assert "(demonstration)" in str(Milestone.objects.first())
