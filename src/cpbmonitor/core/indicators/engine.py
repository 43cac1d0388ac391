"""The indicator engine: a plan version, its methodology and the data of two cycles in,
an ``Evaluation`` out.

``evaluate`` measures every indicator of the plan for the current cycle and the baseline,
globally and per region, compares them, scores every Party on every binary indicator and
summarises goals and objectives. It is pure: inputs are the frozen records of
``inputs`` and, for the indicators measured from records, a ``RecordSet``; no database,
no files beyond the shipped formats (when no questionnaires are given). Rules are
compiled once and the answers they read are read in one pass into bit columns (see
``table``), so 24,000 reports take about a quarter of a second.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from cpbmonitor.core.formats.model import Questionnaire
from cpbmonitor.core.indicators.comparability import Comparability, compare
from cpbmonitor.core.indicators.inputs import (
    GROUPS,
    CycleInfo,
    PartyFacts,
    ReportFacts,
    Settings,
)
from cpbmonitor.core.indicators.methodology import IndicatorMethod, Methodology
from cpbmonitor.core.indicators.records import with_secondary
from cpbmonitor.core.indicators.results import (
    Evaluation,
    GroupResult,
    IndicatorResult,
    Measure,
    Scorecard,
    Status,
    Summary,
)
from cpbmonitor.core.indicators.sources import CycleContext, CycleMeasure, empty, measurer_for
from cpbmonitor.core.plan.model import Indicator, PlanVersion
from cpbmonitor.core.records import RecordSet

NO_ENTRY = "no methodology entry for this indicator"


def parties_on(parties: Iterable[PartyFacts], cycle: CycleInfo) -> dict[str, PartyFacts]:
    """Parties to the Protocol on the cycle's deadline (a later joiner is left out)."""
    return {p.government: p for p in parties if p.is_party_on(cycle.deadline)}


def reports_of(
    reports: Iterable[ReportFacts], cycle: CycleInfo, parties: Mapping[str, PartyFacts]
) -> dict[str, ReportFacts]:
    """One report per Party for the cycle (the latest submitted); non-Parties left out."""
    chosen: dict[str, ReportFacts] = {}
    for report in reports:
        if report.cycle != cycle.number or report.government not in parties:
            continue
        held = chosen.get(report.government)
        if held is None or _later(report, held):
            chosen[report.government] = report
    return chosen


def _later(a: ReportFacts, b: ReportFacts) -> bool:
    if a.submitted_on is None:
        return False
    return b.submitted_on is None or a.submitted_on > b.submitted_on


def context(
    cycle: CycleInfo,
    parties: Iterable[PartyFacts],
    reports: Iterable[ReportFacts],
    questionnaire: Questionnaire | None,
    settings: Settings,
    records: RecordSet | None = None,
) -> CycleContext:
    parties = list(parties)
    members = parties_on(parties, cycle)
    return CycleContext(
        cycle,
        members,
        reports_of(reports, cycle, members),
        questionnaire,
        settings,
        records,
        {p.government: p.region for p in parties},
    )


def default_questionnaire(cycle: CycleInfo) -> Questionnaire | None:
    from cpbmonitor.core.formats import has_shipped_format, shipped_format

    return shipped_format(cycle.schema) if has_shipped_format(cycle.schema) else None


def evaluate(
    plan: PlanVersion,
    methodology: Methodology,
    cycle: CycleInfo,
    baseline: CycleInfo | None,
    parties: Iterable[PartyFacts],
    reports: Iterable[ReportFacts],
    settings: Settings | None = None,
    questionnaires: Mapping[int, Questionnaire] | None = None,
    records: RecordSet | None = None,
) -> Evaluation:
    """Measure every indicator of ``plan`` for ``cycle`` against ``baseline``.

    ``questionnaires`` (cycle number -> format) validate and gate the rules; by default
    the shipped definitions of each cycle's schema are used. ``records`` feed the
    indicators measured from records; without them those have a row saying so.
    """
    settings = settings or Settings()
    parties = list(parties)
    reports = list(reports)
    forms = dict(questionnaires or {})
    cycles = [cycle] + ([baseline] if baseline else [])
    contexts = {
        c.number: context(
            c,
            parties,
            reports,
            forms[c.number] if c.number in forms else default_questionnaire(c),
            settings,
            records,
        )
        for c in cycles
    }
    for ctx in contexts.values():
        ctx.read_answers(methodology.indicators)
    path = cycle_path(baseline, cycle) if baseline else []
    path_forms = {
        c.number: forms[c.number] if c.number in forms else default_questionnaire(c) for c in path
    }
    results: list[IndicatorResult] = []
    scorecards: list[Scorecard] = []
    for indicator in plan.indicators():
        entry = methodology.entry(indicator.code)
        current = _measure(entry, contexts[cycle.number])
        before = _measure(entry, contexts[baseline.number]) if baseline else None
        link = compare(entry, path, path_forms) if baseline else None
        results.append(
            _result(plan, indicator, entry, cycle, baseline, current, before, settings, link)
        )
        if entry is not None and entry.is_binary:
            scorecards.append(
                Scorecard(indicator.code, current.met or {}, (before.met if before else None) or {})
            )
    evaluation_results = tuple(results)
    return Evaluation(
        plan=plan.id,
        cycle=cycle,
        baseline=baseline,
        settings=settings,
        indicators=evaluation_results,
        scorecards=tuple(scorecards),
        regions={p.government: p.region for p in parties},
        goals=goal_summaries(plan, evaluation_results),
        objectives=objective_summaries(plan, evaluation_results),
    )


def _measure(entry: IndicatorMethod | None, ctx: CycleContext) -> CycleMeasure:
    if entry is None:
        return empty(NO_ENTRY)
    measured = measurer_for(entry.source)(entry, ctx)
    return with_secondary(entry, ctx, measured) if entry.secondary else measured


def cycle_path(earlier: CycleInfo, later: CycleInfo) -> list[CycleInfo]:
    """The cycles from ``earlier`` to ``later`` in order, with the known cycles between
    them (``formats.cycles``), along which crosswalks are followed."""
    from cpbmonitor.core.formats import cycles

    between = [
        CycleInfo(c.number, c.schema, c.deadline)
        for c in cycles()
        if c.number is not None and earlier.number < c.number < later.number
    ]
    return [earlier, *between, later]


def status_of(
    change: float | None,
    threshold: float,
    link: Comparability | None = None,
    few_data: bool = False,
) -> Status | None:
    """``improved``/``declined``/``no change`` for a comparable change resting on enough
    data; ``not comparable`` or ``insufficient data`` otherwise; ``None`` without one."""
    if change is None:
        return None
    if link is not None and not link.comparable:
        return "not comparable"
    if few_data:
        return "insufficient data"
    if change >= threshold:
        return "improved"
    if change <= -threshold:
        return "declined"
    return "no change"


def _result(
    plan: PlanVersion,
    indicator: Indicator,
    entry: IndicatorMethod | None,
    cycle: CycleInfo,
    baseline: CycleInfo | None,
    current: CycleMeasure,
    before: CycleMeasure | None,
    settings: Settings,
    link: Comparability | None = None,
) -> IndicatorResult:
    unit = entry.unit if entry else "percent-of-parties"
    groups: dict[str, GroupResult] = {}
    for group in GROUPS:
        now = current.groups[group]
        then = before.groups[group] if before else None
        groups[group] = _group_result(
            indicator.code, group, unit, cycle, baseline, now, then, settings, entry, link
        )
    return IndicatorResult(
        code=indicator.code,
        goal=plan.goal_of(indicator.code).code,
        text=indicator.text,
        unit=unit,
        source=entry.source if entry else "none",
        population=entry.population if entry else "none",
        method=entry.method if entry else NO_ENTRY,
        groups=groups,
        pending=entry.pending if entry else None,
        caveat=entry.note if entry else None,
    )


def _group_result(
    code: str,
    group: str,
    unit: str,
    cycle: CycleInfo,
    baseline: CycleInfo | None,
    now: Measure,
    then: Measure | None,
    settings: Settings,
    entry: IndicatorMethod | None,
    link: Comparability | None = None,
) -> GroupResult:
    value = now.value(unit)
    base_value = then.value(unit) if then else None
    change = None if value is None or base_value is None else round(value - base_value, 2)
    few = few_data(now, unit, settings)
    base_few = then is not None and few_data(then, unit, settings)
    notes = [now.note] if now.note else []
    if then is not None and then.note and then.note != now.note:
        notes.append(f"baseline: {then.note}")
    if entry is not None and entry.note and value is not None:
        notes.append(entry.note)
    return GroupResult(
        indicator=code,
        cycle=cycle.number,
        group=group,
        numerator=now.numerator,
        denominator=now.denominator,
        value=value,
        reports_used=now.reports_used,
        baseline_cycle=baseline.number if baseline else None,
        baseline_numerator=then.numerator if then else None,
        baseline_denominator=then.denominator if then else None,
        baseline_value=base_value,
        change=change,
        status=status_of(change, settings.change_threshold, link, few or base_few),
        note="; ".join(notes) or None,
        comparability=link.kind if link else None,
        comparability_reason=link.reason if link else None,
        few_data=few,
        baseline_few_data=base_few,
    )


def few_data(measure: Measure, unit: str, settings: Settings) -> bool:
    """A percentage whose denominator is under the threshold (counts have none)."""
    return (
        unit != "count"
        and measure.numerator is not None
        and measure.denominator is not None
        and measure.denominator < settings.min_denominator
    )


def _summary(kind: str, code: str, title: str, members: list[IndicatorResult]) -> Summary:
    statuses = [m.overall.status for m in members]
    return Summary(
        kind="goal" if kind == "goal" else "objective",
        code=code,
        title=title,
        indicators=tuple(m.code for m in members),
        improved=statuses.count("improved"),
        no_change=statuses.count("no change"),
        declined=statuses.count("declined"),
        not_compared=statuses.count(None),
        not_comparable=statuses.count("not comparable"),
        insufficient_data=statuses.count("insufficient data"),
    )


def goal_summaries(plan: PlanVersion, results: tuple[IndicatorResult, ...]) -> tuple[Summary, ...]:
    by_goal: dict[str, list[IndicatorResult]] = {}
    for result in results:
        by_goal.setdefault(result.goal, []).append(result)
    return tuple(_summary("goal", g.code, g.title, by_goal.get(g.code, [])) for g in plan.goals())


def objective_summaries(
    plan: PlanVersion, results: tuple[IndicatorResult, ...]
) -> tuple[Summary, ...]:
    by_code = {r.code: r for r in results}
    summaries = []
    for goal in plan.goals():
        for objective in goal.objectives:
            members = [
                by_code[i.code]
                for i in goal.indicators
                if objective.code in i.objectives and i.code in by_code
            ]
            summaries.append(_summary("objective", objective.code, objective.text, members))
    return tuple(summaries)
