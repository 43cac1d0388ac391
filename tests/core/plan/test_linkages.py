"""Linkages of draft-2020 to the Kunming-Montreal Global Biodiversity Framework and the
Sustainable Development Goals: what the seed states, checked against the seed; bad
files give one message naming the file, line, item and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.plan.linkages import (
    LinkagesError,
    goal_links,
    linkages_file,
    load_linkages,
    load_linkages_file,
)
from tests.paths import SEED_2019, SEED_2020

PLAN = load_plan("draft-2020")


def test_every_goal_links_to_the_biosafety_target() -> None:
    linkages = load_linkages(PLAN)
    for goal in PLAN.goals():
        codes = [(link.target.framework, link.target.code) for link in linkages.for_goal(goal.code)]
        assert ("kmgbf", "Target 17") in codes, goal.code
    assert len(linkages.goals) == 14


def test_plan_level_links_are_the_seed_paragraphs_4_and_7() -> None:
    seed = " ".join(SEED_2020.read_text(encoding="utf-8").split())
    links = {
        (r.target.code, r.link.basis, r.link.paragraph) for r in load_linkages(PLAN).for_plan()
    }
    assert links == {("Target 17", "seed", 4), ("Goal 2", "seed", 7), ("Goal 3", "seed", 7)}
    paragraphs = {p.number: p.text for p in PLAN.narrative.linkages}
    assert "goals and targets relevant to biosafety" in paragraphs[4]
    assert "Sustainable Development Goals" in paragraphs[7] and "Goals 2" in paragraphs[7]
    assert "including for example Goals 2 (to end hunger" in seed


def test_goal_level_sdg_links_are_readings_with_a_note() -> None:
    linkages = load_linkages(PLAN)
    sdg = {
        (goal.code, r.target.code)
        for goal in PLAN.goals()
        for r in linkages.for_goal(goal.code)
        if r.target.framework == "sdg"
    }
    assert sdg == {
        ("A.1", "Goal 2"),
        ("A.1", "Goal 3"),
        ("A.5", "Goal 2"),
        ("A.5", "Goal 3"),
        ("A.7", "Goal 2"),
        ("A.9", "Goal 2"),
    }
    for goal in PLAN.goals():
        for resolved in linkages.for_goal(goal.code):
            assert resolved.link.basis in ("seed-plan-level", "reading")
            if resolved.link.basis == "reading":
                assert resolved.link.note, (goal.code, resolved.target.code)
    assert "benefit-sharing" not in linkages_file("draft-2020").read_text().lower()


def test_draft_2019_has_no_linkages_its_seed_states_none() -> None:
    text = SEED_2019.read_text(encoding="utf-8")
    assert "Sustainable Development Goals" not in text
    linkages = load_linkages(load_plan("draft-2019"))
    assert linkages.goals == [] and linkages.for_plan() == []


def _variant(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(linkages_file("draft-2020").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "linkages-with-problems.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _unknown_goal(data: dict) -> None:
    data["goals"][2]["code"] = "A.99"


def _unknown_target(data: dict) -> None:
    data["goals"][0]["links"][1]["target"] = "sdg-99"


def _wrong_paragraph(data: dict) -> None:
    data["plan_links"][1]["paragraph"] = 12


def _reading_without_note(data: dict) -> None:
    del data["goals"][1]["links"][1]["note"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_unknown_goal, "goal A.99, field 'code': no goal A.99 in plan version draft-2020"),
        (_unknown_target, "goal A.1 > link #2, field 'target': no target 'sdg-99' in this file"),
        (
            _wrong_paragraph,
            "plan_link #2, field 'paragraph': paragraph 12 is not a linkage paragraph "
            "(known: 4, 5, 6, 7)",
        ),
        (
            _reading_without_note,
            "goal A.2 > link #2, field 'note': a link that is the project's reading says why "
            "in a note",
        ),
    ],
)
def test_a_bad_linkages_file_names_file_line_item_and_field(tmp_path, change, message) -> None:
    path = _variant(tmp_path, change)
    with pytest.raises(LinkagesError) as caught:
        load_linkages_file(path, PLAN)
    assert str(caught.value).startswith(f"{path}, line ")
    assert str(caught.value).endswith(message)


def test_cli_plan_linkages() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["plan", "linkages", "--plan", "draft-2020", "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 3 + 14 + 11  # plan level, Target 17 per goal, 11 goal readings
    assert rows[0] == {
        "goal": "plan",
        "framework": "kmgbf",
        "target": "Target 17",
        "title": rows[0]["title"],
        "basis": "seed",
        "paragraph": 4,
        "note": rows[0]["note"],
    }
    assert {"goal": "B.2", "target": "Target 19"}.items() <= next(
        r for r in rows if r["goal"] == "B.2" and r["target"] == "Target 19"
    ).items()
    old = runner.invoke(app, ["plan", "linkages", "--plan", "draft-2019"])
    assert old.exit_code == 0 and "records no linkages" in old.output
    bad = runner.invoke(app, ["plan", "linkages", "--plan", "draft-1999"], env={"COLUMNS": "200"})
    assert bad.exit_code == 1 and "no plan version 'draft-1999'" in bad.output


def test_flat_goal_links_for_documents() -> None:
    links = goal_links(PLAN, plan_level="plan")
    assert len(links) == 28 and links[0].goal == "plan"
    a5 = [link for link in links if link.goal == "A.5"]
    assert a5[0].framework == "Kunming-Montreal Global Biodiversity Framework"
    assert a5[0].target.startswith("Target 17: Biosafety: measures under Article 8(g)")
    assert a5[0].basis == "stated in the plan for the plan as a whole (annex, paragraph 4)"
    assert (a5[2].target, a5[2].basis) == (
        "Goal 3: Good health and well-being: healthy lives and well-being at every age",
        "the project's reading",
    )
    assert len(goal_links(PLAN)) == 25
