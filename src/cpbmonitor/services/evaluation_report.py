"""The evaluation report: gather the ``ReportInputs`` of ``core.evaluation`` and build the
document.

One code path for the live document and an evaluation run's: ``document_inputs``
computes every section from a ``core.runs.FrozenInputs`` - a run's frozen inputs
(``services.run_documents``), or the same inputs read from the database now
(``report_inputs``, through ``evaluation_runs.live_inputs``). Nothing here reads the
database itself, so a run's document changes with no report imported nor milestone
edited later.

Besides the evaluation, the reporting status of each cycle (``core.evaluation.reporting``,
from the Parties and reports) and the dates of the data, the inputs hold, for the plan
version and the cycle measured:

- capacity-building needs of the cycle, their coverage by the Action Plan's key areas
  (the plan's curated mapping) and by the registered activities of the cycle's period,
  as ``cpb capacity needs`` and ``cpb capacity coverage`` compute them; a plan version
  without an Action Plan (``draft-2019``) gets the needs alone, with the reason; a
  cycle whose format has no needs question, none;
- the milestones of the plan version, assessed against the same evaluation (as
  ``cpb milestones status``);
- the free texts the challenges section quotes, and the contribution of capacity-building;
- the linkages of the plan and of each goal (``core.plan.linkages``).

The document is labelled as demonstration data when any input used (national reports,
records, milestones) is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from cpbmonitor.core.analysis import TextAnswer
from cpbmonitor.core.capacity import cycle_window
from cpbmonitor.core.capacity.contribution import Contribution
from cpbmonitor.core.evaluation import (
    DEMONSTRATION_INPUTS,
    Document,
    Needs,
    ReportInputs,
    build_document,
    default_sources,
    demonstration_label,
    needs_of,
)
from cpbmonitor.core.evaluation.reporting import cycle_reporting, latest_submission
from cpbmonitor.core.formats import FormatError
from cpbmonitor.core.indicators import Evaluation, Settings
from cpbmonitor.core.milestones import MilestoneAssessment, assess_milestones
from cpbmonitor.core.plan import PlanVersion, load_plan
from cpbmonitor.core.plan.linkages import GoalLink, goal_links
from cpbmonitor.core.runs import FrozenInputs
from cpbmonitor.services import capacity
from cpbmonitor.services.contribution import contributions_of
from cpbmonitor.services.formats import UnknownSchema
from cpbmonitor.services.texts import challenge_questions

REPORT_SOURCES = ("national-reports", "reporting-status")
REPORTS, RECORDS, MILESTONES = DEMONSTRATION_INPUTS
PLAN_LEVEL = "plan as a whole"
"""The goal column of the links the plan states for itself (annex, paragraphs 4 and 7)."""
UNMAPPED = (
    "Plan version {plan} has no Capacity-Building Action Plan: the needs are shown as "
    "reported, without key areas or capacity-building activities to compare them with."
)


# -- the optional inputs --------------------------------------------------------------------


def frozen_capacity(plan: PlanVersion, inputs: FrozenInputs) -> Needs | None:
    """The needs of the cycle measured, from ``inputs``' reports, with their coverage by
    ``plan`` and ``inputs``' records (needs alone when the plan has no Action Plan);
    ``None`` when the cycle's format has no known needs question."""
    try:
        needs = capacity.needs_of_reports(inputs.cycle, inputs.report_facts(), inputs.parties)
    except (LookupError, FormatError, UnknownSchema):
        return None
    if not plan.has_capacity_building:
        return needs_of(needs, unmapped=UNMAPPED.format(plan=plan.id))
    period = cycle_window(inputs.cycle.number)
    coverage = capacity.coverage_of(plan, needs, inputs.records, inputs.parties, period)
    return needs_of(needs, coverage)


def frozen_milestones(
    inputs: FrozenInputs, evaluation: Evaluation
) -> list[MilestoneAssessment] | None:
    """``inputs``' milestones assessed against ``evaluation``; ``None``: not frozen (a run
    of layout 1)."""
    if inputs.milestones is None:
        return None
    return assess_milestones(inputs.milestones, evaluation)


def plan_linkages(plan: PlanVersion) -> list[GoalLink]:
    """The plan's own links, then each goal's (empty when the version records none)."""
    return goal_links(plan, plan_level=PLAN_LEVEL)


def frozen_challenge_texts(inputs: FrozenInputs) -> tuple[list[TextAnswer] | None, str]:
    """What Parties wrote in their published reports of the cycle in answer to the
    questions on challenges and needs (``core/analysis/data/challenge-topics.yaml``), as
    ``inputs`` hold them, and a note naming those questions; ``None``: not frozen."""
    if inputs.texts is None:
        return None, ""
    keys = challenge_questions(inputs.cycle.schema)
    if not keys:
        return [], ""
    numbers = ", ".join(k.removeprefix("Q").lstrip("0") for k in keys)
    note = f"Free-text answers to questions {numbers} of the published national reports"
    return list(inputs.texts), note


@dataclass(frozen=True)
class OptionalInputs:
    capacity: Needs | None
    milestones: list[MilestoneAssessment] | None
    linkages: list[GoalLink] | None
    texts: list[TextAnswer] | None = None
    texts_source: str = ""
    contributions: list[Contribution] | None = None

    def made_up(self, inputs: FrozenInputs) -> tuple[str, ...]:
        """Which of the inputs used are demonstration data."""
        flags = {
            REPORTS: any(report.demonstration for report in inputs.reports),
            RECORDS: any(record.demonstration for record in inputs.records),
            MILESTONES: any(m.demonstration for m in self.milestones or ()),
        }
        return tuple(name for name in DEMONSTRATION_INPUTS if flags[name])


def optional_inputs(
    plan: PlanVersion, evaluation: Evaluation, inputs: FrozenInputs, optional: bool = True
) -> OptionalInputs:
    if not optional:
        return OptionalInputs(None, None, None)
    texts, note = frozen_challenge_texts(inputs)
    return OptionalInputs(
        frozen_capacity(plan, inputs),
        frozen_milestones(inputs, evaluation),
        plan_linkages(plan),
        texts,
        note,
        contributions_of(plan, evaluation, inputs.records, inputs.parties),
    )


# -- all of it ------------------------------------------------------------------------------


def use_chart_cache() -> None:
    """Charts are drawn once per data change and kept under the data directory."""
    from pathlib import Path

    from django.conf import settings as django_settings

    from cpbmonitor.core.evaluation.charts import use_cache_directory

    use_cache_directory(Path(django_settings.DATA_DIR) / "cache" / "charts")


def document_inputs(
    inputs: FrozenInputs,
    evaluation: Evaluation,
    *,
    generated_on: dt.date | None = None,
    optional: bool = True,
    language: str = "en",
) -> ReportInputs:
    """Everything the evaluation report is built from, computed from ``inputs`` alone (an
    evaluation run's frozen inputs, or the stored data read now) and their
    ``evaluation``; ``optional=False`` leaves out capacity-building, milestones, linkages,
    texts and contributions (their sections then say they are not available)."""
    use_chart_cache()
    plan = load_plan(inputs.plan)
    facts = inputs.report_facts()
    before = evaluation.baseline.number if evaluation.baseline else None
    dates = (
        latest_submission(evaluation.cycle.number, facts),
        latest_submission(before, facts) if before is not None else None,
    )
    extra = optional_inputs(plan, evaluation, inputs, optional)
    made_up = extra.made_up(inputs)
    return ReportInputs(
        plan=plan,
        methodology=inputs.methodology,
        evaluation=evaluation,
        reporting={c.number: cycle_reporting(c, inputs.parties, facts) for c in inputs.cycles},
        generated_on=generated_on or dt.date.today(),
        demonstration=demonstration_label(made_up),
        demonstration_of=made_up,
        sources=default_sources(
            inputs.methodology, evaluation, dict.fromkeys(REPORT_SOURCES, dates)
        ),
        capacity=extra.capacity,
        milestones=extra.milestones,
        linkages=extra.linkages,
        language=language,
        texts=extra.texts,
        texts_source=extra.texts_source,
        contributions=extra.contributions,
    )


def report_inputs(
    plan_id: str,
    cycle: int,
    baseline: int | None,
    settings: Settings | None = None,
    *,
    generated_on: dt.date | None = None,
    optional: bool = True,
    language: str = "en",
) -> ReportInputs:
    """Everything the evaluation report of ``plan_id`` (``cycle`` against ``baseline``)
    is built from: the inputs an evaluation run would freeze, read from the database now
    (``evaluation_runs.live_inputs``), through ``document_inputs``."""
    from cpbmonitor.services.evaluation_runs import evaluate_inputs, live_inputs

    inputs = live_inputs(plan_id, cycle, baseline)
    evaluation = evaluate_inputs(inputs, settings)
    return document_inputs(
        inputs, evaluation, generated_on=generated_on, optional=optional, language=language
    )


def evaluation_document(
    plan_id: str,
    cycle: int,
    baseline: int | None,
    settings: Settings | None = None,
    tick: Callable[[str], None] | None = None,
    language: str = "en",
) -> Document:
    """The evaluation report of the stored data in ``language`` (``en``, ``fr``), built
    and checked."""
    inputs = report_inputs(plan_id, cycle, baseline, settings, language=language)
    if tick is not None:
        tick("data")
    return build_document(inputs, tick)
