"""Request and response bodies of the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema
from pydantic import Field

from cpbmonitor.core.indicators import (
    CycleAnswers,
    GroupResult,
    IndicatorResult,
    QuestionAnalysis,
)


class PlanOut(Schema):
    id: str
    title: str
    goals: int
    objectives: int
    indicators: int
    has_capacity_building: bool


class PartyOut(Schema):
    code: str
    iso3: str
    name: str
    region: str | None
    cp_party: bool
    cp_party_since: dt.date | None
    sp_party: bool
    sp_party_since: dt.date | None


class CycleOut(Schema):
    name: str
    number: int | None
    report_schema: str
    year: int
    deadline: dt.date


class ReportOut(Schema):
    id: int
    identifier: str
    government: str
    cycle: str
    status: str
    is_current: bool
    submitted_on: dt.datetime | None
    published_on: dt.datetime | None
    complete: bool
    on_time: bool
    missing_questions: list[str]


class ReportDetail(ReportOut):
    answers: dict[str, Any]
    """Question key -> answer, in the BCH's JSON shape."""


class GroupResultOut(Schema):
    """One indicator for one group (``core.indicators.GroupResult``)."""

    group: str
    numerator: float | None
    denominator: float | None
    value: float | None
    baseline_value: float | None
    change: float | None
    status: str
    comparability: str | None = Field(
        None,
        description="How comparable the change is: same, crosswalked, stand-in or "
        "not-comparable (only the first two count as improved or declined).",
    )
    comparability_label: str | None = None
    comparability_reason: str | None = None
    few_data: bool = Field(
        False, description="The value's denominator is under the few-data threshold."
    )
    note: str | None

    @staticmethod
    def resolve_status(obj: GroupResult) -> str:
        return obj.state

    @staticmethod
    def resolve_comparability_label(obj: GroupResult) -> str | None:
        from cpbmonitor.core.indicators.comparability import LABELS

        return LABELS.get(obj.comparability) if obj.comparability else None


class IndicatorResultOut(Schema):
    """One indicator's result (``core.indicators.IndicatorResult``): the world first."""

    code: str
    text: str
    unit: str
    computed: bool
    groups: list[GroupResultOut]

    @staticmethod
    def resolve_unit(obj: IndicatorResult) -> str:
        return obj.scale

    @staticmethod
    def resolve_groups(obj: IndicatorResult) -> list[GroupResult]:
        return obj.in_order()


class OptionCountOut(Schema):
    value: str
    label: str
    counts: dict[str, int]


class CycleAnswersOut(Schema):
    """How the Parties of one cycle answered (``core.indicators.CycleAnswers``)."""

    cycle: str
    report_schema: str
    key: str
    reports: dict[str, int]
    answered: dict[str, int]
    options: list[OptionCountOut]

    @staticmethod
    def resolve_cycle(obj: CycleAnswers) -> str:
        return str(obj.cycle)

    @staticmethod
    def resolve_report_schema(obj: CycleAnswers) -> str:
        return obj.schema

    @staticmethod
    def resolve_reports(obj: CycleAnswers) -> dict[str, int]:
        return dict(obj.reporting)

    @staticmethod
    def resolve_answered(obj: CycleAnswers) -> dict[str, int]:
        return dict(obj.respondents)


class QuestionAnalysisOut(Schema):
    """``core.indicators.QuestionAnalysis``: the previous cycle's options are listed under
    the current ones, place by place."""

    question: str
    title: str
    current: CycleAnswersOut
    previous: CycleAnswersOut | None

    @staticmethod
    def resolve_question(obj: QuestionAnalysis) -> str:
        return obj.current.key

    @staticmethod
    def resolve_title(obj: QuestionAnalysis) -> str:
        return obj.current.title


class DraftOut(Schema):
    id: int
    government: str
    cycle: str
    status: str
    version: int
    return_comment: str
    updated_at: dt.datetime
    answers: dict[str, Any]
    missing: list[str]


class DraftCreate(Schema):
    government: str
    """ISO code, e.g. ``br``."""
    cycle: str
    """Cycle number or name, e.g. ``5``."""


class AnswersIn(Schema):
    version: int
    """The draft's version the changes were made on (optimistic lock)."""
    answers: dict[str, Any]
    """Question key -> answer in the BCH's JSON shape; ``null`` removes the answer."""


class TransitionIn(Schema):
    version: int | None = None
    comment: str = ""


class VersionOut(Schema):
    number: int
    action: str
    status: str
    author: str | None
    at: dt.datetime
    comment: str
    changes: list[dict[str, str]]


class ErrorOut(Schema):
    detail: str
    problems: list[dict[str, Any]] = []
    """One entry per problem: where (question, field or record) and why; values as given."""
    missing: list[str] = []
    version: int | None = None


class ScorecardRowOut(Schema):
    """A binary indicator for one Party in one cycle: met or not, beside the share of its
    region's and the world's reporting Parties that meet it (percent)."""

    cycle: int
    indicator: str
    met: bool | None
    region_value: float | None
    world_value: float | None
