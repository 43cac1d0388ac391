"""`cpb records`: the stored BCH, Compliance Committee and capacity-building records.

`cpb records types` lists the record types with their counts; `cpb records list` shows
the records of one type (filtered by government, region, date, text); `cpb records export`
writes them as CSV, XLSX or JSON in the layout `cpb import records` reads.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console

from cpbmonitor.cli.db import use_database
from cpbmonitor.cli.errors import fail
from cpbmonitor.cli.output import OutputFormat, emit
from cpbmonitor.core.indicators.inputs import REGIONS
from cpbmonitor.core.records import RECORD_TYPES, RecordModel

if TYPE_CHECKING:
    from cpbmonitor.records.models import RecordQuerySet

app = typer.Typer(
    help="Records: BCH, Compliance Committee, usage and capacity-building records.",
    no_args_is_help=True,
)

DEMONSTRATION_NOTE = "Demonstration records among them: generated, not real."
TABLE_COLUMNS = ("identifier", "government", "title", "valid_from", "valid_to", "demonstration")


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


def type_named(name: str) -> str:
    """``name`` if it is a record type, else a user error listing the types."""
    if name not in RECORD_TYPES:
        fail(f"unknown record type {name!r} (known: {', '.join(RECORD_TYPES)})")
    return name


def day_of(text: str | None, option: str = "--on") -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(f"{option}: {text!r} is not a date written YYYY-MM-DD")


TYPE_OPTION = typer.Option(..., "--type", "-t", help="Record type (see `cpb records types`).")
GOVERNMENT_OPTION = typer.Option(None, "--government", "-g", help="Only records concerning it.")
REGION_OPTION = typer.Option(None, "--region", help="AFR, ASP, CEE, GRULAC or WEOG.")
ON_OPTION = typer.Option(None, "--on", help="Only records holding on this day (YYYY-MM-DD).")
SEARCH_OPTION = typer.Option("", "--search", "-s", help="Text in the identifier or fields.")


@app.command("types")
def types(fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f")) -> None:
    """The record types, where they come from, and how many of each are stored."""
    use_database()
    from cpbmonitor.records.models import Record

    counts = Record.objects.counts_by_type()
    demo = Record.objects.demonstration().counts_by_type()
    rows = [
        {
            "type": name,
            "label": kind.plural,
            "source": kind.source,
            "by_government": kind.by_government,
            "records": counts[name],
            "demonstration": demo[name],
        }
        for name, kind in RECORD_TYPES.items()
    ]
    columns = ("type", "label", "source", "by_government", "records", "demonstration")
    emit(fmt, rows, columns, title=f"{sum(counts.values())} records")


def _selected(
    type_name: str, government: str | None, region: str | None, on: str | None, search: str
) -> RecordQuerySet:
    type_named(type_name)
    day = day_of(on)
    if region is not None and region.upper() not in REGIONS:
        fail(f"unknown region {region!r} (use one of: {', '.join(REGIONS)})")
    use_database()
    from cpbmonitor.national_reports.models import Party
    from cpbmonitor.national_reports.models.parties import UnknownGovernment
    from cpbmonitor.services.records import find_records

    party = None
    if government is not None:
        try:
            party = Party.objects.resolve(government)
        except UnknownGovernment as error:
            fail(str(error))
    return find_records(type_name, government=party, region=region, on=day, text=search)


def _models(rows: RecordQuerySet) -> list[RecordModel]:
    from cpbmonitor.services.records import stored_records

    records = stored_records(rows)
    if any(record.demonstration for record in records):
        Console(stderr=True).print(f"[bold yellow]{DEMONSTRATION_NOTE}[/]", highlight=False)
    return records


@app.command("list")
def list_records(
    type_name: str = TYPE_OPTION,
    government: str = GOVERNMENT_OPTION,
    region: str = REGION_OPTION,
    on: str = ON_OPTION,
    search: str = SEARCH_OPTION,
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
) -> None:
    """The stored records of one type, optionally filtered."""
    rows = _selected(type_name, government, region, on, search)
    if fmt is ListFormat.table:
        _print_table(type_name, rows)
        return
    records = _models(rows)
    if output is not None:
        _write(records, type_name, output, fmt.value)
        return
    if fmt is ListFormat.xlsx:
        fail("XLSX is binary: give a file with -o")
    from cpbmonitor.core.outputs import render

    sys.stdout.write(render("records", fmt.value, records, type_name=type_name).decode())


def _print_table(type_name: str, rows: RecordQuerySet) -> None:
    table_rows: list[dict[str, Any]] = [
        {
            "identifier": row.identifier,
            "government": row.government.iso2 if row.government else None,
            "title": row.title,
            "valid_from": row.valid_from.isoformat(),
            "valid_to": row.valid_to.isoformat() if row.valid_to else None,
            "demonstration": row.demonstration,
        }
        for row in rows
    ]
    title = f"{RECORD_TYPES[type_name].plural}: {len(table_rows)}"
    if any(row["demonstration"] for row in table_rows):
        title += f" ({DEMONSTRATION_NOTE})"
    emit(OutputFormat.table, table_rows, TABLE_COLUMNS, title=title)


def _write(records: list[RecordModel], type_name: str, output: Path, fmt: str | None) -> None:
    from cpbmonitor.core.outputs.records import write_records

    try:
        write_records(records, type_name, output, fmt)
    except (OSError, ValueError) as error:
        fail(f"cannot write {output}: {error}")
    typer.echo(f"Wrote {len(records)} {type_name} record(s) to {output}.")


@app.command("export")
def export(
    type_name: str = TYPE_OPTION,
    output: Path = typer.Option(..., "--output", "-o", help="File: .csv, .xlsx or .json."),
    fmt: str = typer.Option(None, "--format", "-f", help="csv, xlsx or json (default: suffix)."),
    government: str = GOVERNMENT_OPTION,
    region: str = REGION_OPTION,
    on: str = ON_OPTION,
    search: str = SEARCH_OPTION,
) -> None:
    """Write the records of one type to a file that `cpb import records` reads back."""
    from cpbmonitor.core.outputs import formats_for

    chosen = (fmt or output.suffix.lstrip(".")).lower()
    if chosen not in formats_for("records"):
        fail(f"unknown format {chosen!r} for {output} (use {', '.join(formats_for('records'))})")
    rows = _selected(type_name, government, region, on, search)
    _write(_models(rows), type_name, output, chosen)
