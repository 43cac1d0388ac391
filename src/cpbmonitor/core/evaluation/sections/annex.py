"""The annex: every indicator of the plan with how it is measured (the methodology)."""

from __future__ import annotations

from cpbmonitor.core.evaluation.inputs import ReportInputs
from cpbmonitor.core.evaluation.model import Cell, Paragraph, Section, Table
from cpbmonitor.core.evaluation.numbers import DASH, ordinal
from cpbmonitor.core.evaluation.sections import section
from cpbmonitor.core.evaluation.words import tr
from cpbmonitor.core.indicators import CycleInfo, IndicatorMethod

UNITS = {
    "percent-of-parties": "percentage of Parties",
    "percent-of-records": "percentage of records",
    "count": "count",
}


def rule_text(entry: IndicatorMethod | None, cycle: CycleInfo | None) -> str:
    """The rule over report answers for ``cycle``, or when the records are read."""
    if entry is None or cycle is None:
        return DASH
    if entry.measure:
        since = entry.start(cycle)
        period = f"from {since.isoformat()} " if since else ""
        return f"{entry.measure}: records {period}as on {entry.snapshot(cycle).isoformat()}"
    if entry.source != "national-reports":
        return DASH
    number = cycle.number
    if number not in entry.rules:
        return "no rule: " + entry.no_rule.get(number, "not defined")
    among = entry.population_rules.get(number)
    return f"among {among}: {entry.rules[number]}" if among else entry.rules[number]


def source_text(entry: IndicatorMethod | None) -> str:
    if entry is None:
        return "no methodology entry"
    population = entry.population + (
        ", non-reporting Parties counted" if entry.count_non_reporting else ""
    )
    return f"{UNITS[entry.unit]}; source: {entry.source}; population: {population}"


def notes_text(entry: IndicatorMethod | None) -> str:
    if entry is None:
        return ""
    notes = [
        f"pending: {entry.pending}" if entry.pending else "",
        f"not measurable: {entry.reason}" if entry.reason else "",
        entry.note or "",
    ]
    return " ".join(n for n in notes if n)


@section("annex", 90)
def annex(inputs: ReportInputs) -> Section:
    cycle, baseline = inputs.evaluation.cycle, inputs.evaluation.baseline
    rule = tr("Rule, {ordinal} cycle")
    columns = (
        tr("Indicator"),
        tr("Text"),
        tr("How it is measured"),
        tr("Unit, source and population"),
        rule.format(ordinal=ordinal(cycle.number)),
        rule.format(ordinal=ordinal(baseline.number)) if baseline else tr("Rule, baseline"),
        tr("Notes"),
    )
    rows = []
    for indicator in inputs.plan.indicators():
        entry = inputs.methodology.entry(indicator.code)
        rows.append(
            (
                Cell(indicator.code, "code"),
                Cell(indicator.text),
                Cell(entry.method if entry else "no methodology entry"),
                Cell(source_text(entry)),
                Cell(rule_text(entry, cycle), "code"),
                Cell(rule_text(entry, baseline), "code"),
                Cell(notes_text(entry)),
            )
        )
    intro = Paragraph(
        (
            tr(
                "Rules are written in the rule language of CPB Monitor over the question keys "
                "and option values of each cycle's reporting format (see the project's "
                "methodology documentation)."
            ),
        )
    )
    table = Table("methodology", tr("Every indicator and how it is measured"), columns, tuple(rows))
    return Section(
        "annex",
        tr("Annex: indicators and methodology"),
        (intro, table),
        kind="annex",
        sheet="Methodology",
    )
