"""The table writer: one :class:`Table` as CSV, XLSX or JSON bytes.

- **CSV** (UTF-8): each notice on a first line ``# <notice>`` (skip lines starting with
  ``#``), then the header and the rows; ``None`` is an empty cell. A text cell that
  begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written with a
  leading ``'`` so no spreadsheet runs it as a formula (``'`` before text that already
  begins with ``'`` and one of those, so :func:`restore` gives back the exact text).
  Numbers are written as numbers.
- **XLSX**: one sheet; the notices in the first rows (bold, shaded) and in the printed
  page header, then the header (bold) and the rows. Text is always stored as text, never
  as a formula.
- **JSON**: an object ``{..named values.., "notices": [...], "rows": [...]}``, each row
  an object with every column, in column order (``null`` where a row has no value).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from cpbmonitor.core.outputs.table import Table

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NOTICE_FILL = PatternFill("solid", start_color="FFF4CE", end_color="FFF4CE")
BOLD = Font(bold=True)


def neutralise(text: str) -> str:
    """``text`` made safe for a spreadsheet cell: ``'`` before a formula start."""
    if text.startswith(FORMULA_STARTS) or (text[:1] == "'" and text[1:2] in FORMULA_STARTS):
        return "'" + text
    return text


def restore(text: str) -> str:
    """The text :func:`neutralise` was given (readers of our CSV files call this)."""
    if text[:1] == "'" and (text[1:2] in FORMULA_STARTS or text[1:2] == "'"):
        return text[1:]
    return text


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    return value


def to_csv(table: Table) -> bytes:
    buffer = io.StringIO()
    for notice in table.notices:
        buffer.write(f"# {notice}\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_csv_cell(row.get(column)) for column in table.columns])
    return buffer.getvalue().encode("utf-8")


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def to_json(table: Table) -> bytes:
    data = {**table.extra, "notices": list(table.notices), "rows": table.records()}
    text = json.dumps(data, ensure_ascii=False, indent=2, default=_json_value)
    return text.encode("utf-8")


def _xlsx_cell(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, dt.date)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        return "; ".join(str(v) for v in value)
    return str(value)


def to_xlsx(table: Table) -> bytes:
    return to_workbook([table])


def to_workbook(tables: Sequence[Table]) -> bytes:
    """One sheet per table (its ``title``), each written as :func:`to_xlsx` writes one."""
    book = Workbook()
    book.remove(book.worksheets[0])
    for number, table in enumerate(tables, start=1):
        _write_sheet(book, book.create_sheet(_sheet_title(table.title or f"data {number}")), table)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_sheet(book: Workbook, sheet: Worksheet, table: Table) -> None:
    for notice in table.notices:
        sheet.append([notice])
        cell = sheet.cell(row=sheet.max_row, column=1)
        cell.font, cell.fill = BOLD, NOTICE_FILL
    if table.notices:
        sheet.oddHeader.center.text = " ".join(table.notices)
        book.properties.description = " ".join(table.notices)
    sheet.append(list(table.columns))
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    for row in table.rows:
        sheet.append([_xlsx_cell(row.get(column)) for column in table.columns])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, not a formula
    sheet.freeze_panes = sheet.cell(row=len(table.notices) + 2, column=1)


def _sheet_title(text: str) -> str:
    for forbidden in "[]:*?/\\":
        text = text.replace(forbidden, " ")
    return text[:31]


@dataclass(frozen=True)
class Format:
    name: str
    write: Callable[[Table], bytes]
    media_type: str
    suffix: str


TABLE_FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("csv", to_csv, "text/csv; charset=utf-8", ".csv"),
        Format(
            "xlsx",
            to_xlsx,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".xlsx",
        ),
        Format("json", to_json, "application/json", ".json"),
    )
}


def write(table: Table, fmt: str) -> bytes:
    """``table`` in format ``fmt`` (``csv``, ``xlsx`` or ``json``)."""
    try:
        return TABLE_FORMATS[fmt].write(table)
    except KeyError:
        known = ", ".join(TABLE_FORMATS)
        raise ValueError(f"no table format {fmt!r} (known: {known})") from None
