"""A results source standing in for the indicator engine, with worked-out rows.

A.1(a), world: 3 of 4 Parties = 75.0 %, baseline 50.0 %, change +25.0 points.
A.1(b): no value, the engine's note says it is pending.
B.1(a), world: 40.0 %, baseline 45.5 %, change -5.5 points, with a caveat.
"""

from __future__ import annotations

from typing import Any

PENDING = "pending: BCH records import (national focal point records)"
CAVEAT = "Baseline proxy: the fourth report asked a narrower question."


def _row(
    indicator: str,
    group: str,
    num: Any,
    den: Any,
    value: Any,
    base: Any,
    status: str,
    note: str | None = None,
):
    change = None if value is None or base is None else round(value - base, 1)
    return {
        "indicator": indicator,
        "group": group,
        "numerator": num,
        "denominator": den,
        "value": value,
        "baseline_value": base,
        "change": change,
        "status": status,
        "note": note,
    }


ROWS = [
    _row("A.1(a)", "global", 3, 4, 75.0, 50.0, "improved"),
    _row("A.1(a)", "AFR", 1, 1, 100.0, 100.0, "unchanged"),
    _row("A.1(a)", "ASP", 1, 1, 100.0, 0.0, "improved"),
    _row("A.1(a)", "CEE", None, None, None, None, "no-data"),
    _row("A.1(a)", "GRULAC", 1, 1, 100.0, 100.0, "unchanged"),
    _row("A.1(a)", "WEOG", 0, 1, 0.0, 0.0, "unchanged"),
    *(_row("A.1(b)", g, None, None, None, None, "no-data", PENDING) for g in ("global", "AFR")),
    _row("B.1(a)", "global", 2, 5, 40.0, 45.5, "worsened", CAVEAT),
]


class FakeSource:
    calls = 0

    def evaluate(self, plan):
        FakeSource.calls += 1
        return list(ROWS)

    def scorecard(self, party_code):
        if party_code != "br":
            return []
        return [
            {
                "cycle": "5",
                "indicator": "A.1(a)",
                "party": True,
                "region_value": 100.0,
                "world_value": 75.0,
            }
        ]

    def methodology(self, indicator_code):
        if indicator_code != "A.1(a)":
            return None
        return {
            "text": "Share of Parties whose report says national measures are fully in place.",
            "questions": [{"schema": "cpbNationalReport5", "key": "Q007", "cycle": "5"}],
        }


class RichSource(FakeSource):
    """Every indicator of the plan in every group, with made-up values (screenshots)."""

    def evaluate(self, plan):
        rows = []
        for number, indicator in enumerate(plan.indicators()):
            for offset, group in enumerate(("global", "AFR", "ASP", "CEE", "GRULAC", "WEOG")):
                denominator = (52, 45, 22, 38, 33, 26)[offset]
                numerator = (number * 7 + offset * 11) % denominator
                value = round(100 * numerator / denominator, 1)
                base = round(max(value - (number + offset) % 9 + 3, 0), 1)
                status = "improved" if value > base else "worsened" if value < base else "unchanged"
                rows.append(
                    _row(indicator.code, group, numerator, denominator, value, base, status)
                )
        return rows
