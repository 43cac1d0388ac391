"""Read records of one type from CSV, XLSX or JSON, validating every one of them.

Tabular files (CSV, the first sheet of an XLSX workbook) have a header row naming the
fields of the type (``records_columns``); a list field holds its values in one cell,
separated by ``;``; a boolean is true/false, yes/no or 1/0; a date is ``YYYY-MM-DD``
(or a date cell); an empty cell means the field is absent. JSON is a list of objects,
or ``{"type": "decision", "records": [...]}``.

Every problem of a file is collected (unknown or missing columns once, then each row)
and raised together as one ``RecordInputError``: a file is read whole or not at all.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import types
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from cpbmonitor.core.outputs.writers import restore
from cpbmonitor.core.records.errors import RecordInputError, RecordProblem
from cpbmonitor.core.records.model import (
    GOVERNMENT_PATTERN,
    RECORD_TYPES,
    RecordModel,
    RecordType,
)

LIST_SEPARATOR = ";"
TRUE_WORDS = frozenset({"true", "yes", "1"})
FALSE_WORDS = frozenset({"false", "no", "0"})
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WHOLE_NUMBER = re.compile(r"^[+-]?\d+$")

FieldKind = Literal["list", "bool", "date", "int", "float", "text"]


class _Absent:
    """An empty cell or a null: the field is left to its default."""


ABSENT = _Absent()


# -- the fields of a type -------------------------------------------------------------------


def _kind(annotation: Any) -> FieldKind:
    options = [annotation]
    if get_origin(annotation) in (Union, types.UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
    base = options[0]
    if get_origin(base) is list:
        return "list"
    simple: dict[Any, FieldKind] = {bool: "bool", dt.date: "date", int: "int", float: "float"}
    return simple.get(base, "text")


@cache
def field_kinds(type_name: str) -> dict[str, FieldKind]:
    """How each field of a record type is written in a file, in column order."""
    model = RECORD_TYPES[type_name].model
    return {name: _kind(model.model_fields[name].annotation) for name in records_columns(type_name)}


def records_columns(type_name: str) -> list[str]:
    """identifier, government (if the type has it), the type's own fields, valid_from,
    valid_to, demonstration."""
    fields = list(RECORD_TYPES[type_name].model.model_fields)
    first = [name for name in ("identifier", "government") if name in fields]
    last = ["valid_from", "valid_to", "demonstration"]
    return first + [name for name in fields if name not in first + last] + last


def required_fields(type_name: str) -> list[str]:
    model = RECORD_TYPES[type_name].model
    return [name for name in records_columns(type_name) if model.model_fields[name].is_required()]


# -- cell values to field values ----------------------------------------------------------------


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _to_list(value: object) -> object:
    if isinstance(value, list | tuple):
        return [
            item.strip() if isinstance(item, str) else item for item in value if not _is_blank(item)
        ]
    parts = [part.strip() for part in _text(value).split(LIST_SEPARATOR)]
    return [part for part in parts if part]


def _to_bool(value: object) -> object:
    if isinstance(value, bool):
        return value
    word = _text(value).lower()
    if word in TRUE_WORDS or word in FALSE_WORDS:
        return word in TRUE_WORDS
    raise ValueError("must be true or false (or yes/no, 1/0)")


def _to_date(value: object) -> object:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time():
            raise ValueError("must be a date without a time of day")
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError("is not a day of the calendar") from None
    raise ValueError("must be a date written YYYY-MM-DD")


def _to_int(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError("must be a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and WHOLE_NUMBER.match(value.strip()):
        return int(value)
    raise ValueError("must be a whole number")


def _to_float(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError("must be a number")
    if isinstance(value, int | float):
        return float(value)
    try:
        number = float(_text(value))
    except ValueError:
        raise ValueError("must be a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError("must be a number")
    return number


CONVERTERS: dict[FieldKind, Callable[[object], object]] = {
    "list": _to_list,
    "bool": _to_bool,
    "date": _to_date,
    "int": _to_int,
    "float": _to_float,
    "text": _text,
}


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# -- validation errors in plain words -------------------------------------------------------

PATTERN_TEXT = {
    GOVERNMENT_PATTERN: "must be a lower-case two-letter government code, such as br or eu",
    r"^\S+$": "must not contain spaces",
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "must be an e-mail address",
    r"^https?://\S+$": "must be a web address starting with http:// or https://",
}

ERROR_TEXT: dict[str, Callable[[dict[str, Any]], str]] = {
    "missing": lambda ctx: "required, but missing or empty",
    "literal_error": lambda ctx: f"must be one of {ctx['expected']}",
    "string_too_short": lambda ctx: "must not be empty",
    "string_too_long": lambda ctx: f"must be at most {ctx['max_length']} characters long",
    "too_short": lambda ctx: (
        "needs at least one value"
        if ctx["min_length"] == 1
        else f"needs at least {ctx['min_length']} values"
    ),
    "string_pattern_mismatch": lambda ctx: PATTERN_TEXT.get(
        ctx["pattern"], f"must match {ctx['pattern']}"
    ),
    "greater_than_equal": lambda ctx: f"must be {ctx['ge']:g} or more",
    "value_error": lambda ctx: str(ctx["error"]),
    "string_type": lambda ctx: "must be text",
    "list_type": lambda ctx: "must be a list",
    "extra_forbidden": lambda ctx: "unknown field",
}


def _problem(
    error: ErrorDetails, file: str, record: str, given: Mapping[str, object]
) -> RecordProblem:
    """The problem of a validation ``error``, showing the value as ``given`` in the file
    (an element of a list where the error is about one element)."""
    location = error["loc"]
    field = str(location[0]) if location else None
    text = ERROR_TEXT.get(error["type"])
    message = text(dict(error.get("ctx", {}))) if text else error["msg"]
    value: object = None
    if location and error["type"] != "missing":
        value = (
            given.get(str(location[0]), error["input"]) if len(location) == 1 else error["input"]
        )
    return RecordProblem(file, record, field, value, message)


# -- one record ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    """The cells (or properties) of one record, with its place in the file."""

    number: int
    values: Mapping[str, object]


@dataclass
class _Reading:
    """The state of reading one file: its type, its problems and what it found."""

    file: str
    kind: RecordType
    noun: str
    problems: list[RecordProblem]
    missing_columns: frozenset[str] = frozenset()

    def label(self, item: _Item) -> str:
        identifier = item.values.get("identifier")
        if _is_blank(identifier):
            return f"{self.noun} {item.number}"
        return f"{self.noun} {item.number} ({_text(identifier)})"

    def add(self, record: str, field: str | None, value: object, message: str) -> None:
        self.problems.append(RecordProblem(self.file, record, field, value, message))

    def record(self, item: _Item) -> RecordModel | None:
        """The record of ``item``, or None after adding its problems (in column order)."""
        label = self.label(item)
        kinds = field_kinds(self.kind.name)
        values: dict[str, object] = {}
        found: list[RecordProblem] = []
        reported = set(self.missing_columns)
        for name, raw in item.values.items():
            if name not in kinds:
                message = f"unknown field of a {self.kind.name} record"
                found.append(RecordProblem(self.file, label, name, None, message))
                reported.add(name)
            elif not _is_blank(raw):
                try:
                    values[name] = CONVERTERS[kinds[name]](raw)
                except ValueError as exc:
                    found.append(RecordProblem(self.file, label, name, raw, str(exc)))
                    reported.add(name)
        record: RecordModel | None = None
        try:
            record = self.kind.model.model_validate(values)
        except ValidationError as exc:
            found += [
                _problem(error, self.file, label, item.values)
                for error in exc.errors()
                if not (error["type"] == "missing" and error["loc"][0] in reported)
            ]
        order = list(kinds)
        found.sort(key=lambda p: order.index(p.field) if p.field in order else len(order))
        self.problems += found
        return None if found else record

    def check_identifier(self, item: _Item, first: dict[str, str]) -> None:
        """A problem when ``item``'s identifier was seen before (``first``: where)."""
        raw = item.values.get("identifier")
        if _is_blank(raw):
            return
        identifier = _text(raw)
        if identifier in first:
            message = f"the same identifier as {first[identifier]}"
            self.add(self.label(item), "identifier", identifier, message)
        else:
            first[identifier] = self.label(item)

    def records(self, items: list[_Item | int]) -> list[RecordModel]:
        """The records of ``items`` (an int: the number of an item that is no object)."""
        found: list[RecordModel] = []
        first: dict[str, str] = {}
        for item in items:
            if isinstance(item, int):
                self.add(f"{self.noun} {item}", None, None, "must be an object of fields")
                continue
            self.check_identifier(item, first)
            record = self.record(item)
            if record is not None:
                found.append(record)
        return found


def _record_type(type_name: str, file: str) -> RecordType:
    try:
        return RECORD_TYPES[type_name]
    except KeyError:
        known = ", ".join(RECORD_TYPES)
        raise RecordInputError.single(
            file, f"unknown record type (known: {known})", field="type", value=type_name
        ) from None


# -- tables: CSV and XLSX -------------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    header: list[str]
    rows: list[tuple[int, list[object]]]
    """(data row number from 1, cells) of every row that is not blank."""


def _csv_table(path: Path) -> _Table:
    """The header and rows of a CSV file: leading notice lines (``# ...``) skipped, and
    the table writer's formula guard (a leading ``'``) taken off every cell."""
    text = path.read_text(encoding="utf-8-sig")
    lines = [
        [restore(cell) for cell in cells] for cells in csv.reader(io.StringIO(text, newline=""))
    ]
    while lines and lines[0] and lines[0][0].startswith("#"):
        lines.pop(0)
    header = [cell.strip() for cell in lines[0]] if lines else []
    rows: list[tuple[int, list[object]]] = [
        (number, list(cells))
        for number, cells in enumerate(lines[1:], start=1)
        if not all(_is_blank(cell) for cell in cells)
    ]
    return _Table(header, rows)


def _xlsx_table(path: Path) -> _Table:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        lines = list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()
    header = [_text(cell) if cell is not None else "" for cell in lines[0]] if lines else []
    rows: list[tuple[int, list[object]]] = [
        (number, list(cells))
        for number, cells in enumerate(lines[1:], start=1)
        if not all(_is_blank(cell) for cell in cells)
    ]
    return _Table(header, rows)


def _header_problems(reading: _Reading, header: list[str], rows: list[list[object]]) -> None:
    columns = records_columns(reading.kind.name)
    seen: set[str] = set()
    for position, name in enumerate(header):
        if not name:
            if any(position < len(cells) and not _is_blank(cells[position]) for cells in rows):
                reading.add("header", None, None, f"column {position + 1} has no name")
        elif name in seen:
            reading.add("header", name, None, "column named twice")
        elif name not in columns:
            known = ", ".join(columns)
            reading.add("header", name, None, f"unknown column (the columns are: {known})")
        seen.add(name)
    missing = [name for name in required_fields(reading.kind.name) if name not in seen]
    for name in missing:
        reading.add("header", name, None, "required column missing")
    reading.missing_columns = frozenset(missing)


def _table_items(reading: _Reading, table: _Table) -> list[_Item | int]:
    _header_problems(reading, table.header, [cells for _, cells in table.rows])
    columns = set(records_columns(reading.kind.name))
    items: list[_Item | int] = []
    for number, cells in table.rows:
        if len(cells) > len(table.header) and any(
            not _is_blank(cell) for cell in cells[len(table.header) :]
        ):
            reading.add(f"row {number}", None, None, "more cells than the header has columns")
        values = {
            name: cell for name, cell in zip(table.header, cells, strict=False) if name in columns
        }
        items.append(_Item(number, values))
    return items


# -- JSON ------------------------------------------------------------------------------------

WRAPPER_KEYS = frozenset({"type", "records", "label"})


def _json_items(data: object, reading: _Reading) -> list[object] | None:
    """The list of records of a JSON document, or None after adding a problem."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict) or not isinstance(data.get("records"), list):
        message = 'expected a list of records, or {"type": ..., "records": [...]}'
        reading.add("", None, None, message)
        return None
    for key in sorted(set(data) - WRAPPER_KEYS):
        reading.add("", key, None, "unknown property (expected type, records, label)")
    if "type" in data and data["type"] != reading.kind.name:
        message = f"the file holds {data['type']} records, not {reading.kind.name}"
        reading.add("", "type", data["type"], message)
    records: list[object] = data["records"]
    return records


def _data_items(items: list[object]) -> list[_Item | int]:
    return [
        _Item(number, {str(key): value for key, value in item.items()})
        if isinstance(item, dict)
        else number
        for number, item in enumerate(items, start=1)
    ]


def read_records_data(
    items: list[dict[str, Any]], type_name: str, source: str = "<data>"
) -> list[RecordModel]:
    """Records of ``type_name`` from parsed objects (the JSON API, a web form): values
    may be typed (lists, booleans, dates) or written as in a table cell."""
    reading = _Reading(source, _record_type(type_name, source), "record", [])
    records = reading.records(_data_items(list(items)))
    if reading.problems:
        raise RecordInputError(reading.problems)
    return records


# -- files -----------------------------------------------------------------------------------


def _read_json(path: Path, reading: _Reading) -> list[_Item | int]:
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    items = _json_items(data, reading)
    return [] if items is None else _data_items(items)


def _read_csv(path: Path, reading: _Reading) -> list[_Item | int]:
    return _table_items(reading, _csv_table(path))


def _read_xlsx(path: Path, reading: _Reading) -> list[_Item | int]:
    return _table_items(reading, _xlsx_table(path))


FileReader = Callable[[Path, _Reading], list[_Item | int]]
READERS: dict[str, tuple[str, FileReader]] = {
    ".csv": ("row", _read_csv),
    ".xlsx": ("row", _read_xlsx),
    ".json": ("record", _read_json),
}


def read_records(path: str | Path, type_name: str) -> list[RecordModel]:
    """Every record of a CSV, XLSX or JSON file (by suffix), all valid, or one
    ``RecordInputError`` naming every problem."""
    records, problems = read_valid_records(path, type_name)
    if problems:
        raise RecordInputError(problems)
    return records


def read_valid_records(
    path: str | Path, type_name: str
) -> tuple[list[RecordModel], list[RecordProblem]]:
    """The valid records of a file and a problem for each invalid one (so that the valid
    ones can be checked further and every problem named at once). A file that cannot be
    read at all raises ``RecordInputError``."""
    path = Path(path)
    file = str(path)
    kind = _record_type(type_name, file)
    suffix = path.suffix.lower()
    if suffix not in READERS:
        known = ", ".join(READERS)
        raise RecordInputError.single(file, f"unsupported file type {suffix!r} (known: {known})")
    noun, reader = READERS[suffix]
    reading = _Reading(file, kind, noun, [])
    try:
        items = reader(path, reading)
    except FileNotFoundError:
        raise RecordInputError.single(file, "no such file") from None
    except UnicodeDecodeError:
        raise RecordInputError.single(file, "cannot read: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        message = f"not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        raise RecordInputError.single(file, message) from None
    except (OSError, csv.Error, zipfile.BadZipFile, InvalidFileException) as exc:
        raise RecordInputError.single(file, f"cannot read: {exc}") from None
    records = reading.records(items)
    return records, list(reading.problems)
