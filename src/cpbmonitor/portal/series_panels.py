"""What the indicator, goal and Party pages show over time: series charts with their
tables, the world map of an indicator, and the progress of goals and objectives.

Each function returns a plain context dict for a template partial
(``portal/_series.html``, ``_world_map.html``, ``_progress.html``, ``_party_series.html``);
``None`` when there is nothing to show yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from cpbmonitor.core.indicators.comparability import LABELS as COMPARABILITY
from cpbmonitor.core.indicators.inputs import GROUPS
from cpbmonitor.core.indicators.progress import ProgressAssessment
from cpbmonitor.core.indicators.series import Change, IndicatorSeries, PartyTally, Point, Series
from cpbmonitor.core.maps import Category, world_map
from cpbmonitor.core.plan import Goal, PlanVersion
from cpbmonitor.portal import labels
from cpbmonitor.portal.series_chart import Line, line_chart
from cpbmonitor.services.progress import portal_progress, portal_series


def _fmt(unit: str) -> Any:
    if unit == "count":
        return lambda v: f"{v:g}"
    return lambda v: f"{v:g}%"


def _group_name(group: str) -> str:
    return str(labels.GROUP_SHORT.get(group, group))


def _break(change: Change | None) -> str | None:
    """Why a segment of a line is not a comparable change (``None``: it is, or there is
    no change to draw)."""
    if change is None or change.change is None:
        return None
    if change.comparability in ("same", "crosswalked"):
        return None
    return f"{COMPARABILITY.get(change.comparability or '', '')}: {change.reason or ''}"


@dataclass(frozen=True)
class ChangeCell:
    text: str
    status: str
    comparability: str
    reason: str
    counted: bool


@dataclass(frozen=True)
class SeriesRow:
    group: str
    values: list[tuple[str, bool]]
    """Per cycle: the value in words (with numerator/denominator) and whether it rests
    on few data."""
    changes: list[ChangeCell | None]


def _value_text(point: Point, unit: str) -> str:
    if point.value is None:
        return "—"
    text = str(_fmt(unit)(point.value))
    if point.denominator is not None and point.numerator is not None:
        text += f" ({point.numerator}/{point.denominator})"
    return text


def _change_cell(change: Change | None, unit: str) -> ChangeCell | None:
    if change is None:
        return None
    text = "—" if change.change is None else f"{change.change:+g}"
    if change.change is not None and unit != "count":
        text += " " + _("points")
    return ChangeCell(
        text,
        change.status or "",
        COMPARABILITY.get(change.comparability or "", ""),
        change.reason or "",
        change.counted,
    )


def _rows(item: IndicatorSeries) -> list[SeriesRow]:
    return [
        SeriesRow(
            group,
            [(_value_text(p, item.unit), p.few_data) for p in item.groups[group]],
            [_change_cell(p.previous, item.unit) for p in item.groups[group][1:]],
        )
        for group in GROUPS
    ]


def _chart_id(code: str, suffix: str) -> str:
    return f"{suffix}-" + code.replace(".", "-").replace("(", "-").rstrip(")")


def _cycle_labels(series: Series) -> list[str]:
    return [
        _("cycle %(n)s (%(year)s)") % {"n": c.number, "year": c.deadline.year}
        for c in series.cycles
    ]


def indicator_series(plan: PlanVersion, code: str) -> dict[str, Any] | None:
    """The indicator's values in every cycle (world and regions), chart and table."""
    series = portal_series(plan.id)
    if series is None:
        return None
    item = series.indicator(code)
    if not any(p.value is not None for points in item.groups.values() for p in points):
        return None
    lines = [
        Line(
            _group_name(group),
            [p.value for p in item.groups[group]],
            [_break(p.previous) for p in item.groups[group][1:]],
        )
        for group in GROUPS
    ]
    chart = line_chart(
        chart_id=_chart_id(code, "series"),
        title=_("Indicator %(code)s in each reporting cycle") % {"code": code},
        cycles=_cycle_labels(series),
        lines=lines,
        fmt=_fmt(item.unit),
        maximum=100 if item.unit != "count" else None,
        not_comparable=_("not comparable"),
    )
    world = item.groups["global"]
    notes = [
        (f"{p.previous.from_cycle} → {p.previous.to_cycle}", _change_cell(p.previous, item.unit))
        for p in world[1:]
        if p.previous is not None
    ]
    return {
        "code": code,
        "chart": chart,
        "cycles": _cycle_labels(series),
        "change_heads": [
            f"{a.number} → {b.number}"
            for a, b in zip(series.cycles, series.cycles[1:], strict=False)
        ],
        "rows": _rows(item),
        "notes": notes,
        "minimum": series.settings.min_denominator,
    }


MAP_CATEGORIES = ("met", "not-met")


def indicator_map(plan: PlanVersion, code: str, cycle: int | None) -> dict[str, Any] | None:
    """Parties by whether they meet a binary indicator in ``cycle`` (default: the latest
    with data): the map and the table beside it."""
    series = portal_series(plan.id)
    if series is None:
        return None
    cycles = [c.number for c in series.cycles if series.met(code, c.number)]
    if not cycles:
        return None
    chosen = cycle if cycle in cycles else cycles[-1]
    met = series.met(code, chosen)
    values = {gov: "met" if flag else "not-met" for gov, flag in met.items()}
    categories = [
        Category("met", _("meets the indicator")),
        Category("not-met", _("does not meet it")),
    ]
    svg = world_map(
        values,
        categories,
        chart_id=_chart_id(code, "map"),
        title=_("Parties by indicator %(code)s, cycle %(cycle)s") % {"code": code, "cycle": chosen},
        no_data=_("no report or not in the indicator's population"),
    )
    table = [
        (category.label, sorted(g.upper() for g, v in values.items() if v == category.key))
        for category in categories
    ]
    # the SVG is built from escaped parts (core.maps.world escapes every text)
    return {"svg": mark_safe(svg), "cycle": chosen, "cycles": cycles, "table": table}


def goal_progress(plan: PlanVersion, goal: Goal) -> dict[str, Any] | None:
    """The goal's and its objectives' progress classes with their reasons, and a chart of
    its indicators' world values over the cycles."""
    progress: ProgressAssessment | None = portal_progress(plan.id)
    series = portal_series(plan.id)
    if progress is None or series is None:
        return None
    codes = [i.code for i in goal.indicators]
    percent = [series.indicator(c) for c in codes if series.indicator(c).unit != "count"]
    chart: SafeString | None = None
    if any(p.value is not None for item in percent for p in item.points()):
        chart = line_chart(
            chart_id=_chart_id(goal.code, "goal-series"),
            title=_("Indicators of goal %(code)s in each reporting cycle (world)")
            % {"code": goal.code},
            cycles=_cycle_labels(series),
            lines=[
                Line(
                    item.code,
                    [p.value for p in item.points()],
                    [_break(p.previous) for p in item.points()[1:]],
                )
                for item in percent
            ],
            fmt=_fmt("percent"),
            maximum=100,
            not_comparable=_("not comparable"),
        )
    return {
        "goal": progress.goal(goal.code),
        "objectives": [progress.objective(o.code) for o in goal.objectives],
        "indicators": [progress.indicator(c) for c in codes],
        "chart": chart,
        "cycles": [c.number for c in series.cycles],
    }


def party_series(plan: PlanVersion, government: str) -> dict[str, Any] | None:
    """How many of the binary indicators the Party meets in each cycle, out of those whose
    population it is in; and the same over the indicators it is measured on in every cycle
    with comparable changes (the sets of the first differ from cycle to cycle): a chart
    and its table."""
    series = portal_series(plan.id)
    if series is None:
        return None
    tallies = series.party_tallies(government)
    if not any(t.measured for t in tallies):
        return None
    share = PartyTally.share
    rows = [
        (
            t.cycle,
            t.met,
            t.measured,
            share(t.met, t.measured),
            t.comparable_met,
            t.comparable,
            share(t.comparable_met, t.comparable),
        )
        for t in tallies
    ]
    lines = [Line(str(_("all indicators measured")), [r[3] for r in rows])]
    if tallies[0].comparable:
        label = _("the same %(count)s indicators, comparable") % {"count": tallies[0].comparable}
        lines.append(Line(str(label), [r[6] for r in rows]))
    chart = line_chart(
        chart_id=f"party-series-{government}",
        title=_("Share of the indicators it is measured on that %(party)s meets")
        % {"party": government.upper()},
        cycles=_cycle_labels(series),
        lines=lines,
        fmt=_fmt("percent"),
        maximum=100,
    )
    return {"chart": chart, "rows": rows, "comparable": tallies[0].comparable}
