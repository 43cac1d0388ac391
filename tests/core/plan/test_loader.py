"""Loading plan files: a valid tiny file, and one clear error per bad variant."""

from __future__ import annotations

import pytest

from cpbmonitor.core.plan import PlanDataError, available_versions, load_plan
from cpbmonitor.core.plan.loader import load_plan_file
from tests.paths import FIXTURES

PLAN = FIXTURES / "plan"


def test_shipped_versions() -> None:
    assert available_versions() == ["draft-2019", "draft-2020"]


def test_tiny_plan_loads() -> None:
    plan = load_plan_file(PLAN / "tiny.yaml")
    assert [goal.code for goal in plan.goals()] == ["A.1", "A.2", "B.1"]
    assert plan.find("A.2(a)").objectives == ["A.2.1"]  # type: ignore[union-attr]
    assert [area.text for area in plan.key_areas_of(plan.goal("A.2"))] == ["Shared key area"]


@pytest.mark.parametrize(
    ("variant", "line", "expected"),
    [
        (
            "missing-objective",
            37,
            "section A > goal A.2 > indicator A.2(a) > objective #1: indicator A.2(a) is linked "
            "to objective A.2.9, which goal A.2 does not have",
        ),
        ("duplicate-code", 27, "goal A.1 > objective A.1.1, field 'code': duplicated code A.1.1"),
        ("bad-field", 13, "area (a), field 'parties': Input should be a valid integer"),
        ("not-yaml", 3, "not valid YAML"),
    ],
)
def test_bad_plan_file_gives_one_clear_error(variant: str, line: int, expected: str) -> None:
    path = PLAN / f"tiny-with-problems-{variant}.yaml"
    with pytest.raises(PlanDataError) as caught:
        load_plan_file(path)
    assert caught.value.file == str(path)
    assert caught.value.line == line
    assert expected in str(caught.value)
    assert str(caught.value).startswith(f"{path}, line {line}: ")


def test_unknown_version() -> None:
    with pytest.raises(
        PlanDataError, match=r"no plan version 'draft-1999' \(known: draft-2019, draft-2020\)"
    ):
        load_plan("draft-1999")
