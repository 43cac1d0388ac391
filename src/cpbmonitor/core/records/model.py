"""BCH, Compliance Committee and capacity-building records, as typed models.

Every record holds from ``valid_from`` and, where it ended, until ``valid_to`` (the first
day on which it no longer holds), so that any indicator can be computed *as on* a date:
a contact designated after the date, or withdrawn before it, does not count. What the two
dates mean for each type is said in its docstring (a decision's date, an issue's opening
and resolution, an activity's start and end...).

Record types are registered by name (``RECORD_TYPES``) with ``@record_type``; importers,
exporters, the database layer and the web pages are generic over that registry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

Region = Literal["AFR", "ASP", "CEE", "GRULAC", "WEOG"]
Government = str
GOVERNMENT_PATTERN = r"^[a-z]{2}$"
"""Lower-case ISO 3166 alpha-2 code, or ``eu`` for the European Union."""
NEEDS_AREA_PATTERN = r"^\([a-q]\)$"
"""A capacity-building needs area of the national report question, ``(a)`` to ``(q)``."""


class RecordModel(BaseModel):
    """Fields common to all records."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    identifier: str = Field(min_length=1, max_length=120, pattern=r"^\S+$")
    """Unique within its type (the BCH record identifier, or the LMO unique identifier)."""
    valid_from: dt.date
    valid_to: dt.date | None = None
    demonstration: bool = False
    """Generated demonstration data, never real."""

    @model_validator(mode="after")
    def _dates_in_order(self) -> RecordModel:
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError(f"valid_to {self.valid_to} is before valid_from {self.valid_from}")
        return self

    def holds_on(self, day: dt.date) -> bool:
        """The record exists on ``day``: from ``valid_from``, until before ``valid_to``."""
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)

    def started_between(self, start: dt.date | None, end: dt.date) -> bool:
        """``valid_from`` falls in ``(start, end]`` (``start`` None: any time up to end)."""
        return (start is None or self.valid_from > start) and self.valid_from <= end

    @property
    def governments_concerned(self) -> tuple[Government, ...]:
        """The governments this record belongs to or covers (for filters and roles)."""
        return ()


class GovernmentRecordModel(RecordModel):
    """A record published by one government."""

    government: Government = Field(pattern=GOVERNMENT_PATTERN)

    @property
    def governments_concerned(self) -> tuple[Government, ...]:
        return (self.government,)


# -- the registry --------------------------------------------------------------------------


R = TypeVar("R", bound=type[RecordModel])


@dataclass(frozen=True)
class RecordType:
    name: str
    """The name used on the command line and in files: ``decision``, ``cb-activity``."""
    model: type[RecordModel]
    label: str
    plural: str
    source: str
    """Where such records come from: ``bch``, ``compliance-committee``, ``usage``, ``gef``."""
    secretariat_only: bool = False
    """Kept by the Secretariat alone: no government registers or changes its own (the
    Committee's issues and reviews, GEF funding)."""

    @property
    def by_government(self) -> bool:
        return issubclass(self.model, GovernmentRecordModel)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self.model.model_fields)


RECORD_TYPES: dict[str, RecordType] = {}


def record_type(
    name: str, label: str, plural: str, source: str = "bch", *, secretariat_only: bool = False
) -> Callable[[R], R]:
    """Register a record model under ``name``."""

    def register(model: R) -> R:
        RECORD_TYPES[name] = RecordType(name, model, label, plural, source, secretariat_only)
        return model

    return register


def record_type_named(name: str) -> RecordType:
    try:
        return RECORD_TYPES[name]
    except KeyError:
        known = ", ".join(RECORD_TYPES)
        raise KeyError(f"unknown record type {name!r} (known: {known})") from None


def type_of(record: RecordModel) -> RecordType:
    for kind in RECORD_TYPES.values():
        if type(record) is kind.model:
            return kind
    raise KeyError(f"{type(record).__name__} is not a registered record type")


# -- BCH records ---------------------------------------------------------------------------

ContactRole = Literal[
    "national-focal-point",
    "competent-national-authority",
    "article-17-contact-point",
    "bch-focal-point",
]


@record_type("contact", "National contact", "National contacts")
class NationalContact(GovernmentRecordModel):
    """A national focal point, competent national authority, Article 17 emergency contact
    point or BCH focal point. Holds from its designation until it is withdrawn."""

    role: ContactRole
    name: str = Field(min_length=1)
    organization: str = ""
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


DecisionType = Literal[
    "intentional-introduction",
    "direct-use-food-feed-processing",
    "contained-use",
    "transit",
    "domestic-use",
    "other",
]


@record_type("decision", "Decision on LMOs", "Decisions on LMOs")
class Decision(GovernmentRecordModel):
    """A country's decision on LMOs; ``valid_from`` is the date of the decision."""

    title: str = Field(min_length=1)
    decision_type: DecisionType
    lmos: list[str] = Field(default_factory=list)
    """Unique identifiers of the LMOs the decision covers."""
    risk_assessment: str | None = None
    """Identifier of the linked risk assessment report, if any."""


@record_type("risk-assessment", "Risk assessment report", "Risk assessment reports")
class RiskAssessment(GovernmentRecordModel):
    """A summary of a risk assessment; ``valid_from`` is its date."""

    title: str = Field(min_length=1)
    lmos: list[str] = Field(default_factory=list)


@record_type("lmo", "LMO", "LMOs")
class LivingModifiedOrganism(RecordModel):
    """An LMO of the BCH's registry; ``identifier`` is its unique identifier (OECD style,
    e.g. ``MON-ØØ81Ø-6``) and ``valid_from`` the date it was registered."""

    name: str = Field(min_length=1)
    organism: str = Field(min_length=1)
    traits: list[str] = Field(default_factory=list)
    developer: str = ""
    adverse_effects: bool = False
    """Flagged (Article 16(5)) as having or likely to have adverse effects."""


@record_type("detection-method", "Detection method", "Detection methods")
class DetectionMethod(RecordModel):
    """A method to detect or identify LMOs, linked to the LMOs it detects."""

    title: str = Field(min_length=1)
    lmos: list[str] = Field(min_length=1)
    method_type: Literal["event-specific", "construct-specific", "element-specific", "other"] = (
        "event-specific"
    )


@record_type("reference-material", "Certified reference material", "Certified reference materials")
class ReferenceMaterial(RecordModel):
    """A certified reference material for LMOs."""

    title: str = Field(min_length=1)
    lmos: list[str] = Field(min_length=1)
    provider: str = ""


@record_type("bch-publication", "Non-mandatory BCH record", "Non-mandatory BCH records")
class NonMandatoryRecord(GovernmentRecordModel):
    """A BCH record of a kind no Party must publish (a virtual library resource, an
    expert, an organization...), published by ``government``; ``valid_from`` is its first
    publication. The BCH sync lists them; a file may also bring them."""

    kind: str = Field(min_length=1, max_length=40, pattern=r"^[a-z][a-z0-9-]*$")


@record_type("laboratory", "Laboratory", "Laboratories")
class Laboratory(GovernmentRecordModel):
    """A laboratory for the detection and identification of LMOs."""

    name: str = Field(min_length=1)
    accredited: bool = False


# -- Compliance Committee and usage -----------------------------------------------------


@record_type(
    "compliance-issue",
    "Compliance issue",
    "Compliance issues",
    source="compliance-committee",
    secretariat_only=True,
)
class ComplianceIssue(GovernmentRecordModel):
    """An issue of compliance the Committee took up about a Party: opened on
    ``valid_from``, resolved on ``valid_to`` (absent while it is open)."""

    subject: str = Field(min_length=1)
    finding_of_non_compliance: bool = False


ReviewConclusion = Literal["in-compliance", "non-compliance"]


@record_type(
    "compliance-review",
    "Compliance review",
    "Compliance reviews",
    source="compliance-committee",
    secretariat_only=True,
)
class ComplianceReview(GovernmentRecordModel):
    """The Committee's conclusion, reached on ``valid_from``, on whether a Party complies
    with its obligations under the Protocol (a review of the Party or of its national
    report). The latest review of a Party on a date is what holds on that date."""

    subject: str = Field(min_length=1)
    conclusion: ReviewConclusion
    obligations_not_met: list[str] = Field(default_factory=list)
    """The obligations the Committee found not met (none for ``in-compliance``)."""

    @model_validator(mode="after")
    def _consistent(self) -> ComplianceReview:
        if self.in_compliance and self.obligations_not_met:
            raise ValueError("a review finding compliance names no obligation not met")
        return self

    @property
    def in_compliance(self) -> bool:
        return self.conclusion == "in-compliance"


@record_type(
    "gef-funding",
    "GEF funding for a national report",
    "GEF funding for national reports",
    "gef",
    secretariat_only=True,
)
class ReportFunding(GovernmentRecordModel):
    """Funding of the Global Environment Facility that a government accessed, on
    ``valid_from``, to prepare its national report of ``cycle``."""

    cycle: int = Field(ge=1, le=99)
    """The reporting cycle of the national report funded."""
    agency: str = ""
    """The GEF agency through which the funding was accessed."""
    amount: float | None = Field(default=None, ge=0)
    """In US dollars."""


@record_type("usage-statistic", "BCH usage statistic", "BCH usage statistics", source="usage")
class UsageStatistic(RecordModel):
    """BCH use in a period from ``valid_from`` to ``valid_to`` (required)."""

    users: int = Field(ge=0)
    """Active users in the period."""
    visits: int = Field(ge=0)

    @model_validator(mode="after")
    def _closed_period(self) -> UsageStatistic:
        if self.valid_to is None:
            raise ValueError("a usage period needs valid_to (its end)")
        return self


# -- capacity-building --------------------------------------------------------------------

ActivityLevel = Literal["national", "subregional", "regional", "global"]


@record_type("cb-activity", "Capacity-building activity", "Capacity-building activities")
class CapacityActivity(RecordModel):
    """A capacity-building project or activity, from its start (``valid_from``) to its
    end (``valid_to``), with the parts of the Capacity-Building Action Plan it serves."""

    title: str = Field(min_length=1)
    providers: list[str] = Field(min_length=1)
    target_audiences: list[str] = Field(default_factory=list)
    level: ActivityLevel
    governments: list[Government] = Field(default_factory=list)
    regions: list[Region] = Field(default_factory=list)
    funding_source: str = ""
    funding_amount: float | None = Field(default=None, ge=0)
    """In US dollars."""
    goals: list[str] = Field(default_factory=list)
    """Plan goal codes, e.g. ``A.5``."""
    key_areas: list[str] = Field(default_factory=list)
    """Key areas, as ``"<goal or shared set> <code>"``, e.g. ``"A.5 (1)"``."""
    activities: list[str] = Field(default_factory=list)
    """Activities, as ``"<goal or shared set> <code>"``, e.g. ``"A.5 (i)"``."""
    needs_areas: list[str] = Field(default_factory=list)
    """Needs areas addressed, ``(a)`` to ``(q)``."""

    @model_validator(mode="after")
    def _reach(self) -> CapacityActivity:
        if self.level == "national" and not self.governments:
            raise ValueError("a national activity names its government(s)")
        if self.level in ("subregional", "regional") and not (self.regions or self.governments):
            raise ValueError(f"a {self.level} activity names its regions or governments")
        return self

    @property
    def governments_concerned(self) -> tuple[Government, ...]:
        return tuple(self.governments)


@record_type("cb-resource", "Capacity-building resource", "Capacity-building resources")
class CapacityResource(RecordModel):
    """A capacity-building resource (manual, e-learning module, toolkit), available from
    ``valid_from``."""

    title: str = Field(min_length=1)
    resource_type: str = Field(min_length=1)
    publisher: str = ""
    languages: list[str] = Field(default_factory=list)
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    key_areas: list[str] = Field(default_factory=list)
    needs_areas: list[str] = Field(default_factory=list)
    regions: list[Region] = Field(default_factory=list)
