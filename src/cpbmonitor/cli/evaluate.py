"""`cpb evaluate`: every indicator of a plan version, world and regions, against the baseline."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from cpbmonitor import conf
from cpbmonitor.cli.db import use_database
from cpbmonitor.cli.errors import fail
from cpbmonitor.core.indicators import Evaluation, GroupResult
from cpbmonitor.core.indicators.inputs import GROUPS
from cpbmonitor.core.outputs import formats_for, render

app = typer.Typer(help="Measure every indicator of a plan version from the stored reports.")
console = Console()

STATUS_STYLE = {"improved": "green", "declined": "red", "no change": "yellow"}


@app.callback(invoke_without_command=True)
def evaluate_command(
    plan_id: str = typer.Option(
        conf.default("CPB_PLAN_VERSION"), "--plan", "-p", help="Plan version id."
    ),
    cycle: int = typer.Option(
        conf.default("CPB_DEFAULT_CYCLE"), "--cycle", "-c", help="The cycle measured."
    ),
    baseline: int = typer.Option(
        conf.default("CPB_DEFAULT_BASELINE"), "--baseline", "-b", help="The baseline cycle."
    ),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, csv or xlsx."),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    threshold: float = typer.Option(
        conf.default("CPB_CHANGE_THRESHOLD"), help="Change in points that counts as a change."
    ),
) -> None:
    """Every indicator for the world and the five regions, with change since the baseline."""
    if fmt != "table" and fmt not in formats_for("evaluation"):
        fail(f"unknown format '{fmt}' (use table or {', '.join(formats_for('evaluation'))})")
    use_database()
    from cpbmonitor.core.indicators import Settings
    from cpbmonitor.core.plan import PlanDataError
    from cpbmonitor.national_reports.models import ReportingCycle
    from cpbmonitor.services.evaluation import evaluate_stored

    with Progress(
        console=Console(stderr=True), transient=True, disable=not sys.stderr.isatty()
    ) as progress:
        progress.add_task(f"evaluating {plan_id}, cycle {cycle} against {baseline}", total=None)
        try:
            evaluation = evaluate_stored(plan_id, cycle, baseline, Settings(threshold))
        except (PlanDataError, ReportingCycle.DoesNotExist, LookupError) as error:
            fail(str(error))
    _warn_if_demonstration_data()
    if fmt == "table":
        _print_table(evaluation)
        return
    content = render("evaluation", fmt, evaluation)
    if output is None:
        if fmt == "xlsx":
            fail("XLSX is binary: give a file with -o")
        sys.stdout.write(content.decode())
        return
    output.write_bytes(content)
    console.print(f"wrote {output}")


def _warn_if_demonstration_data() -> None:
    """Say on standard error (so JSON and CSV on standard output stay clean) when the
    figures come from the generated demonstration data."""
    from cpbmonitor.core.demo import LABEL
    from cpbmonitor.national_reports.models import NationalReport

    if NationalReport.objects.demonstration().exists():
        Console(stderr=True).print(f"[bold yellow]{LABEL}.[/]", highlight=False)


def _print_table(evaluation: Evaluation) -> None:
    groups = list(GROUPS)
    table = Table(
        "indicator",
        *groups,
        "baseline",
        "change",
        "status",
        title=f"{evaluation.plan}: cycle {evaluation.cycle.number} "
        f"against {evaluation.baseline.number if evaluation.baseline else '-'}",
    )
    for result in evaluation.indicators:
        world = result.groups["global"]
        cells = [_cell(result.groups[g]) for g in groups]
        status = world.status or ""
        style = STATUS_STYLE.get(status, "dim")
        table.add_row(
            result.code,
            *cells,
            _number(world.baseline_value),
            _number(world.change),
            f"[{style}]{status or (world.note or '')[:40]}[/]",
        )
    console.print(table)


def _cell(group: GroupResult) -> str:
    if group.value is None:
        return "-"
    if group.denominator is None:
        return _number(group.value)
    return f"{_number(group.value)} ({group.numerator}/{group.denominator})"


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"
