"""Records of one type (subject ``records``) as CSV, XLSX or JSON, in the layout
``read_records`` reads back.

Columns: identifier, government (if the type has it), the type's own fields, valid_from,
valid_to, demonstration (``records_columns``). A list is written in one cell, its values
separated by ``"; "``; a file written here reads back to the same records. The CSV is the
table writer's (formula-safe; the reader undoes the neutralising ``'``); the JSON (typed
values) and the XLSX (typed cells and an "About" sheet) are writers of their own.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cpbmonitor.core.outputs.registry import formats_for, output, render, tabular
from cpbmonitor.core.outputs.table import Table
from cpbmonitor.core.outputs.writers import write
from cpbmonitor.core.records.model import RECORD_TYPES, RecordModel, type_of
from cpbmonitor.core.records.readers import (
    LIST_SEPARATOR,
    FieldKind,
    field_kinds,
    records_columns,
)

DEMONSTRATION_NOTE = "Demonstration records: generated, not real"
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
MIN_WIDTH, MAX_WIDTH = 8, 60


def _number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def _list_text(values: list[Any]) -> str:
    for value in values:
        if LIST_SEPARATOR in str(value) or not str(value).strip():
            raise ValueError(f"list value {value!r} cannot be written in a table cell")
    return f"{LIST_SEPARATOR} ".join(str(value) for value in values)


CELL_TEXT: dict[FieldKind, Callable[[Any], str]] = {
    "list": _list_text,
    "bool": lambda value: "true" if value else "false",
    "date": lambda value: value.isoformat(),
    "int": str,
    "float": _number_text,
    "text": str,
}


def _type_name(records: Sequence[RecordModel], type_name: str | None) -> str:
    if type_name is None:
        if not records:
            raise ValueError("no records, and no record type named")
        type_name = type_of(records[0]).name
    if type_name not in RECORD_TYPES:
        raise ValueError(f"unknown record type {type_name!r} (known: {', '.join(RECORD_TYPES)})")
    model = RECORD_TYPES[type_name].model
    for record in records:
        if type(record) is not model:
            raise ValueError(f"{record.identifier} is not a {type_name} record")
    return type_name


def records_to_rows(
    records: Sequence[RecordModel], type_name: str
) -> tuple[list[str], list[dict[str, str]]]:
    """(columns, one row of cell texts per record), as in a CSV file; for tables."""
    kinds = field_kinds(_type_name(records, type_name))
    rows = [
        {
            name: "" if value is None else CELL_TEXT[kind](value)
            for name, kind in kinds.items()
            for value in [getattr(record, name)]
        }
        for record in records
    ]
    return list(kinds), rows


@tabular("records")
def records_table(records: Sequence[RecordModel], type_name: str | None = None) -> Table:
    name = _type_name(records, type_name)
    columns, rows = records_to_rows(records, name)
    demonstration = any(record.demonstration for record in records)
    notice = DEMONSTRATION_NOTE if demonstration else ""
    return Table.of(columns, rows, [notice], title=RECORD_TYPES[name].plural)


def records_csv(records: Sequence[RecordModel], type_name: str | None = None) -> bytes:
    return write(records_table(records, type_name), "csv")


@output("records", "json")
def records_json(records: Sequence[RecordModel], type_name: str | None = None) -> bytes:
    name = _type_name(records, type_name)
    columns = records_columns(name)
    data: dict[str, Any] = {"type": name}
    if any(record.demonstration for record in records):
        data["label"] = DEMONSTRATION_NOTE
    data["records"] = [
        {column: dumped[column] for column in columns}
        for dumped in (record.model_dump(mode="json") for record in records)
    ]
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()


# -- XLSX, for people ------------------------------------------------------------------------


def _xlsx_value(kind: FieldKind, value: Any) -> Any:
    """Dates as date cells, numbers as numbers, booleans as booleans, lists as text."""
    if value is None:
        return None
    if kind in ("date", "int", "float", "bool"):
        return value
    return CELL_TEXT[kind](value)


def _write_sheet(sheet: Worksheet, records: Sequence[RecordModel], type_name: str) -> None:
    kinds = field_kinds(type_name)
    widths = {name: len(name) for name in kinds}
    for column, name in enumerate(kinds, start=1):
        cell = sheet.cell(row=1, column=column, value=name)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
    for row, record in enumerate(records, start=2):
        for column, (name, kind) in enumerate(kinds.items(), start=1):
            value = _xlsx_value(kind, getattr(record, name))
            cell = sheet.cell(row=row, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # a text starting with '=' stays text, not a formula
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
                widths[name] = max(widths[name], 10)
            else:
                widths[name] = max(widths[name], len(str(value or "")))
            cell.alignment = Alignment(vertical="top")
    for column, name in enumerate(kinds, start=1):
        width = min(MAX_WIDTH, max(MIN_WIDTH, widths[name] + 2))
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    if records:
        sheet.auto_filter.ref = sheet.dimensions


def _about_sheet(sheet: Worksheet, records: Sequence[RecordModel], type_name: str) -> None:
    kind = RECORD_TYPES[type_name]
    lines = [
        ("Record type", kind.name),
        ("Records", kind.plural),
        ("Count", len(records)),
        ("Read back with", f"cpb import records --type {kind.name} FILE"),
    ]
    if any(record.demonstration for record in records):
        lines.append(("Note", DEMONSTRATION_NOTE))
    for row, (label, value) in enumerate(lines, start=1):
        sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
        sheet.cell(row=row, column=2, value=value)
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 60


@output("records", "xlsx")
def records_xlsx(records: Sequence[RecordModel], type_name: str | None = None) -> bytes:
    name = _type_name(records, type_name)
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = RECORD_TYPES[name].plural[:31]
    _write_sheet(sheet, records, name)
    _about_sheet(workbook.create_sheet("About"), records, name)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_records(
    records: Sequence[RecordModel], type_name: str, path: Path, fmt: str | None = None
) -> None:
    """Write ``records`` (all of ``type_name``) to ``path`` in ``fmt`` (default: from the
    suffix). The file is replaced whole, or left as it was if anything fails."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    known = formats_for("records")
    if fmt not in known:
        raise ValueError(f"unsupported record format {fmt!r} (known: {', '.join(known)})")
    data = render("records", fmt, records, type_name=_type_name(records, type_name))
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as output:
            output.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
