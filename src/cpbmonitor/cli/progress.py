"""`cpb progress`: how far each goal, objective and indicator is on its way to 2030."""

from __future__ import annotations

import typer

from cpbmonitor import conf
from cpbmonitor.cli.db import use_database
from cpbmonitor.cli.errors import fail
from cpbmonitor.cli.output import OutputFormat, emit

app = typer.Typer(help="Progress of goals, objectives and indicators towards the 2030 targets.")

COLUMNS = ("kind", "code", "status", "label", "reasons")


@app.callback(invoke_without_command=True)
def progress_command(
    plan_id: str = typer.Option("draft-2020", "--plan", "-p", help="Plan version id."),
    cycles: str = typer.Option(None, "--cycles", help="Cycles, e.g. 4,5,6 (first: baseline)."),
    level: str = typer.Option("goals", help="goals, objectives or indicators."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f"),
    min_denominator: int = typer.Option(
        conf.default("CPB_MIN_DENOMINATOR"), help="Fewer Parties or records: insufficient data."
    ),
) -> None:
    """Each goal and objective (or indicator, world and regions) with its status and reasons."""
    if level not in ("goals", "objectives", "indicators"):
        fail(f"unknown level '{level}' (use goals, objectives or indicators)")
    use_database()
    from cpbmonitor.core.indicators import Settings
    from cpbmonitor.core.indicators.progress import PROGRESS_FIELDS
    from cpbmonitor.core.plan import PlanDataError
    from cpbmonitor.national_reports.models import ReportingCycle
    from cpbmonitor.services.evaluation import parse_cycles
    from cpbmonitor.services.progress import progress_document, stored_progress

    try:
        numbers = parse_cycles(cycles) if cycles else None
        progress = stored_progress(plan_id, numbers, Settings(min_denominator=min_denominator))
    except (PlanDataError, ReportingCycle.DoesNotExist, LookupError, ValueError) as error:
        fail(str(error))
    document = progress_document(progress)
    rows = [item.as_row() for item in getattr(progress, level)]
    columns = PROGRESS_FIELDS if level == "indicators" else COLUMNS
    title = f"{progress.plan}: progress over cycles {', '.join(map(str, progress.cycles))}"
    emit(fmt, rows, columns, title=title, json_data=document[level])
