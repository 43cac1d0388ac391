"""`cpb milestones`: milestones set for indicators - check and import a file, list,
export, and the status of each against the stored reports."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from cpbmonitor import conf
from cpbmonitor.cli.db import use_database
from cpbmonitor.cli.errors import fail
from cpbmonitor.cli.output import OutputFormat, emit
from cpbmonitor.core.milestones import (
    DEMONSTRATION_LABEL,
    DUMP_FORMATS,
    FIELDS,
    MilestoneInputError,
    read_milestones,
)
from cpbmonitor.core.outputs import milestones as milestone_output

app = typer.Typer(
    help="Milestones: target values for indicators by a date, and where each stands.",
    no_args_is_help=True,
)
console = Console()
err_console = Console(stderr=True)

STATUS_FORMATS = ("table", "json", "csv", "xlsx")
PlanOption = typer.Option(None, "--plan", "-p", help="Only this plan version (default: all).")


@app.command("check")
def check(file: Path = typer.Argument(..., help="A YAML, JSON or CSV file of milestones.")) -> None:
    """Check a milestones file without storing it."""
    try:
        milestones = read_milestones(file)
    except MilestoneInputError as error:
        fail(str(error))
    typer.echo(f"{file}: {len(milestones)} milestone(s), no problem found.")


@app.command("import")
def import_file(
    file: Path = typer.Argument(..., help="A YAML, JSON or CSV file of milestones."),
) -> None:
    """Store the milestones of FILE: all of them, or none when any has a problem. A
    milestone with the plan, indicator, group and date of a stored one replaces it."""
    use_database()
    from cpbmonitor.services.milestones import import_milestones

    try:
        result = import_milestones(file)
    except MilestoneInputError as error:
        fail(str(error))
    typer.echo(
        f"Imported {result.total} milestone(s) from {file}: "
        f"{result.created} new, {result.updated} replaced."
    )


@app.command("list")
def list_milestones(
    plan: str = PlanOption,
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f"),
) -> None:
    """The stored milestones."""
    use_database()
    from cpbmonitor.services.milestones import stored

    milestones = stored(plan)
    rows = [_plain(m.as_row()) for m in milestones]
    _say_if_demonstration(any(m.demonstration for m in milestones))
    emit(fmt, rows, FIELDS, title="Milestones", console=console)


@app.command("export")
def export(
    plan: str = PlanOption,
    fmt: str = typer.Option("yaml", "--format", "-f", help="yaml, json or csv."),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
) -> None:
    """The stored milestones as a file that `cpb milestones import` reads back."""
    if fmt not in DUMP_FORMATS:
        fail(f"unknown format '{fmt}' (use {', '.join(DUMP_FORMATS)})")
    use_database()
    from cpbmonitor.services.milestones import export_milestones

    content = export_milestones(fmt, plan)
    if output is None:
        sys.stdout.write(content.decode("utf-8"))
        return
    output.write_bytes(content)
    typer.echo(f"wrote {output}")


@app.command("status")
def status(
    plan_id: str = typer.Option(
        conf.default("CPB_PLAN_VERSION"), "--plan", "-p", help="Plan version id."
    ),
    cycle: int = typer.Option(
        conf.default("CPB_DEFAULT_CYCLE"), "--cycle", "-c", help="The latest cycle."
    ),
    baseline: int = typer.Option(
        conf.default("CPB_DEFAULT_BASELINE"), "--baseline", "-b", help="The baseline cycle."
    ),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, csv or xlsx."),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
) -> None:
    """Each stored milestone of the plan version: latest value, value still needed, the
    trend since the baseline extended to the date, and the status (reached, on track,
    off track, not assessable)."""
    if fmt not in STATUS_FORMATS:
        fail(f"unknown format '{fmt}' (use {', '.join(STATUS_FORMATS)})")
    if fmt == "xlsx" and output is None:
        fail("XLSX is binary: give a file with -o")
    use_database()
    from cpbmonitor.core.outputs import render
    from cpbmonitor.core.plan import PlanDataError
    from cpbmonitor.national_reports.models import ReportingCycle
    from cpbmonitor.services.milestones import assess_stored

    try:
        evaluation, assessed = assess_stored(plan_id, cycle, baseline)
    except (PlanDataError, ReportingCycle.DoesNotExist, LookupError) as error:
        fail(str(error))
    _say_if_demonstration(any(a.demonstration for a in assessed))
    if fmt == "table":
        title = (
            f"Milestones of {plan_id}: cycle {cycle} (deadline {evaluation.cycle.deadline}) "
            f"against cycle {baseline}"
        )
        rows = milestone_output.rows(assessed)
        columns = milestone_output.TABLE_COLUMNS
        emit(OutputFormat.table, rows, columns, title=title, console=console)
        return
    content = render("milestones", fmt, assessed)
    if output is None:
        sys.stdout.write(content.decode("utf-8"))
        return
    output.write_bytes(content)
    typer.echo(f"wrote {output}")


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items()}


def _say_if_demonstration(any_demo: bool) -> None:
    """On standard error, so that JSON and CSV on standard output stay clean."""
    if any_demo:
        err_console.print(f"[bold yellow]{DEMONSTRATION_LABEL}: rows marked demonstration.[/]")


def load_demo_milestones_message() -> str:
    """Store the demonstration milestones (for `cpb demo load`) and say so."""
    from cpbmonitor.services.milestones import load_demo_milestones

    result = load_demo_milestones()
    return f"Loaded {result.total} milestones, each labelled '{DEMONSTRATION_LABEL}'."
