"""Adapters from stored rows to the indicator engine's plain inputs, and the calls the CLI,
the pages and the API share: evaluate a plan version (the current evaluation, cached),
an indicator's methodology, analyse a question.

Every edge reads the core's own result types (``core.indicators.Evaluation``,
``IndicatorResult``, ``GroupResult``): there are no other result types.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol

from django.utils.module_loading import import_string

from cpbmonitor.conf import plan_version, setting
from cpbmonitor.core.formats import Questionnaire
from cpbmonitor.core.indicators import (
    CycleInfo,
    Evaluation,
    IndicatorMethod,
    PartyFacts,
    PreviousCycle,
    QuestionAnalysis,
    ReportFacts,
    Settings,
    analyze_question,
    evaluate,
    load_methodology,
)
from cpbmonitor.core.indicators.series import Series, evaluate_series
from cpbmonitor.core.plan import PlanVersion, load_plan
from cpbmonitor.core.records import RecordSet
from cpbmonitor.national_reports.models import Answer, NationalReport, Party, ReportingCycle
from cpbmonitor.services.cache import cached
from cpbmonitor.services.compiled import compiled_report_facts, day, raw_rows
from cpbmonitor.services.cycles import cycle as cycle_named
from cpbmonitor.services.formats import questionnaire_for
from cpbmonitor.services.timeliness import first_submissions


def party_facts() -> list[PartyFacts]:
    fields = ("iso2", "region", "cp_party_since", "sp_party_since", "gef_eligible")
    return [
        PartyFacts(
            government=iso2,
            region=region or None,
            cp_party_since=day(cp_since),
            sp_party_since=day(sp_since),
            gef_eligible=bool(gef),
        )
        for iso2, region, cp_since, sp_since, gef in raw_rows(Party.objects.values_list(*fields))
    ]


def cycle_info(number: int | str) -> CycleInfo:
    cycle = cycle_named(number)
    if cycle.number is None:
        raise ReportingCycle.DoesNotExist(f"cycle {number} has no number to evaluate")
    return CycleInfo(number=cycle.number, schema=cycle.schema, deadline=cycle.deadline)


def report_facts(cycles: Iterable[int]) -> list[ReportFacts]:
    """The current report of every government in ``cycles``, with its compiled answers
    (one row of answer codes per report, never the answer rows: see ``compiled``)."""
    return compiled_report_facts(cycles)


def answer_report_facts(cycles: Iterable[int]) -> list[ReportFacts]:
    """The same reports, their answers read from the ``Answer`` rows (what the compiled
    answers are checked against); each with the first submission of the government's
    report for its cycle."""
    reports = list(
        NationalReport.objects.current()
        .filter(cycle__number__in=list(cycles))
        .values_list(
            "id",
            "government__iso2",
            "cycle__number",
            "submitted_on",
            "complete",
            "government_id",
            "cycle_id",
        )
    )
    first = first_submissions({r[6] for r in reports})
    answers: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    rows = (
        Answer.objects.filter(report_id__in=[r[0] for r in reports])
        .order_by()
        .values_list("report_id", "question", "value")
    )
    for report_id, question, value in rows.iterator(chunk_size=5000):
        answers[report_id][question].add(value)
    return [
        ReportFacts(
            government=government,
            cycle=number or 0,  # only numbered cycles are asked for
            submitted_on=_utc_date(submitted_on),
            complete=complete,
            answers={key: frozenset(values) for key, values in answers[report_id].items()},
            first_submitted_on=_utc_date(first.get((government_id, cycle_id), submitted_on)),
        )
        for report_id, government, number, submitted_on, complete, government_id, cycle_id in (
            reports
        )
    ]


def _utc_date(moment: dt.datetime | None) -> dt.date | None:
    return moment.astimezone(dt.UTC).date() if moment else None


def stored_records() -> RecordSet:
    """The stored BCH, Compliance Committee, usage, GEF funding and capacity-building
    records, with the non-mandatory BCH records the last sync listed."""
    from cpbmonitor.services.harvest.counts import with_listed_publications
    from cpbmonitor.services.records import stored_record_set

    return with_listed_publications(stored_record_set())


def configured_settings() -> Settings:
    """The engine's settings as configured (``CPB_CHANGE_THRESHOLD``,
    ``CPB_MIN_DENOMINATOR``): what the pages, the API, the document and the runs use when
    no settings are given."""
    from cpbmonitor import conf

    return Settings(
        change_threshold=float(conf.setting("CPB_CHANGE_THRESHOLD")),
        min_denominator=int(conf.setting("CPB_MIN_DENOMINATOR")),
    )


def evaluate_stored(
    plan_id: str, cycle: int, baseline: int | None, settings: Settings | None = None
) -> Evaluation:
    """Every indicator of ``plan_id`` for ``cycle`` against ``baseline``, from stored
    reports and records."""
    plan = load_plan(plan_id)
    current = cycle_info(cycle)
    previous = cycle_info(baseline) if baseline is not None else None
    numbers = [current.number] + ([previous.number] if previous else [])
    return evaluate(
        plan,
        load_methodology(plan.id),
        current,
        previous,
        party_facts(),
        report_facts(numbers),
        settings or configured_settings(),
        records=stored_records(),
    )


def evaluate_stored_series(
    plan_id: str, cycles: Iterable[int], settings: Settings | None = None
) -> Series:
    """Every indicator of ``plan_id`` in each of ``cycles``, world and regions, with every
    change and its comparability, from stored reports and records."""
    plan = load_plan(plan_id)
    infos = [cycle_info(n) for n in sorted(set(cycles))]
    return evaluate_series(
        plan,
        load_methodology(plan.id),
        infos,
        party_facts(),
        report_facts([c.number for c in infos]),
        settings or configured_settings(),
        records=stored_records(),
    )


def parse_cycles(text: str) -> list[int]:
    """``"4,5,6"`` -> ``[4, 5, 6]``; a word that is not a number is a ``ValueError``."""
    numbers = []
    for word in text.split(","):
        word = word.strip()
        if not word.isdigit():
            raise ValueError(f"cycles: {word!r} is not a cycle number (write e.g. 4,5,6)")
        numbers.append(int(word))
    if not numbers:
        raise ValueError("cycles: give at least one cycle number")
    return numbers


def analyze_stored_question(key: str, cycle: int, compare: bool = False) -> QuestionAnalysis:
    """Counts of each option of question ``key`` by region, optionally beside the mapped
    question of the previous cycle."""
    current = cycle_info(cycle)
    questionnaire: Questionnaire = questionnaire_for(current.schema)
    previous: PreviousCycle | None = None
    numbers = [current.number]
    if compare:
        before = cycle_info(current.number - 1)
        previous = PreviousCycle(questionnaire_for(before.schema), before)
        numbers.append(before.number)
    return analyze_question(
        questionnaire, report_facts(numbers), party_facts(), key, current, previous
    )


# -- the current evaluation, as the pages, the API and the milestones see it ---------------


class ResultsSource(Protocol):
    def evaluate(self, plan: PlanVersion) -> Evaluation | None: ...


class EngineSource:
    """The engine over the stored reports and records: the latest cycle of the methodology
    with reports, against the previous cycle the methodology covers (the fourth-report
    baseline). ``None`` while no report of such a cycle is stored."""

    def evaluate(self, plan: PlanVersion) -> Evaluation | None:
        cycles = sorted(load_methodology(plan.id).cycles)
        reported = {
            number
            for number in NationalReport.objects.current()
            .filter(cycle__number__in=cycles)
            .values_list("cycle__number", flat=True)
            .distinct()
            if number is not None
        }
        if not reported:
            return None
        current = max(reported)
        earlier = [c for c in cycles if c < current]
        return evaluate_stored(plan.id, current, earlier[-1] if earlier else None)


def current_plan() -> PlanVersion:
    """The plan version the pages and the API measure (``CPB_PLAN_VERSION``)."""
    return load_plan(plan_version())


def current_evaluation(plan: PlanVersion | None = None) -> Evaluation | None:
    """Every indicator of ``plan`` (the current plan by default) from the results source
    (``CPB_RESULTS_SOURCE``), cached under the data version; ``None`` before any report."""
    plan = plan or current_plan()

    def compute() -> Evaluation | bool:
        source: ResultsSource = import_string(setting("CPB_RESULTS_SOURCE"))()
        return source.evaluate(plan) or False  # False: cached as "nothing yet"

    found = cached("evaluation", compute, plan.id)
    return found if isinstance(found, Evaluation) else None


def indicator_method(code: str, plan: PlanVersion | None = None) -> IndicatorMethod | None:
    """How indicator ``code`` is computed (``text``) and the questions it reads."""
    return load_methodology((plan or current_plan()).id).entry(code)
