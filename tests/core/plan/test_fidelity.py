"""The plan data are the seed texts: every text is found in its seed, and the counts match."""

from __future__ import annotations

import re

import pytest

from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.plan.model import PlanVersion
from tests.paths import SEED_2019, SEED_2020


def normalise_seed(raw: str) -> str:
    text = re.sub(r"<[^>]+>", " ", raw)
    text = re.sub(r"\[bookmark: [^\]]*\]", "", text)
    text = text.replace("**", "").replace("\\*", "").replace("*", "")
    return re.sub(r"\s+", " ", text)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def found_in_pieces(text: str, seed: str, max_pieces: int = 2) -> bool:
    """True when ``text`` is in ``seed`` whole, or as at most ``max_pieces`` pieces in order
    (a table cell broken across a page), each piece a run of at least three words."""
    words = normalise(text).split(" ")
    start, position, pieces = 0, 0, 0
    while start < len(words):
        end = len(words)
        while end > start and seed.find(" ".join(words[start:end]), position) < 0:
            end -= 1
        if end - start < min(3, len(words)):
            return False
        position = seed.find(" ".join(words[start:end]), position)
        pieces += 1
        start = end
    return pieces <= max_pieces


def all_texts(plan: PlanVersion) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for goal in plan.goals():
        items.append((goal.code, goal.title))
        items += [(o.code, o.text) for o in goal.objectives]
        items += [(i.code, i.text) for i in goal.indicators]
        items += [(f"{goal.code} outcome", text) for text in goal.outcomes]
        items += [(f"{goal.code} {k.code}", k.text) for k in goal.key_areas]
        items += [(f"{goal.code} {a.code}", a.text) for a in goal.activities]
    for shared in plan.shared_capacity_building:
        items += [(f"{shared.id} {k.code}", k.text) for k in shared.key_areas]
        items += [(f"{shared.id} {a.code}", a.text) for a in shared.activities]
    narrative = plan.narrative
    for name in ("purpose", "linkages", "evaluation_and_review", "priorities_and_programming"):
        items += [(f"{name} {p.number}", p.text) for p in getattr(narrative, name)]
    items += [("chapeau", text) for text in narrative.chapeau_placeholders]
    if plan.needs:
        items += [(f"needs {a.code}", a.text) for a in plan.needs.areas]
    return items


@pytest.mark.parametrize(
    ("version", "seed_path"), [("draft-2019", SEED_2019), ("draft-2020", SEED_2020)]
)
def test_every_text_is_the_seed_text(version: str, seed_path) -> None:
    seed = normalise_seed(seed_path.read_text(encoding="utf-8"))
    plan = load_plan(version)
    missing = [code for code, text in all_texts(plan) if not found_in_pieces(text, seed)]
    assert missing == []


def test_page_break_splits_are_few_and_known() -> None:
    """Only the cells the seed breaks across a page need two pieces."""
    seed = normalise_seed(SEED_2020.read_text(encoding="utf-8"))
    split = [
        code for code, text in all_texts(load_plan("draft-2020")) if normalise(text) not in seed
    ]
    assert split == ["A.2.2", "A.6-A.8 (1)", "A.6-A.8 (5)", "A.6-A.8 (ii)"]


def test_a_text_that_is_not_in_the_seed_is_caught() -> None:
    seed = normalise_seed(SEED_2020.read_text(encoding="utf-8"))
    assert found_in_pieces("Parties have in place functional national biosafety frameworks", seed)
    assert not found_in_pieces("Parties have in place functional national biosafety systems", seed)


# (objectives, indicators, outcomes, key areas, activities) per goal, read off the seeds.
COUNTS_2020 = {
    "A.1": (3, 3, 1, 2, 2),
    "A.2": (2, 3, 1, 2, 2),
    "A.3": (1, 2, 1, 2, 2),
    "A.4": (2, 2, 1, 1, 1),
    "A.5": (2, 4, 1, 3, 4),
    "A.6": (1, 1, 1, 5, 5),
    "A.7": (2, 4, 1, 5, 5),
    "A.8": (3, 4, 1, 5, 5),
    "A.9": (3, 3, 1, 2, 3),
    "A.10": (3, 3, 1, 5, 7),
    "B.1": (4, 4, 1, 4, 4),
    "B.2": (3, 4, 1, 3, 3),
    "B.3": (4, 7, 1, 5, 7),
    "B.4": (3, 4, 1, 3, 2),
}
COUNTS_2019 = {
    "A.1": (4, 4, 1),
    "A.2": (1, 2, 1),
    "A.3": (1, 1, 1),
    "A.4": (2, 2, 1),
    "A.5": (2, 3, 1),
    "A.6": (2, 3, 1),
    "A.7": (1, 1, 1),
    "A.8": (2, 2, 1),
    "A.9": (2, 1, 1),
    "A.10": (2, 1, 1),
    "A.11": (2, 2, 1),
    "B.1": (4, 4, 1),
    "B.2": (3, 4, 1),
    "B.3": (4, 6, 1),
    "B.4": (2, 3, 1),
}


def test_counts_per_goal_draft_2020() -> None:
    plan = load_plan("draft-2020")
    counts = {
        goal.code: (
            len(goal.objectives),
            len(goal.indicators),
            len(goal.outcomes),
            len(plan.key_areas_of(goal)),
            len(plan.activities_of(goal)),
        )
        for goal in plan.goals()
    }
    assert counts == COUNTS_2020


def test_counts_per_goal_draft_2019() -> None:
    plan = load_plan("draft-2019")
    counts = {
        goal.code: (len(goal.objectives), len(goal.indicators), len(goal.outcomes))
        for goal in plan.goals()
    }
    assert counts == COUNTS_2019


@pytest.mark.parametrize(
    ("version", "seed_path"), [("draft-2019", SEED_2019), ("draft-2020", SEED_2020)]
)
def test_objective_codes_are_those_printed_in_the_seed(version: str, seed_path) -> None:
    """An independent count: the objective codes that the seed's table prints."""
    raw = seed_path.read_text(encoding="utf-8")
    table = raw[raw.index("Areas for implementation", raw.index("nnex")) :]
    printed = set(re.findall(r"\b([AB]\.\d+\.\d+)\.?\s+[A-Z]", table))
    data = {objective.code for objective in load_plan(version).objectives()}
    assert data == printed


def test_shared_capacity_building_set_is_stored_once() -> None:
    plan = load_plan("draft-2020")
    [shared] = plan.shared_capacity_building
    assert shared.goals == ["A.6", "A.7", "A.8"]
    for code in shared.goals:
        goal = plan.goal(code)
        assert goal.key_areas == [] and goal.activities == []
        assert plan.key_areas_of(goal) == shared.key_areas


def test_goals_that_apply_to_some_parties() -> None:
    scopes_2020 = {
        g.code: g.applies_to for g in load_plan("draft-2020").goals() if g.applies_to != "all"
    }
    assert scopes_2020 == {
        "A.9": "parties-choosing-socio-economic-considerations",
        "A.10": "parties-to-supplementary-protocol",
    }
    scopes_2019 = {
        g.code: g.applies_to for g in load_plan("draft-2019").goals() if g.applies_to != "all"
    }
    assert scopes_2019 == {
        "A.9": "parties-choosing-socio-economic-considerations",
        "A.11": "parties-to-supplementary-protocol",
    }


def test_needs_areas_of_paragraph_37() -> None:
    needs = load_plan("draft-2020").needs
    assert needs is not None
    assert needs.reporting_parties == 99
    counts = [area.parties for area in needs.areas]
    assert counts == [66, 63, 69, 65, 62, 58, 63, 57, 70, 59, 50, 41, 70, 62, 63, 58, 9]
    assert needs.areas[8].text == "Sampling, detection and identification of LMOs"


def test_narrative_parts() -> None:
    plan_2020 = load_plan("draft-2020")
    assert [p.number for p in plan_2020.narrative.purpose] == [1, 2, 3]
    assert [p.number for p in plan_2020.narrative.evaluation_and_review] == [23, 24]
    assert len(load_plan("draft-2019").narrative.chapeau_placeholders) == 6
