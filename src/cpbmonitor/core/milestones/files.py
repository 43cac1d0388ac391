"""Milestone files: YAML, JSON or CSV in, validated ``Milestone``s out, and back.

YAML and JSON files hold ``milestones:``, a list of items (a ``plan:`` at the top level
is the default plan version of its items); a bare list works too. A CSV file has a
header row with the fields of ``model.FIELDS`` (``plan``, ``indicator``,
``target_value`` and ``target_date`` required). Every problem of a file is collected;
``MilestoneInputError`` then names, one line each, the file, the item (``milestone 2``
in YAML/JSON, ``row 3`` in CSV, with the milestone's indicator, group and date when
known), the field and the value.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from cpbmonitor.core.indicators.inputs import GLOBAL, GROUPS
from cpbmonitor.core.indicators.methodology import load_methodology
from cpbmonitor.core.milestones.model import (
    FIELDS,
    PLAN_PERIOD,
    Milestone,
    MilestoneInputError,
    MilestoneKey,
    MilestoneProblem,
)
from cpbmonitor.core.outputs import Table, restore, write
from cpbmonitor.core.plan import available_versions, load_plan

REQUIRED_COLUMNS: tuple[str, ...] = ("plan", "indicator", "target_value", "target_date")
PERCENT_LIMIT = 100.0


@dataclass(frozen=True)
class RawItem:
    """One item as read from a file, before validation."""

    item: str
    data: dict[str, Any]


FieldProblem = tuple[str, object, str]
"""(field, value, message) about one milestone."""


# -- reading ----------------------------------------------------------------------------


def read_milestones(path: Path) -> list[Milestone]:
    """The milestones of ``path`` (``.yaml``, ``.yml``, ``.json`` or ``.csv``), checked."""
    name = str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise MilestoneInputError.single(name, f"unknown file type (use {known})")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise MilestoneInputError.single(name, f"cannot read the file ({error})") from None
    return validate_milestones(reader(text, name), name)


def _mapping_items(data: Any, name: str) -> list[RawItem]:
    default_plan = None
    if isinstance(data, dict):
        unknown = sorted(set(data) - {"plan", "milestones"})
        if unknown:
            raise MilestoneInputError.single(
                name,
                f"unknown top-level key(s) {', '.join(map(str, unknown))} (use plan, milestones)",
            )
        default_plan = data.get("plan")
        data = data.get("milestones")
    if not isinstance(data, list):
        raise MilestoneInputError.single(name, "expected a list of milestones under 'milestones'")
    items = []
    for index, entry in enumerate(data, start=1):
        label = f"milestone {index}"
        if not isinstance(entry, dict):
            raise MilestoneInputError(
                [MilestoneProblem(name, label, None, None, "expected a mapping of fields")]
            )
        if default_plan is not None:
            entry = {"plan": default_plan, **entry}
        items.append(RawItem(label, entry))
    return items


def _read_yaml(text: str, name: str) -> list[RawItem]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(error, "problem", None) or error
        raise MilestoneInputError.single(name, f"not valid YAML{where}: {problem}") from None
    return _mapping_items(data, name)


def _read_json(text: str, name: str) -> list[RawItem]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise MilestoneInputError.single(
            name, f"not valid JSON (line {error.lineno}): {error.msg}"
        ) from None
    return _mapping_items(data, name)


def _read_csv(text: str, name: str) -> list[RawItem]:
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip() for c in reader.fieldnames or []]
    problems = [
        MilestoneProblem(name, "header", column, None, "is not a milestone field")
        for column in columns
        if column not in FIELDS
    ]
    problems += [
        MilestoneProblem(name, "header", column, None, "is a required column")
        for column in REQUIRED_COLUMNS
        if column not in columns
    ]
    if problems:
        raise MilestoneInputError(problems)
    items = []
    for row in reader:
        values = {
            key.strip(): restore(value.strip())  # undo the table writer's formula guard
            for key, value in row.items()
            if key is not None and value is not None and value.strip()
        }
        if values:
            items.append(RawItem(f"row {reader.line_num}", values))
    return items


READERS: dict[str, Callable[[str, str], list[RawItem]]] = {
    ".yaml": _read_yaml,
    ".yml": _read_yaml,
    ".json": _read_json,
    ".csv": _read_csv,
}


# -- validation -------------------------------------------------------------------------

_MESSAGES: dict[str, str] = {
    "missing": "is required",
    "extra_forbidden": "is not a milestone field",
    "float_parsing": "is not a number",
    "float_type": "is not a number",
    "finite_number": "is not a number",
    "greater_than_equal": "cannot be negative",
    "date_parsing": "is not a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "is not a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "is not a date (YYYY-MM-DD)",
    "date_type": "is not a date (YYYY-MM-DD)",
    "bool_parsing": "is not true or false",
    "bool_type": "is not true or false",
    "string_type": "is not text",
}
_PATTERNS: dict[str, str] = {
    "plan": "is not a plan version id such as draft-2020",
    "indicator": "is not an indicator code such as A.1(a)",
}


def _pydantic_problems(error: ValidationError) -> list[FieldProblem]:
    found = []
    for detail in error.errors():
        field = str(detail["loc"][0]) if detail["loc"] else ""
        kind = detail["type"]
        if kind == "string_pattern_mismatch":
            message = _PATTERNS.get(field, detail["msg"])
        else:
            message = _MESSAGES.get(kind, detail["msg"])
        value = None if kind == "missing" else detail.get("input")
        found.append((field, value, message))
    return found


def parse_milestone(data: dict[str, Any]) -> tuple[Milestone | None, list[FieldProblem]]:
    """A milestone from plain data, or the problems that prevent it."""
    try:
        milestone = Milestone.model_validate(data)
    except ValidationError as error:
        return None, _pydantic_problems(error)
    return milestone, check_milestone(milestone)


def check_milestone(milestone: Milestone) -> list[FieldProblem]:
    """What is wrong with a well-formed milestone against its plan version."""
    if milestone.plan not in available_versions():
        known = ", ".join(available_versions())
        return [("plan", milestone.plan, f"no such plan version (known: {known})")]
    plan = load_plan(milestone.plan)
    problems: list[FieldProblem] = []
    try:
        plan.indicator(milestone.indicator)
    except KeyError:
        problems.append(
            ("indicator", milestone.indicator, f"no such indicator in plan version {plan.id}")
        )
    if milestone.group not in GROUPS:
        problems.append(("group", milestone.group, f"is not one of {', '.join(GROUPS)}"))
    entry = load_methodology(plan.id).entry(milestone.indicator)
    if entry is not None and entry.unit != "count" and milestone.target_value > PERCENT_LIMIT:
        problems.append(("target_value", milestone.target_value, "a percentage cannot exceed 100"))
    first, last = PLAN_PERIOD
    if not first <= milestone.target_date <= last:
        problems.append(
            (
                "target_date",
                milestone.target_date,
                f"is outside the plan period ({first.isoformat()} to {last.isoformat()})",
            )
        )
    return problems


def _describe(data: dict[str, Any]) -> str:
    """How a milestone that did not validate is named: its fields as written."""
    parts = (data.get("indicator"), data.get("group", GLOBAL), data.get("target_date"))
    return ", ".join("?" if p is None else str(p) for p in parts)


def validate_milestones(items: Sequence[RawItem], file: str) -> list[Milestone]:
    """Every item checked; one ``MilestoneInputError`` listing all problems, or the
    milestones. Two items with the same plan, indicator, group and date are a problem."""
    problems: list[MilestoneProblem] = []
    milestones: list[Milestone] = []
    seen: dict[MilestoneKey, str] = {}
    for raw in items:
        milestone, found = parse_milestone(raw.data)
        item = f"{raw.item} ({milestone.describe() if milestone else _describe(raw.data)})"
        problems += [MilestoneProblem(file, item, f, v, m) for f, v, m in found]
        if milestone is None or found:
            continue
        if milestone.key in seen:
            problems.append(
                MilestoneProblem(
                    file,
                    item,
                    "target_date",
                    milestone.target_date,
                    f"same plan, indicator, group and date as {seen[milestone.key]}",
                )
            )
            continue
        seen[milestone.key] = raw.item
        milestones.append(milestone)
    if problems:
        raise MilestoneInputError(problems)
    if not milestones:
        raise MilestoneInputError.single(file, "the file holds no milestone")
    return milestones


# -- writing ----------------------------------------------------------------------------


def _plain(milestone: Milestone) -> dict[str, Any]:
    row = milestone.model_dump(mode="json")
    return {name: row[name] for name in FIELDS if row[name] is not None}


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def dump_milestones(milestones: Iterable[Milestone], fmt: str) -> bytes:
    """``milestones`` as a file that ``read_milestones`` reads back (yaml, json, csv)."""
    items = list(milestones)
    if fmt == "csv":
        rows = [{k: _csv_cell(v) for k, v in _plain(m).items()} for m in items]
        return write(Table.of(FIELDS, rows), "csv")
    document = {"milestones": [_plain(m) for m in items]}
    if fmt == "json":
        return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if fmt in ("yaml", "yml"):
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        return text.encode("utf-8")
    raise ValueError(f"no {fmt!r} milestone file (use yaml, json or csv)")


DUMP_FORMATS: tuple[str, ...] = ("yaml", "json", "csv")
