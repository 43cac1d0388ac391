"""`cpb capacity`: capacity-building needs, their coverage by the Action Plan and the
registered activities, the gaps, and matching needs with activities and resources."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console

from cpbmonitor import conf
from cpbmonitor.cli.db import use_database
from cpbmonitor.cli.errors import err_console, fail
from cpbmonitor.cli.output import OutputFormat, csv_text, emit, json_text, table
from cpbmonitor.core.capacity import Coverage
from cpbmonitor.core.outputs import Table
from cpbmonitor.core.outputs import capacity as rows_of
from cpbmonitor.core.outputs.writers import to_workbook

app = typer.Typer(
    help="Capacity-building: needs, coverage, gaps and matching.", no_args_is_help=True
)
console = Console()
T = TypeVar("T")


class CapacityFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


CYCLE = typer.Option(
    conf.default("CPB_DEFAULT_CYCLE"),
    "--cycle",
    "-c",
    help="The reporting cycle whose needs are read.",
)
PLAN = typer.Option(
    conf.default("CPB_PLAN_VERSION"), "--plan", "-p", help="Plan version (its Action Plan)."
)
FORMAT = typer.Option(CapacityFormat.table, "--format", "-f")
OUTPUT = typer.Option(None, "--output", "-o", help="File to write (default: stdout).")
DATE = ["%Y-%m-%d"]
START = typer.Option(None, "--from", formats=DATE, help="Period start (default: the cycle's).")
END = typer.Option(None, "--to", formats=DATE, help="Period end (default: the cycle's deadline).")


def _call(compute: Callable[[], T]) -> T:
    """Run a service call, turning every user error into one message and exit 1."""
    from cpbmonitor.core.yamlfile import DataFileError

    try:
        return compute()
    except (LookupError, ValueError, DataFileError) as error:
        is_key = isinstance(error, KeyError) and error.args
        fail(str(error.args[0]) if is_key else str(error))


def _warn_if_demonstration(notes: list[str]) -> None:
    from cpbmonitor.core.demo import LABEL
    from cpbmonitor.services.capacity import is_demonstration

    if is_demonstration():
        err_console.print(f"[bold yellow]{LABEL}.[/]", highlight=False)
        notes.append(f"{LABEL}.")


def _write(
    fmt: CapacityFormat,
    output: Path | None,
    sheets: Sequence[Table],
    *,
    json_data: Any = None,
) -> None:
    """Write the first sheet as a table, JSON (``json_data`` when given) or CSV, or every
    sheet to an XLSX workbook; to ``output`` when given, else to stdout."""
    notes: list[str] = []
    _warn_if_demonstration(notes)
    first = sheets[0]
    if fmt is CapacityFormat.xlsx:
        if output is None:
            fail("XLSX is binary: give a file with -o")
        output.write_bytes(to_workbook([sheet.with_notices(*notes) for sheet in sheets]))
        err_console.print(f"wrote {output}")
        return
    if output is None:
        for sheet in sheets if fmt is CapacityFormat.table else sheets[:1]:
            emit(
                OutputFormat(fmt.value),
                sheet.rows,
                sheet.columns,
                title=sheet.title,
                json_data=json_data,
                console=console,
            )
        return
    output.write_text(_text(fmt, sheets, first, json_data), encoding="utf-8")
    err_console.print(f"wrote {output}")


def _text(fmt: CapacityFormat, sheets: Sequence[Table], first: Table, json_data: Any) -> str:
    if fmt is CapacityFormat.json:
        return json_text(list(first.rows) if json_data is None else json_data)
    if fmt is CapacityFormat.csv:
        return csv_text(first.records(), first.columns)
    recorder = Console(record=True, width=200, file=io.StringIO())
    for sheet in sheets:
        recorder.print(table(sheet.records(), sheet.columns, sheet.title))
    return recorder.export_text()


@app.command("needs")
def needs(
    cycle: int = CYCLE,
    plan_id: str = PLAN,
    compare: bool = typer.Option(False, "--compare", help="Beside the previous cycle."),
    fmt: CapacityFormat = FORMAT,
    output: Path = OUTPUT,
) -> None:
    """Reporting Parties per needs area, world and regions. JSON: one row per area,
    {term, area, global, AFR, ASP, CEE, GRULAC, WEOG}; with --compare each row also has
    "previous" (the previous cycle's counts, through the crosswalk)."""
    use_database()
    from cpbmonitor.core.plan import load_plan
    from cpbmonitor.services.capacity import stored_needs

    plan = _call(lambda: load_plan(plan_id))
    analysis = _call(lambda: stored_needs(cycle, compare))
    json_data: list[dict[str, Any]] = rows_of.needs_rows(analysis)
    if compare:
        json_data = [
            row | {"previous": dict(item.previous) if item.previous is not None else None}
            for row, item in zip(json_data, analysis.areas, strict=True)
        ]
    _write(fmt, output, [rows_of.needs_table(analysis, plan)], json_data=json_data)


@app.command("assessment")
def assessment(
    cycle: int = CYCLE,
    parties: bool = typer.Option(False, "--parties", help="One row per Party."),
    fmt: CapacityFormat = FORMAT,
    output: Path = OUTPUT,
) -> None:
    """Parties that assessed and prioritised their capacity-building needs."""
    use_database()
    from cpbmonitor.services.capacity import stored_needs

    analysis = _call(lambda: stored_needs(cycle, compare=False))
    keys = analysis.questions
    title = f"Needs assessed ({keys.assessed}) and prioritised ({keys.prioritised}), cycle {cycle}"
    if parties:
        sheet = Table.of(
            rows_of.ASSESSMENT_PARTY_COLUMNS, rows_of.assessment_party_rows(analysis), title=title
        )
    else:
        sheet = Table.of(rows_of.ASSESSMENT_COLUMNS, rows_of.assessment_rows(analysis), title=title)
    _write(fmt, output, [sheet])


def _coverage(
    cycle: int, plan_id: str, start: dt.datetime | None, end: dt.datetime | None
) -> Coverage:
    """The stored coverage of ``cycle``'s needs by ``plan_id`` in the period given."""
    use_database()
    from cpbmonitor.services.capacity import stored_coverage

    return _call(lambda: stored_coverage(cycle, plan_id, _day(start), _day(end)))


@app.command("coverage")
def coverage(
    cycle: int = CYCLE,
    plan_id: str = PLAN,
    start: dt.datetime = START,
    end: dt.datetime = END,
    fmt: CapacityFormat = FORMAT,
    output: Path = OUTPUT,
) -> None:
    """For every needs area and group: Parties in need, activities addressing it there in
    the period, their funding (USD, split evenly across the regions an activity reaches),
    Parties whose need no activity reaches, and that as a share of reporting Parties."""
    result = _coverage(cycle, plan_id, start, end)
    title = (
        f"Coverage of cycle {cycle} needs by {plan_id} and {result.activities} "
        f"activities, {result.period}"
    )
    rows = rows_of.coverage_rows(result)
    _write(fmt, output, [Table.of(rows_of.COVERAGE_COLUMNS, rows, title=title)])


@app.command("gaps")
def gaps(
    cycle: int = CYCLE,
    plan_id: str = PLAN,
    start: dt.datetime = START,
    end: dt.datetime = END,
    fmt: CapacityFormat = FORMAT,
    output: Path = OUTPUT,
) -> None:
    """Needs areas no key area covers, areas with nothing planned, regions with needs and
    no activity, and Parties with needs no activity reaches. JSON: an object by kind."""
    result = _coverage(cycle, plan_id, start, end)
    data = rows_of.gaps_data(result)
    if fmt is CapacityFormat.table:
        sheets = [_gap_sheet(kind, items) for kind, items in data.items()]
    elif fmt is CapacityFormat.xlsx:
        sheets = [_gap_sheet(kind, items, title=kind) for kind, items in data.items()]
    else:
        flat = rows_of.gaps_rows(result)
        sheets = [Table.of(["kind", "subject", "detail"], flat, title="gaps")]
    _write(fmt, output, sheets, json_data=data)


def _gap_sheet(kind: str, items: list[dict[str, Any]], title: str = "") -> Table:
    columns = list(items[0]) if items else ["none"]
    return Table.of(columns, items, title=title or f"{rows_of.GAP_KINDS[kind]}: {len(items)}")


@app.command("match")
def match(
    party: str = typer.Option(None, "--party", help="ISO code of a Party, e.g. br."),
    provider: str = typer.Option(None, "--provider", help="A provider's name, e.g. FAO."),
    cycle: int = CYCLE,
    plan_id: str = PLAN,
    on: dt.datetime = typer.Option(None, "--on", formats=DATE, help="Reference date (today)."),
    fmt: CapacityFormat = FORMAT,
    output: Path = OUTPUT,
) -> None:
    """For a Party, the activities and resources that address its reported needs; for a
    provider, the regions and Parties its current and planned activities would serve best."""
    if (party is None) == (provider is None):
        fail("give either --party or --provider")
    use_database()
    from cpbmonitor.national_reports.models import Party
    from cpbmonitor.services import capacity as service

    day = _day(on)
    if party is not None:
        government = _call(lambda: Party.objects.resolve(party))
        found = _call(lambda: service.stored_party_match(government.iso2, cycle, plan_id, day))
        needs = " ".join(sorted(found.party.areas)) or "none"
        title = f"{government.name} ({government.iso2}), cycle {cycle} needs: {needs}"
        rows = rows_of.party_match_rows(found)
        _write(fmt, output, [Table.of(rows_of.PARTY_MATCH_COLUMNS, rows, title=title)])
        return
    offer = _call(lambda: service.stored_provider_match(provider, cycle, plan_id, day))
    areas = " ".join(sorted(offer.areas)) or "none"
    title = (
        f"{offer.provider}: {len(offer.activities)} current or planned activities, "
        f"needs areas {areas}"
    )
    rows = rows_of.provider_match_rows(offer)
    _write(fmt, output, [Table.of(rows_of.PROVIDER_MATCH_COLUMNS, rows, title=title)])


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None
