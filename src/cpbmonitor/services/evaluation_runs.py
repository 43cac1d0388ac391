"""Evaluation runs: create one (freeze its inputs), evaluate it (from its frozen inputs,
whatever was imported or corrected since), compare two, publish one.

The inputs are read exactly as a live evaluation reads them (``services.evaluation``:
Parties, the current reports with their compiled answers, the stored records, the shipped
methodology), limited to the reports submitted by the run's date, with what the
evaluation document reads besides (the plan version's stored milestones, the free texts
it quotes from the frozen reports), serialised by ``core.runs`` and stored once under
their SHA-256 (``FrozenData``). The live document is built from the same inputs read now
(``services.evaluation_report``), so a run's document and a live one differ only by data.
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from cpbmonitor.core.analysis import TextAnswer
from cpbmonitor.core.indicators import (
    CycleInfo,
    Evaluation,
    Settings,
    evaluate,
    load_methodology,
)
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.runs import (
    Comparison,
    FrozenInputs,
    FrozenReport,
    compare_runs,
    fingerprint,
    methodology_fingerprint,
    parse,
    serialise,
)
from cpbmonitor.evaluations.models import EvaluationRun, FrozenData
from cpbmonitor.national_reports.models import NationalReport
from cpbmonitor.services.cache import cached, invalidate
from cpbmonitor.services.evaluation import (
    configured_settings,
    cycle_info,
    party_facts,
    report_facts,
    stored_records,
)
from cpbmonitor.services.milestones import stored as stored_milestones
from cpbmonitor.services.texts import challenge_texts


class RunError(ValueError):
    """A run that cannot be created, changed or found: the message says why."""


@dataclass(frozen=True)
class Citation:
    """How a page, a download or the document cites the run it was produced from."""

    name: str
    as_of: dt.date
    data_fingerprint: str
    published: bool

    def text(self) -> str:
        state = "published" if self.published else "draft"
        return (
            f"{self.name} ({state}; data as on {self.as_of.isoformat()}; "
            f"data fingerprint {self.data_fingerprint[:12]})"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "as_of": self.as_of.isoformat(),
            "data_fingerprint": self.data_fingerprint,
            "published": self.published,
        }


def citation(run: EvaluationRun) -> Citation:
    return Citation(run.name, run.as_of, run.data_fingerprint, run.published)


# -- freezing -------------------------------------------------------------------------------


def live_inputs(
    plan_id: str, cycle: int, baseline: int | None, as_of: dt.date | None = None
) -> FrozenInputs:
    """The inputs a live evaluation of ``plan_id`` reads now, as on ``as_of`` (today by
    default: reports submitted after it are left out)."""
    plan = load_plan(plan_id)
    day = as_of or timezone.now().date()
    cycles = (cycle_info(cycle),) + ((cycle_info(baseline),) if baseline is not None else ())
    numbers = [c.number for c in cycles]
    identifiers = {
        (gov, number): identifier
        for gov, number, identifier in NationalReport.objects.current()
        .filter(cycle__number__in=numbers)
        .values_list("government__iso2", "cycle__number", "identifier")
    }
    reports = tuple(
        FrozenReport(identifiers.get((facts.government, facts.cycle), ""), facts)
        for facts in report_facts(numbers)
        if facts.submitted_on is None or facts.submitted_on <= day
    )
    return FrozenInputs(
        plan=plan.id,
        cycles=cycles,
        as_of=day,
        parties=tuple(party_facts()),
        reports=reports,
        records=stored_records(),
        methodology=load_methodology(plan.id),
        milestones=tuple(stored_milestones(plan.id)),
        texts=frozen_texts(cycles[0], reports),
        settings=configured_settings(),
    )


def frozen_texts(cycle: CycleInfo, reports: tuple[FrozenReport, ...]) -> tuple[TextAnswer, ...]:
    """The texts the document quotes for ``cycle``, of the governments whose report of
    the cycle is among ``reports`` (a report submitted after the run's date is not)."""
    governments = {r.facts.government for r in reports if r.facts.cycle == cycle.number}
    texts = challenge_texts(cycle.number, cycle.schema)
    return tuple(text for text in texts if text.government in governments)


def store_inputs(inputs: FrozenInputs) -> FrozenData:
    data = serialise(inputs)
    key = fingerprint(data)
    frozen, _ = FrozenData.objects.get_or_create(
        fingerprint=key, defaults={"content": zlib.compress(data, 6), "size": len(data)}
    )
    return frozen


def create_run(
    name: str,
    plan_id: str,
    cycle: int,
    baseline: int | None,
    as_of: dt.date | None = None,
    user: Any = None,
) -> EvaluationRun:
    """Freeze the inputs of a new run called ``name`` and store it."""
    name = name.strip()
    if not name or not slugify(name):
        raise RunError("an evaluation run needs a name")
    if EvaluationRun.objects.filter(name=name).exists():
        raise RunError(f"an evaluation run called {name!r} already exists")
    today = timezone.localdate()
    if as_of is not None and as_of > today:
        raise RunError(f"the data cannot be taken as on {as_of}, after today ({today})")
    try:
        inputs = live_inputs(plan_id, cycle, baseline, as_of)
    except LookupError as error:
        raise RunError(f"cannot freeze {name!r}: {error}") from None
    try:
        with transaction.atomic():
            return EvaluationRun.objects.create(
                name=name,
                slug=slugify(name),
                plan=inputs.plan,
                cycle=inputs.cycle.number,
                baseline=inputs.baseline.number if inputs.baseline else None,
                as_of=inputs.as_of,
                methodology_fingerprint=methodology_fingerprint(inputs.methodology),
                data=store_inputs(inputs),
                created_by=user if getattr(user, "pk", None) else None,
            )
    except IntegrityError:
        raise RunError(f"an evaluation run named like {name!r} already exists") from None


# -- reading back ---------------------------------------------------------------------------


def get_run(name_or_slug: str) -> EvaluationRun:
    run = (
        EvaluationRun.objects.filter(slug=name_or_slug).first()
        or EvaluationRun.objects.filter(name=name_or_slug).first()
    )
    if run is None:
        raise RunError(f"no evaluation run called {name_or_slug!r}")
    return run


def runs() -> list[EvaluationRun]:
    return list(EvaluationRun.objects.all())


def latest_published(plan_id: str | None = None) -> EvaluationRun | None:
    found = EvaluationRun.objects.filter(published_at__isnull=False)
    if plan_id:
        found = found.filter(plan=plan_id)
    return found.order_by("-published_at", "-id").first()


def frozen_inputs(run: EvaluationRun) -> FrozenInputs:
    """The run's inputs, checked against its data fingerprint."""
    frozen = FrozenData.objects.get(pk=run.data_id)
    return parse(zlib.decompress(bytes(frozen.content)), expected=run.data_fingerprint)


def evaluate_inputs(inputs: FrozenInputs, settings: Settings | None = None) -> Evaluation:
    """The figures of ``inputs``, with ``settings`` or else the settings frozen with them."""
    return evaluate(
        load_plan(inputs.plan),
        inputs.methodology,
        inputs.cycle,
        inputs.baseline,
        inputs.parties,
        inputs.report_facts(),
        settings or inputs.settings,
        records=inputs.records,
    )


def evaluate_run(run: EvaluationRun) -> Evaluation:
    """Every figure of ``run``, from its frozen inputs only (cached per fingerprint)."""
    return cached(
        "evaluation-run", lambda: evaluate_inputs(frozen_inputs(run)), run.data_fingerprint
    )


def compare(before: EvaluationRun, after: EvaluationRun) -> Comparison:
    """Which figures changed from ``before`` to ``after``, and the inputs that explain it."""
    old, new = frozen_inputs(before), frozen_inputs(after)
    return compare_runs(old, new, evaluate_inputs(old), evaluate_inputs(new))


def publish(run: EvaluationRun, user: Any = None) -> EvaluationRun:
    """Publish ``run``: its figures and its written text are frozen from now on."""
    if run.published:
        raise RunError(f"{run.name!r} was already published on {run.published_at:%Y-%m-%d}")
    run.published_at = timezone.now()
    run.published_by = user if getattr(user, "pk", None) else None
    run.save(update_fields=["published_at", "published_by"])
    invalidate()  # the pages now show this run's figures
    return run


# -- plain views, shared by the CLI, the pages and the API -----------------------------------


RUN_COLUMNS = ("name", "plan", "cycle", "baseline", "as_of", "status", "data_fingerprint")
CHANGE_COLUMNS = ("indicator", "group", "figure", "before", "after", "why")


def run_row(run: EvaluationRun) -> dict[str, Any]:
    return {
        "name": run.name,
        "slug": run.slug,
        "plan": run.plan,
        "cycle": run.cycle,
        "baseline": run.baseline,
        "as_of": run.as_of.isoformat(),
        "status": "published" if run.published else "draft",
        "data_fingerprint": run.data_fingerprint,
        "methodology_fingerprint": run.methodology_fingerprint,
        "created_at": run.created_at.isoformat(),
        "created_by": run.created_by.get_username() if run.created_by else None,
        "published_at": run.published_at.isoformat() if run.published_at else None,
    }


def change_rows(comparison: Comparison) -> list[dict[str, Any]]:
    return [
        {
            "indicator": f.indicator,
            "group": f.group,
            "figure": f.figure,
            "before": _plain(f.before),
            "after": _plain(f.after),
            "why": "; ".join(f.reasons) or "unexplained",
        }
        for f in comparison.figures
    ]


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    return {
        "reports": [
            {
                "change": r.kind,
                "government": r.government,
                "cycle": r.cycle,
                "identifier": r.identifier,
                "previous": r.previous,
            }
            for r in comparison.reports
        ],
        "records": list(comparison.records),
        "parties": list(comparison.parties),
        "methodology": list(comparison.methodology),
        "figures": change_rows(comparison),
    }


def _plain(value: object) -> object:
    return value if value is None or isinstance(value, int | float | str) else str(value)


FIGURE_COLUMNS = ("indicator", "group", "numerator", "denominator", "value", "change", "status")


def figure_rows(evaluation: Evaluation) -> list[dict[str, Any]]:
    return [
        {
            "indicator": g.indicator,
            "group": g.group,
            "numerator": g.numerator,
            "denominator": g.denominator,
            "value": g.value,
            "change": g.change,
            "status": _plain(g.status),
        }
        for g in evaluation.rows()
    ]


# -- what the public pages show ------------------------------------------------------------


class PublishedRunSource:
    """The results source of the pages and the API (``CPB_RESULTS_SOURCE``): the figures
    of the latest published run of the plan version, or the live figures while none is
    published (``figures_source`` says which)."""

    def evaluate(self, plan: Any) -> Evaluation | None:
        run = latest_published(plan.id)
        if run is None:
            from cpbmonitor.services.evaluation import EngineSource

            return EngineSource().evaluate(plan)
        return evaluate_run(run)


def figures_source(plan_id: str) -> Citation | None:
    """The published run the pages' figures come from; ``None``: live figures."""
    from cpbmonitor.conf import setting

    if not setting("CPB_RESULTS_SOURCE").endswith(".PublishedRunSource"):
        return None
    run = latest_published(plan_id)
    return citation(run) if run else None
