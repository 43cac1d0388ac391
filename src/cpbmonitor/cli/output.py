"""Render rows as a rich table, JSON or CSV: the ``--format`` option shared by commands."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.table import Table as RichTable
from rich.text import Text

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


class Fitted:
    """A table that fits the width it is printed in, whatever the terminal (80 columns
    when the output is not a terminal and ``COLUMNS`` is unset): laid out as a table with
    long cells wrapped when its longest words fit side by side, otherwise stacked, one
    block of ``column: value`` lines per row. Nothing is cut short with an ellipsis."""

    def __init__(self, table: RichTable) -> None:
        self.table = table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for column in self.table.columns:  # measured whole words: the longest must fit
            column.overflow = "ellipsis"
        unbounded = options.update_width(10_000)  # Measurement.get clamps to the width
        needed = Measurement.get(console, unbounded, self.table).minimum
        if needed <= options.max_width:
            for column in self.table.columns:
                column.overflow = "fold"  # never an ellipsis, should a word still not fit
            yield self.table
        else:
            yield self._stacked()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)

    def _stacked(self) -> Group:
        columns = self.table.columns
        names = [str(column.header) for column in columns]
        cells = [list(column.cells) for column in columns]
        blocks: list[Any] = []
        if self.table.title:
            blocks.append(Text(str(self.table.title), style="bold"))
        for index in range(self.table.row_count):
            block = RichTable.grid(padding=(0, 1))
            block.add_column(style="bold", no_wrap=True)
            block.add_column(overflow="fold")
            for name, column_cells in zip(names, cells, strict=True):
                block.add_row(f"{name}:", column_cells[index])
            blocks.extend([Text(""), block] if blocks else [block])
        return Group(*blocks)


def fit(table: RichTable) -> Fitted:
    """``table``, printed so that it fits the console (see :class:`Fitted`)."""
    return Fitted(table)


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
        (console or Console()).print(fit(table(rows, columns, title)))
