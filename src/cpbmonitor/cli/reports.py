"""`cpb reports`: who has reported for a cycle, and how (complete, on time)."""

from __future__ import annotations

import typer
from rich.console import Console

from cpbmonitor.cli.db import use_database
from cpbmonitor.cli.errors import fail
from cpbmonitor.cli.output import OutputFormat, attribute_rows, emit

app = typer.Typer(help="National reports: status by cycle.", no_args_is_help=True)
console = Console()

PARTY_COLUMNS = ("government", "name", "region", "submitted_on", "complete", "on_time")
TOTAL_COLUMNS = ("group", "parties", "submitted", "complete", "complete_on_time")


@app.command("status")
def status(
    cycle: str = typer.Option(..., "--cycle", "-c", help="Cycle number (5) or name (interim)."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f"),
) -> None:
    """Every Party to the Protocol on the cycle's deadline: submitted, complete, on time;
    with totals by region."""
    use_database()
    from cpbmonitor.national_reports.models import ReportingCycle
    from cpbmonitor.national_reports.models.cycles import UnknownCycle
    from cpbmonitor.services.cycles import sync_cycles
    from cpbmonitor.services.status import cycle_status

    if not ReportingCycle.objects.exists():
        sync_cycles()
    try:
        result = cycle_status(cycle)
    except UnknownCycle as error:
        fail(str(error))
    rows = attribute_rows(result.parties, PARTY_COLUMNS)
    if fmt is OutputFormat.json:
        emit(fmt, rows, PARTY_COLUMNS, json_data=result.as_dict())
        return
    if fmt is OutputFormat.csv:
        emit(fmt, rows, PARTY_COLUMNS)
        return
    title = f"Cycle {result.cycle.name}: Parties on the deadline {result.cycle.deadline}"
    emit(fmt, rows, PARTY_COLUMNS, title=title, console=console)
    totals = [{"group": key} | vars(value) for key, value in result.totals.items()]
    emit(fmt, totals, TOTAL_COLUMNS, title="Totals", console=console)
