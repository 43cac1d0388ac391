"""Helpers shared by section builders: cells of numbers, indicator values, wording."""

from __future__ import annotations

from cpbmonitor.core.evaluation.model import Cell, CellKind, Number, Ref
from cpbmonitor.core.evaluation.numbers import DASH, GROUP_LABELS, join_words, number
from cpbmonitor.core.indicators import GroupResult, IndicatorResult

VALUE_FIELDS = ("value", "baseline_value", "change", "numerator", "denominator")


def style_of(unit: str, field: str) -> str:
    """How a field of an indicator of ``unit`` is printed."""
    if field in ("numerator", "denominator"):
        return "count"
    if field == "change":
        return "points"
    return "count" if unit == "count" else "percent"


def indicator_number(result: IndicatorResult, group: str, field: str) -> Number | None:
    """The number of ``field`` of ``result`` in ``group``, or ``None`` when there is none."""
    value = getattr(result.groups[group], field)
    if value is None:
        return None
    return number(value, style_of(result.unit, field), Ref(result.code, group, field))


def number_cell(n: Number | None, kind: CellKind = "number") -> Cell:
    if n is None:
        return Cell(DASH)
    return Cell(n.text, kind, (n,))


def count_cell(value: int, ref: Ref) -> Cell:
    return number_cell(number(value, "count", ref))


def fraction_cell(result: IndicatorResult, group: str) -> Cell:
    n = indicator_number(result, group, "numerator")
    d = indicator_number(result, group, "denominator")
    if n is None or d is None:
        return Cell(DASH)
    return Cell(f"{n.text}/{d.text}", "fraction", (n, d))


def is_measured(result: IndicatorResult) -> bool:
    """The indicator has a value in some group, in the current or the baseline cycle."""
    return any(g.value is not None or g.baseline_value is not None for g in result.groups.values())


def percent_of(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 2) if whole else None


def regions_with(result: IndicatorResult, field: str) -> list[GroupResult]:
    """The regional groups of ``result`` with a value in ``field``."""
    return [
        g for name, g in result.groups.items() if name != "global" and getattr(g, field) is not None
    ]


CELL_KINDS: dict[str, CellKind] = {"percent": "percent", "points": "points", "count": "number"}


def indicator_cell(result: IndicatorResult, group: str, field: str) -> Cell:
    """The cell showing ``field`` of ``result`` in ``group`` (a dash when empty)."""
    kind = CELL_KINDS[style_of(result.unit, field)]
    return number_cell(indicator_number(result, group, field), kind)


def labels_at(values: dict[str, float], target: float) -> str:
    """The names of the groups whose value is ``target`` (ties are all named)."""
    return join_words(GROUP_LABELS[g] for g, v in values.items() if v == target)


def plural(count: int, noun: str) -> str:
    return noun if count == 1 else noun + "s"
