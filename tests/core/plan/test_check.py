"""Consistency findings on the tiny plan (worked out by hand) and on the shipped drafts."""

from __future__ import annotations

from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.plan.check import check_plan
from cpbmonitor.core.plan.loader import load_plan_file
from cpbmonitor.core.plan.numbering import expected_sequence
from tests.paths import FIXTURES


def test_findings_on_tiny_plan() -> None:
    findings = check_plan(load_plan_file(FIXTURES / "plan" / "tiny.yaml"))
    assert sorted((f.kind, f.item) for f in findings) == [
        ("code-out-of-sequence", "A.1"),
        ("goal-without-capacity-building", "B.1"),
        ("goal-without-outcome", "A.2"),
        ("indicator-without-objective", "A.2(b)"),
        ("needs-area-not-addressed", "(a)"),
        ("objective-without-indicator", "A.1.3"),
    ]


def test_expected_sequences() -> None:
    assert expected_sequence("A.1.1", 3) == ["A.1.1", "A.1.2", "A.1.3"]
    assert expected_sequence("B.2", 2) == ["B.1", "B.2"]
    assert expected_sequence("A.3(a)", 2) == ["A.3(a)", "A.3(b)"]
    assert expected_sequence("(1)", 2) == ["(1)", "(2)"]
    assert expected_sequence("(i)", 4) == ["(i)", "(ii)", "(iii)", "(iv)"]


def test_findings_on_draft_2019() -> None:
    findings = check_plan(load_plan("draft-2019"))
    assert sorted((f.kind, f.item) for f in findings) == [
        ("indicator-without-objective", "A.2(b)"),
        ("indicator-without-objective", "A.6(a)"),
        ("objective-without-indicator", "A.10.2"),
        ("objective-without-indicator", "A.9.2"),
    ]


def test_draft_2020_goal_findings() -> None:
    findings = check_plan(load_plan("draft-2020"))
    kinds = {(f.kind, f.item) for f in findings if f.kind != "needs-area-not-addressed"}
    assert kinds == {("indicator-without-objective", "A.2(c)")}
