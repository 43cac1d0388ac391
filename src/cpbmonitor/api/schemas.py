"""Request and response bodies of the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema


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


class GroupValueOut(Schema):
    group: str
    numerator: float | None
    denominator: float | None
    value: float | None
    baseline_value: float | None
    change: float | None
    status: str


class IndicatorResultOut(Schema):
    code: str
    text: str
    unit: str
    computed: bool
    groups: list[GroupValueOut]


class OptionCountOut(Schema):
    value: str
    label: str
    counts: dict[str, int]


class CycleAnswersOut(Schema):
    cycle: str
    report_schema: str
    key: str
    reports: dict[str, int]
    answered: dict[str, int]
    options: list[OptionCountOut]


class QuestionAnalysisOut(Schema):
    question: str
    title: str
    current: CycleAnswersOut
    previous: CycleAnswersOut | None


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
    problems: list[dict[str, str]] = []
    missing: list[str] = []
    version: int | None = None
