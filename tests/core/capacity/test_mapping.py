"""The curated needs coverage mapping (key areas and activities of draft-2020) and the
needs-questions data file: references resolve, bad files get one clear error."""

from __future__ import annotations

import re

import pytest

from cpbmonitor.core.capacity.areas import needs_definitions
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.plan import needs as needs_module
from cpbmonitor.core.plan.check import check_plan
from cpbmonitor.core.plan.needs import (
    canonical_reference,
    load_needs_coverage,
    resolve_activity,
)
from cpbmonitor.core.yamlfile import DataFileError

PLAN = load_plan("draft-2020")


def test_every_needs_area_is_mapped_with_activities_where_it_has_key_areas() -> None:
    coverage = load_needs_coverage(PLAN)
    assert sorted(coverage.areas) == [f"({letter})" for letter in "abcdefghijklmnopq"]
    assert coverage.activities_for("(d)") == ["A.5 (i)", "A.5 (iii)", "A.5 (iv)"]
    assert coverage.activities_for("(k)") == ["A.6-A.8 (i)", "A.6-A.8 (ii)"]
    without_key_area = [code for code in coverage.areas if not coverage.key_areas_for(code)]
    assert without_key_area == ["(h)", "(l)", "(m)", "(q)"]
    for code in without_key_area:  # nothing can be planned for what no key area covers
        assert coverage.activities_for(code) == []
    assert [c for c in coverage.areas if not coverage.activities_for(c)] == [
        "(b)",
        "(h)",
        "(l)",
        "(m)",
        "(q)",
    ]


def test_plan_check_names_the_same_uncovered_areas() -> None:
    found = [f.item for f in check_plan(PLAN) if f.kind == "needs-area-not-addressed"]
    assert found == ["(h)", "(l)", "(m)", "(q)"]


def test_references_and_reverse_lookup() -> None:
    coverage = load_needs_coverage(PLAN)
    assert canonical_reference(PLAN, "A.7 (3)") == "A.6-A.8 (3)"
    assert canonical_reference(PLAN, "A.5 (1)") == "A.5 (1)"
    assert canonical_reference(PLAN, "Z.9 (1)") == "Z.9 (1)"
    assert resolve_activity(PLAN, "A.8 (v)").text.startswith("Establish, strengthen")
    assert resolve_activity(PLAN, "A.5 (ix)") is None
    assert coverage.areas_served_by(["A.6-A.8 (v)"]) == {"(g)", "(i)"}
    assert coverage.areas_served_by(["B.2 (1)"]) == set()


def _write_mapping(tmp_path, monkeypatch, body: str):
    (tmp_path / "needs-coverage-draft-2020.yaml").write_text(body, encoding="utf-8")
    monkeypatch.setattr(needs_module, "DATA_DIR", tmp_path)


def test_an_unknown_activity_is_one_clear_error(tmp_path, monkeypatch) -> None:
    _write_mapping(
        tmp_path,
        monkeypatch,
        'plan: draft-2020\nareas:\n  "(a)":\n    key_areas: ["A.1 (2)"]\n'
        '    activities: ["A.1 (ii)", "A.1 (ix)"]\n',
    )
    with pytest.raises(DataFileError) as error:
        load_needs_coverage(PLAN)
    message = str(error.value)
    assert "needs-coverage-draft-2020.yaml, line 5" in message
    assert "no activity 'A.1 (ix)' in draft-2020" in message


def test_a_goal_of_a_shared_set_must_be_written_as_the_set(tmp_path, monkeypatch) -> None:
    _write_mapping(
        tmp_path,
        monkeypatch,
        'plan: draft-2020\nareas:\n  "(i)":\n    key_areas: ["A.7 (3)"]\n',
    )
    with pytest.raises(DataFileError, match=re.escape("write 'A.6-A.8 (3)' for 'A.7 (3)'")):
        load_needs_coverage(PLAN)


def test_needs_questions_file_with_problems(tmp_path) -> None:
    path = tmp_path / "needs-questions-with-problems.yaml"
    path.write_text(
        'areas:\n  "(a)": T1\n  "(b)": T1\nformats:\n'
        "  cpbNationalReport5: {areas: Q123, has_needs: Q122, assessed: Q121, prioritised: Q124}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as error:
        needs_definitions(path)
    assert "needs-questions-with-problems.yaml, line 3" in str(error.value)
    assert "term T1 is already given to (a)" in str(error.value)
    missing = tmp_path / "missing-field.yaml"
    missing.write_text('areas:\n  "(a)": T1\nformats:\n  cpbNationalReport5: {areas: Q123}\n')
    with pytest.raises(DataFileError, match="has_needs"):
        needs_definitions(missing)
