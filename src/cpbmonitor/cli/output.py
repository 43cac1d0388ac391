"""Render rows as a rich table, JSON or CSV: the ``--format`` option shared by commands."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table as RichTable

from cpbmonitor.core.outputs import Table, write


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def attribute_rows(items: Iterable[object], columns: Sequence[str]) -> list[dict[str, Any]]:
    """One row per item: each column is the item's attribute of the same name."""
    return [{column: getattr(item, column) for column in columns} for item in items]


def table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], title: str = "") -> RichTable:
    result = RichTable(*columns, title=title or None)
    for row in rows:
        result.add_row(*(_cell(row.get(c)) for c in columns))
    return result


def csv_text(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """The table writer's CSV (formula-safe) of ``rows``: columns not listed are left out."""
    kept = [{column: row.get(column) for column in columns} for row in rows]
    return write(Table.of(columns, kept), "csv").decode("utf-8")


def json_text(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


def emit(
    fmt: OutputFormat,
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    *,
    title: str = "",
    json_data: Any = None,
    console: Console | None = None,
) -> None:
    """Write ``rows`` to stdout in ``fmt``; JSON writes ``json_data`` when given."""
    if fmt is OutputFormat.json:
        sys.stdout.write(json_text(rows if json_data is None else json_data))
    elif fmt is OutputFormat.csv:
        sys.stdout.write(csv_text(rows, columns))
    else:
        (console or Console()).print(table(rows, columns, title))
