"""The curated draft-2019 -> draft-2020 crosswalk, its validation and the suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cpbmonitor.core.plan import PlanDataError, load_plan
from cpbmonitor.core.plan.crosswalk import crosswalk_file, load_crosswalk, suggest, word_diff

OLD, NEW = load_plan("draft-2019"), load_plan("draft-2020")


def test_curated_crosswalk_accounts_for_every_item() -> None:
    crosswalk = load_crosswalk(OLD, NEW)
    assert crosswalk.new_codes_for("goal", "A.6") == ["A.8"]
    assert crosswalk.new_codes_for("goal", "A.11") == ["A.10"]
    assert crosswalk.new_codes_for("goal", "A.10") == []
    assert crosswalk.old_codes_for("goal", "A.6") == ["A.7"]
    goals = {tuple(e.old): e.change for e in crosswalk.for_kind("goal")}
    assert goals[("A.1",)] == ["same"]
    assert goals[("A.10",)] == ["removed"]


def _write_variant(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(crosswalk_file(OLD.id, NEW.id).read_text())
    change(data)
    path = tmp_path / "crosswalk-with-problems.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_a_wrong_change_kind_is_an_error(tmp_path: Path) -> None:
    def mislabel(data: dict) -> None:
        entry = next(e for e in data["entries"] if e["kind"] == "goal" and e["old"] == ["A.6"])
        entry["change"] = ["same"]

    with pytest.raises(PlanDataError, match="'same' means the same code and the same text"):
        load_crosswalk(OLD, NEW, _write_variant(tmp_path, mislabel))


def test_an_unmapped_item_is_an_error(tmp_path: Path) -> None:
    def drop(data: dict) -> None:
        data["entries"] = [e for e in data["entries"] if e.get("new") != ["A.8(c)"]]

    with pytest.raises(PlanDataError, match=r"indicator A.8\(c\) of draft-2020 is in no entry"):
        load_crosswalk(OLD, NEW, _write_variant(tmp_path, drop))


def test_a_missing_code_is_an_error(tmp_path: Path) -> None:
    def typo(data: dict) -> None:
        data["entries"][0]["new"] = ["A.99"]

    with pytest.raises(PlanDataError, match=r"draft-2020 has no goal A\.99"):
        load_crosswalk(OLD, NEW, _write_variant(tmp_path, typo))


def test_suggestions_rank_the_detection_goal_first() -> None:
    candidates = [c for c in suggest(OLD, NEW, "goal", limit=1) if c.old == "A.6"]
    assert [(c.new, c.score) for c in candidates] == [("A.8", 100.0)]


def test_word_diff_marks_removed_and_added_words() -> None:
    assert word_diff("Parties improve the BCH", "Parties have improved the BCH") == (
        "Parties [red strike]improve[/] [green]have improved[/] the BCH"
    )
