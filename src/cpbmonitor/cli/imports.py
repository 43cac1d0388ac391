"""`cpb import`: bring data into the database. `cpb import reports FILE...`,
`cpb import records --type decision FILE`, `cpb import funding FILE`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from cpbmonitor.cli.db import use_database
from cpbmonitor.cli.errors import err_console, fail, progress_bar

if TYPE_CHECKING:
    from cpbmonitor.services.reports import ImportPlan

app = typer.Typer(help="Import data: national reports, records, GEF funding.", no_args_is_help=True)


@app.command("reports")
def reports(
    files: list[Path] = typer.Argument(
        ..., help="BCH JSON (one document or a list, bare or wrapped) or long CSV/XLSX tables."
    ),
    skip_invalid: bool = typer.Option(
        False, "--skip-invalid", help="Import the valid documents and list the rejected ones."
    ),
) -> None:
    """Import national reports. Every document is validated against its cycle's format;
    by default one invalid document rejects the whole import (nothing is written)."""
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        fail(f"no such file: {', '.join(missing)}")
    use_database()
    from django.db import DatabaseError

    from cpbmonitor.national_reports.models import Party
    from cpbmonitor.services.reports import prepare_import, write_import

    if not Party.objects.exists():
        fail("no governments loaded: run `cpb parties load` first")
    with progress_bar() as progress:
        reading = progress.add_task("Reading and validating", total=len(files))
        plan = prepare_import(files, tick=lambda: progress.advance(reading))
        if plan.rejected and not skip_invalid:
            progress.stop()
            _print_problems(plan)
            fail(
                f"{len(plan.rejected_files)} file(s) rejected, nothing imported "
                "(--skip-invalid imports the valid documents)"
            )
        writing = progress.add_task("Writing", total=len(plan.ready))
        try:
            result = write_import(plan, tick=lambda: progress.advance(writing))
        except DatabaseError as error:
            progress.stop()
            fail(f"database error, nothing was imported: {error}")
    _print_problems(plan)
    typer.echo(
        f"Imported {len(plan.ready)} report(s) from {len(files)} file(s): {result.created} new, "
        f"{result.updated} updated, {result.answers} answer values; "
        f"{len(plan.rejected)} rejected."
    )
    if result.non_party:
        typer.echo(f"Stored but flagged as from non-Parties: {', '.join(result.non_party)}")


def _print_problems(plan: ImportPlan) -> None:
    """One line per problem (file, document, question, value, message), never wrapped."""
    for rejected in plan.rejected:
        for problem in rejected.problems:
            err_console.print(
                f"[yellow]rejected:[/] {escape(problem)}", soft_wrap=True, highlight=False
            )


@app.command("records")
def records(
    file: Path = typer.Argument(..., help="A CSV, XLSX or JSON file of records of one type."),
    type_name: str = typer.Option(
        ..., "--type", "-t", help="Record type (see `cpb records types`), e.g. decision."
    ),
    replace: bool = typer.Option(
        False, "--replace", help="Also remove stored records of the type missing from the file."
    ),
) -> None:
    """Import BCH, Compliance Committee or capacity-building records of one type. Every
    record is validated (fields, governments, links to other records); one problem
    rejects the whole file (nothing is written). A stored record with the same
    identifier is updated."""
    from cpbmonitor.cli.records import type_named

    type_named(type_name)
    if not file.is_file():
        fail(f"no such file: {file}")
    use_database()
    from django.db import DatabaseError

    from cpbmonitor.core.records.errors import RecordInputError
    from cpbmonitor.services.records import import_records

    try:
        with progress_bar() as progress:
            task = progress.add_task(f"Importing {type_name} records", total=None)
            summary = import_records(
                file, type_name, replace=replace, tick=lambda: progress.advance(task)
            )
    except RecordInputError as error:
        for problem in error.problems:
            line = f"[yellow]rejected:[/] {escape(problem.describe())}"
            err_console.print(line, soft_wrap=True, highlight=False)
        fail(f"{len(error.problems)} problem(s) in {file}: nothing imported")
    except DatabaseError as error:
        fail(f"database error, nothing was imported: {error}")
    removed = f", {summary.deleted} removed" if replace else ""
    typer.echo(
        f"Imported {summary.total} {type_name} record(s) from {file}: {summary.created} new, "
        f"{summary.updated} updated, {summary.unchanged} unchanged{removed}."
    )


@app.command("funding")
def funding(
    file: Path = typer.Argument(
        ...,
        help=(
            "A CSV, XLSX or JSON table of GEF funding for national reports, a row per "
            "government and cycle: identifier, government, cycle, valid_from (the date the "
            "funding was accessed), and optionally agency, amount (US dollars)."
        ),
    ),
    replace: bool = typer.Option(
        False, "--replace", help="Also remove stored funding rows missing from the file."
    ),
) -> None:
    """Import the table of GEF funding for national reports (indicator A.3(b)): record
    type gef-funding. Strict: an unknown government or column, a cycle that is not a
    reporting cycle, two rows for one government and cycle, or a bad date or number
    rejects the whole file (nothing is written)."""
    records(file, "gef-funding", replace)
