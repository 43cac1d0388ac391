"""What the evaluation report is built from: plain objects, gathered by the caller.

``ReportInputs`` holds the plan, its methodology, the ``Evaluation`` of the indicator
engine, the reporting status of each cycle, the data sources with their snapshot
dates and whether the data are the demonstration data. Capacity-building needs,
milestone assessments and linkages are optional: a section whose input is ``None``
says that it is not available. Their shapes are ``Protocol``s, so the objects of the
modules that compute them can be passed as they are; the dataclasses here satisfy them
too (tests, adapters).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from cpbmonitor.core.analysis import TextAnswer
from cpbmonitor.core.capacity.contribution import Contribution
from cpbmonitor.core.demo import LABEL
from cpbmonitor.core.evaluation.assessment import Assessment
from cpbmonitor.core.evaluation.numbers import join_words
from cpbmonitor.core.indicators import Evaluation, IndicatorMethod, Methodology
from cpbmonitor.core.plan.model import PlanVersion


@dataclass(frozen=True)
class ReportingTotals:
    """Reporting in one cycle for one group (the world or a region)."""

    parties: int
    """Parties to the Protocol on the cycle's deadline."""
    submitted: int
    complete: int
    complete_on_time: int


@dataclass(frozen=True)
class CycleReporting:
    number: int
    deadline: dt.date
    totals: Mapping[str, ReportingTotals]
    """``global`` and each region (the European Union counts in ``global`` only)."""


@dataclass(frozen=True)
class DataSource:
    """One source of the indicators' data, and the dates of the data read from it."""

    name: str
    """The methodology's source name: ``national-reports``, ``bch-records``..."""
    indicators: tuple[str, ...]
    snapshot: dt.date | None = None
    """Date of the data used for the cycle measured; ``None``: not read (pending)."""
    baseline_snapshot: dt.date | None = None
    """Date of the data used for the baseline, where it differs from ``snapshot``."""
    note: str | None = None


# -- optional inputs, computed by other modules -------------------------------------------


@dataclass(frozen=True)
class RegionNeed:
    """One needs area in one regional group."""

    reporting: int
    """Reporting Parties of the group."""
    in_need: int
    activities: int | None = None
    unreached: int | None = None


class NeedArea(Protocol):
    """One area in which Parties reported needing capacity-building."""

    @property
    def code(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def parties(self) -> int:
        """Reporting Parties that named this area."""
        ...

    @property
    def key_areas(self) -> Sequence[str]:
        """Key areas of the Action Plan linked to this need (``"A.5 (1)"``); empty: a gap."""
        ...

    @property
    def activities(self) -> int | None:
        """Capacity-building activities registered for the area in the cycle's period."""
        ...

    @property
    def unreached(self) -> int | None:
        """Parties in need that no registered activity reaches."""
        ...

    @property
    def regions(self) -> Mapping[str, RegionNeed]:
        """Regional group -> its figures (empty when not computed)."""
        ...


class CapacityNeeds(Protocol):
    @property
    def cycle(self) -> int: ...
    @property
    def reporting_parties(self) -> int:
        """Parties with a national report of the cycle: the base of the shares."""
        ...

    @property
    def areas(self) -> Sequence[NeedArea]: ...
    @property
    def source(self) -> str:
        """Where the counts come from (a question of the format, a document)."""
        ...

    @property
    def period(self) -> tuple[dt.date, dt.date] | None:
        """The days over which registered activities are counted (``None``: not counted)."""
        ...

    @property
    def unmapped(self) -> str | None:
        """Why the needs are not compared with key areas (a plan version without a
        Capacity-Building Action Plan); ``None`` when they are."""
        ...


MilestoneStatus = Literal["reached", "on track", "off track", "not assessable"]


class MilestoneAssessment(Protocol):
    """A milestone set for an indicator (and group) and how the data compare with it
    (the shape of ``core.milestones.MilestoneAssessment``)."""

    @property
    def indicator(self) -> str: ...
    @property
    def group(self) -> str:
        """``global`` or a region code."""
        ...

    @property
    def target_value(self) -> float: ...
    @property
    def target_date(self) -> dt.date: ...
    @property
    def baseline_value(self) -> float | None: ...
    @property
    def latest_value(self) -> float | None: ...
    @property
    def needed(self) -> float | None:
        """The target minus the latest value (0 once reached)."""
        ...

    @property
    def projected_value(self) -> float | None:
        """The trend from the baseline to the latest value, extended to the date."""
        ...

    @property
    def status(self) -> MilestoneStatus: ...
    @property
    def demonstration(self) -> bool:
        """Made up to show the feature, not set by the meeting of the Parties."""
        ...


class GoalLinkage(Protocol):
    """A link of a goal to another framework (paragraphs 4 and 7 of the annex)."""

    @property
    def goal(self) -> str: ...
    @property
    def framework(self) -> str:
        """``Kunming-Montreal Global Biodiversity Framework``, ``Sustainable Development Goals``."""
        ...

    @property
    def target(self) -> str:
        """``Target 17: Biosafety...``, ``Goal 2: Zero hunger...``."""
        ...

    @property
    def basis(self) -> str:
        """What the link rests on: stated in the plan, or the project's reading."""
        ...


@dataclass(frozen=True)
class Need:
    code: str
    text: str
    parties: int
    key_areas: tuple[str, ...] = ()
    activities: int | None = None
    unreached: int | None = None
    regions: Mapping[str, RegionNeed] = field(default_factory=dict)
    """Regional group -> its figures (empty when not computed)."""


@dataclass(frozen=True)
class Needs:
    cycle: int
    reporting_parties: int
    areas: tuple[Need, ...]
    source: str
    period: tuple[dt.date, dt.date] | None = None
    unmapped: str | None = None


@dataclass(frozen=True)
class Milestone:
    indicator: str
    group: str
    target_value: float
    target_date: dt.date
    baseline_value: float | None
    latest_value: float | None
    needed: float | None
    projected_value: float | None
    status: MilestoneStatus
    demonstration: bool = False


@dataclass(frozen=True)
class Linkage:
    goal: str
    framework: str
    target: str
    basis: str = "stated in the plan"


# -- all of it -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportInputs:
    plan: PlanVersion
    methodology: Methodology
    evaluation: Evaluation
    reporting: Mapping[int, CycleReporting]
    """Cycle number -> reporting status; the current cycle and the baseline."""
    generated_on: dt.date
    demonstration: str | None = None
    """The demonstration-data label when any input is made up, else ``None``."""
    demonstration_of: tuple[str, ...] = ()
    """Which inputs are made up (``DEMONSTRATION_INPUTS``); empty with a label: the
    national reports."""
    sources: tuple[DataSource, ...] = ()
    capacity: CapacityNeeds | None = None
    milestones: Sequence[MilestoneAssessment] | None = None
    linkages: Sequence[GoalLinkage] | None = None
    extra: Mapping[str, object] = field(default_factory=dict)
    """Inputs of section builders registered elsewhere."""
    language: str = "en"
    """The document's language: ``en`` or ``fr``."""
    assessment: Assessment | None = None
    """Comparability of each change and the status of each objective and goal; ``None``:
    computed by the interim rules (``assessment.interim_assessment``)."""
    texts: Sequence[TextAnswer] | None = None
    """What Parties wrote in answer to the questions on challenges and needs (``None``:
    not available)."""
    texts_source: str = ""
    """Which questions the texts answer, for the footnote."""
    contributions: Sequence[Contribution] | None = None
    """The contribution of capacity-building per indicator (``None``: not available)."""

    @property
    def cycle(self) -> int:
        return self.evaluation.cycle.number

    @property
    def baseline(self) -> int | None:
        return self.evaluation.baseline.number if self.evaluation.baseline else None


REPORTS = "national reports"
DEMONSTRATION_INPUTS = (REPORTS, "BCH and capacity-building records", "milestones")
"""The inputs that may be demonstration data, in the order the notice names them."""


def demonstration_label(made_up: Sequence[str]) -> str | None:
    """The label of a document some of whose inputs (``made_up``) are demonstration
    data: the platform's label when the national reports are, else one naming them."""
    if not made_up:
        return None
    if REPORTS in made_up:
        return LABEL
    return f"Demonstration data: made-up {join_words(made_up)}, not real ones"


def default_sources(
    methodology: Methodology,
    evaluation: Evaluation,
    snapshots: Mapping[str, tuple[dt.date | None, dt.date | None]] | None = None,
) -> tuple[DataSource, ...]:
    """The sources of the methodology's indicators with the dates of their data, in order
    of first use: one row per source and pair of dates.

    ``snapshots`` (source name -> dates of the data for the cycle measured and for the
    baseline) dates the sources read whole, such as the national reports. Indicators
    measured from records are read on their methodology's snapshot date of each cycle
    (by default the cycle's deadline); treaty status on the deadline.
    """
    known = snapshots or {}
    rows: dict[tuple[str, dt.date | None, dt.date | None], list[str]] = {}
    for entry in methodology.indicators:
        current, before = _dates(entry, evaluation, known)
        rows.setdefault((entry.source, current, before), []).append(entry.code)
    return tuple(
        DataSource(name, tuple(codes), current, before)
        for (name, current, before), codes in rows.items()
    )


def _dates(
    entry: IndicatorMethod,
    evaluation: Evaluation,
    known: Mapping[str, tuple[dt.date | None, dt.date | None]],
) -> tuple[dt.date | None, dt.date | None]:
    now, then = evaluation.cycle, evaluation.baseline
    if entry.measure:
        return entry.snapshot(now), entry.snapshot(then) if then else None
    if entry.source == "treaty-status":
        return now.deadline, then.deadline if then else None
    return known.get(entry.source, (None, None))
