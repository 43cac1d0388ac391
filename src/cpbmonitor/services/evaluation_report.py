"""The evaluation report from the stored data: gather the ``ReportInputs`` of
``core.evaluation`` and build the document.

Besides the evaluation, the reporting status of each cycle and the dates of the data,
the inputs hold what is stored for the plan version and the cycle measured:

- capacity-building needs of the cycle, their coverage by the Action Plan's key areas
  (the plan's curated mapping) and by the registered activities of the cycle's period,
  as ``cpb capacity needs`` and ``cpb capacity coverage`` compute them; a plan version
  without an Action Plan (``draft-2019``) gets the needs alone, with the reason; a
  cycle whose format has no needs question, none;
- the stored milestones of the plan version, assessed against the same evaluation (as
  ``cpb milestones status``);
- the linkages of the plan and of each goal (``core.plan.linkages``).

The document is labelled as demonstration data when any input used (national reports,
records, milestones) is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Max

from cpbmonitor.core.analysis import TextAnswer
from cpbmonitor.core.capacity.contribution import Contribution
from cpbmonitor.core.evaluation import (
    DEMONSTRATION_INPUTS,
    CycleReporting,
    Document,
    Needs,
    ReportingTotals,
    ReportInputs,
    build_document,
    default_sources,
    demonstration_label,
    needs_of,
)
from cpbmonitor.core.formats import FormatError
from cpbmonitor.core.indicators import Evaluation, Settings, load_methodology
from cpbmonitor.core.milestones import MilestoneAssessment, assess_milestones
from cpbmonitor.core.plan import PlanVersion, load_plan
from cpbmonitor.core.plan.linkages import GoalLink, goal_links
from cpbmonitor.core.records import RecordSet
from cpbmonitor.national_reports.models import NationalReport
from cpbmonitor.services import capacity
from cpbmonitor.services.evaluation import evaluate_stored
from cpbmonitor.services.formats import UnknownSchema
from cpbmonitor.services.status import cycle_status

REPORT_SOURCES = ("national-reports", "reporting-status")
REPORTS, RECORDS, MILESTONES = DEMONSTRATION_INPUTS
PLAN_LEVEL = "plan as a whole"
"""The goal column of the links the plan states for itself (annex, paragraphs 4 and 7)."""
UNMAPPED = (
    "Plan version {plan} has no Capacity-Building Action Plan: the needs are shown as "
    "reported, without key areas or capacity-building activities to compare them with."
)


def cycle_reporting(number: int) -> CycleReporting:
    """Reports received, complete and on time in cycle ``number``, world and regions."""
    status = cycle_status(number)
    totals = {
        group: ReportingTotals(t.parties, t.submitted, t.complete, t.complete_on_time)
        for group, t in status.totals.items()
    }
    return CycleReporting(number, status.cycle.deadline, totals)


def latest_submission(number: int | None) -> dt.date | None:
    """The date of the latest current report of cycle ``number`` (the date of the data)."""
    if number is None:
        return None
    moment = (
        NationalReport.objects.current()
        .filter(cycle__number=number)
        .aggregate(latest=Max("submitted_on"))["latest"]
    )
    return moment.astimezone(dt.UTC).date() if moment else None


# -- the optional inputs --------------------------------------------------------------------


def stored_capacity(
    plan: PlanVersion, cycle: int, records: RecordSet | None = None
) -> Needs | None:
    """The needs of ``cycle`` with their coverage by ``plan`` (needs alone when the plan
    has no Action Plan); ``None`` when the cycle's format has no known needs question."""
    try:
        needs = capacity.stored_needs(cycle, compare=False)
    except (LookupError, FormatError, UnknownSchema):
        return None
    if not plan.has_capacity_building:
        return needs_of(needs, unmapped=UNMAPPED.format(plan=plan.id))
    coverage = capacity.stored_coverage(cycle, plan.id, needs=needs, records=records)
    return needs_of(needs, coverage)


def stored_milestones(plan: PlanVersion, evaluation: Evaluation) -> list[MilestoneAssessment]:
    """The stored milestones of ``plan``, assessed against ``evaluation``."""
    from cpbmonitor.services.milestones import stored

    return assess_milestones(stored(plan.id), evaluation)


def plan_linkages(plan: PlanVersion) -> list[GoalLink]:
    """The plan's own links, then each goal's (empty when the version records none)."""
    return goal_links(plan, plan_level=PLAN_LEVEL)


def records_are_demonstration() -> bool:
    try:
        from cpbmonitor.records.models import Record
    except ImportError:  # the records app is not installed
        return False
    return Record.objects.demonstration().exists()


def stored_challenge_texts(evaluation: Evaluation) -> tuple[list[TextAnswer], str]:
    """What Parties wrote in their published reports of the cycle in answer to the
    questions on challenges and needs (``core/analysis/data/challenge-topics.yaml``),
    and a note naming those questions."""
    from cpbmonitor.core.analysis import shipped_topics
    from cpbmonitor.services.texts import stored_texts

    keys = shipped_topics().questions.get(evaluation.cycle.schema, [])
    if not keys:
        return [], ""
    texts = stored_texts(keys, evaluation.cycle.number, published_only=True)
    numbers = ", ".join(k.removeprefix("Q").lstrip("0") for k in keys)
    note = f"Free-text answers to questions {numbers} of the published national reports"
    return texts, note


@dataclass(frozen=True)
class OptionalInputs:
    capacity: Needs | None
    milestones: list[MilestoneAssessment] | None
    linkages: list[GoalLink] | None
    texts: list[TextAnswer] | None = None
    texts_source: str = ""
    contributions: list[Contribution] | None = None

    def made_up(self) -> tuple[str, ...]:
        """Which of the inputs used are demonstration data."""
        flags = {
            REPORTS: NationalReport.objects.demonstration().exists(),
            RECORDS: records_are_demonstration(),
            MILESTONES: any(m.demonstration for m in self.milestones or ()),
        }
        return tuple(name for name in DEMONSTRATION_INPUTS if flags[name])


def optional_inputs(plan: PlanVersion, evaluation: Evaluation, stored: bool) -> OptionalInputs:
    if not stored:
        return OptionalInputs(None, None, None)
    from cpbmonitor.services.contribution import stored_contributions

    texts, note = stored_challenge_texts(evaluation)
    baseline = evaluation.baseline.number if evaluation.baseline else None
    records = capacity.stored_records()  # read once for the coverage and the contribution
    return OptionalInputs(
        stored_capacity(plan, evaluation.cycle.number, records),
        stored_milestones(plan, evaluation),
        plan_linkages(plan),
        texts,
        note,
        stored_contributions(plan.id, evaluation.cycle.number, baseline, evaluation, records),
    )


# -- all of it ------------------------------------------------------------------------------


def use_chart_cache() -> None:
    """Charts are drawn once per data change and kept under the data directory."""
    from pathlib import Path

    from django.conf import settings as django_settings

    from cpbmonitor.core.evaluation.charts import use_cache_directory

    use_cache_directory(Path(django_settings.DATA_DIR) / "cache" / "charts")


def report_inputs(
    plan_id: str,
    cycle: int,
    baseline: int | None,
    settings: Settings | None = None,
    *,
    generated_on: dt.date | None = None,
    optional: bool = True,
    language: str = "en",
    evaluation: Evaluation | None = None,
) -> ReportInputs:
    """Everything the evaluation report of ``plan_id`` (``cycle`` against ``baseline``)
    is built from, read from the database; ``optional=False`` leaves out capacity-building,
    milestones and linkages (their sections then say they are not available). An
    ``evaluation`` given (an evaluation run's) is used instead of the stored reports'."""
    use_chart_cache()
    plan = load_plan(plan_id)
    methodology = load_methodology(plan.id)
    evaluation = evaluation or evaluate_stored(plan_id, cycle, baseline, settings)
    before = evaluation.baseline.number if evaluation.baseline else None
    numbers = [evaluation.cycle.number] + ([before] if before is not None else [])
    dates = (latest_submission(evaluation.cycle.number), latest_submission(before))
    extra = optional_inputs(plan, evaluation, optional)
    made_up = extra.made_up()
    return ReportInputs(
        plan=plan,
        methodology=methodology,
        evaluation=evaluation,
        reporting={n: cycle_reporting(n) for n in numbers},
        generated_on=generated_on or dt.date.today(),
        demonstration=demonstration_label(made_up),
        demonstration_of=made_up,
        sources=default_sources(methodology, evaluation, dict.fromkeys(REPORT_SOURCES, dates)),
        capacity=extra.capacity,
        milestones=extra.milestones,
        linkages=extra.linkages,
        language=language,
        texts=extra.texts,
        texts_source=extra.texts_source,
        contributions=extra.contributions,
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
