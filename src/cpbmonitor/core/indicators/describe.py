"""Plain-words tables of a methodology, for ``docs/methodology.md`` and the pages.

``docs/methodology.md`` embeds ``methodology_table`` for each shipped plan version; a
test fails when the page and the data files disagree. Regenerate the section with
``python -m cpbmonitor.core.indicators.describe``.
"""

from __future__ import annotations

from cpbmonitor.core.indicators.methodology import (
    IndicatorMethod,
    Methodology,
    RecordTiming,
    load_methodology,
)
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.plan.model import PlanVersion

VERSIONS = ("draft-2020", "draft-2019")


def _timing(timing: RecordTiming, cycle: int) -> str:
    snapshot = timing.snapshots.get(cycle)
    lead = f"{timing.before_deadline} days before the deadline" if timing.before_deadline else ""
    on = snapshot.isoformat() if snapshot else lead or "the deadline"
    since = timing.since.get(cycle)
    return f"after {since.isoformat()} up to {on}" if since else f"as on {on}"


def _rule_cell(entry: IndicatorMethod, cycle: int) -> str:
    if entry.measure is not None:
        fallback = f" (without its records: `{entry.fallback}`)" if entry.fallback else ""
        return f"`{entry.measure}`{fallback} {_timing(entry, cycle)}"
    if entry.source != "national-reports":
        return "—"
    if cycle not in entry.rules:
        return "no rule: " + entry.no_rule.get(cycle, "not defined")
    rule = "`" + entry.rules[cycle].replace("|", "\\|") + "`"
    among = entry.population_rules.get(cycle)
    return f"among `{among}`: {rule}" if among else rule


def _source_cell(entry: IndicatorMethod) -> str:
    text = entry.source if entry.unit == "percent-of-parties" else f"{entry.source} ({entry.unit})"
    if entry.pending:
        text += f"; **pending**: {entry.pending}"
    if entry.reason:
        text += f"; {entry.reason}"
    if entry.unit != "percent-of-parties":
        return text
    population: str = entry.population
    if entry.non_parties:
        population += ", non-Parties' records counted"
    if entry.count_non_reporting:
        population += ", non-reporting counted"
    return f"{text}; {population}"


def methodology_table(
    plan: PlanVersion, methodology: Methodology, current: int = 5, baseline: int = 4
) -> str:
    lines = [
        f"### Plan version {plan.id} ({len(methodology.indicators)} indicators)",
        "",
        "| Indicator | How it is computed | Source, population | Fifth report (cycle "
        f"{current}) | Fourth report (baseline, cycle {baseline}) |",
        "|---|---|---|---|---|",
    ]
    for indicator in plan.indicators():
        entry = methodology.entry(indicator.code)
        if entry is None:
            lines.append(f"| {indicator.code} | **no methodology entry** | | | |")
            continue
        method = entry.method + (f" *{entry.note}*" if entry.note else "")
        if entry.secondary is not None:
            second = entry.secondary
            method += (
                f" Beside it, from records (`{second.measure}`, cycle {current} "
                f"{_timing(second, current)}, cycle {baseline} {_timing(second, baseline)}): "
                f"{second.method}"
            )
        lines.append(
            f"| {indicator.code} | {method} | {_source_cell(entry)} | "
            f"{_rule_cell(entry, current)} | {_rule_cell(entry, baseline)} |"
        )
    return "\n".join(lines) + "\n"


def shipped_tables() -> str:
    return "\n".join(methodology_table(load_plan(v), load_methodology(v)) for v in VERSIONS)


if __name__ == "__main__":  # pragma: no cover
    print(shipped_tables(), end="")
