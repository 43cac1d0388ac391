"""`cpb evaluate`: every indicator of a plan version, world and regions, against the baseline."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from cpbmonitor import conf
from cpbmonitor.cli.db import use_database
from cpbmonitor.cli.errors import fail
from cpbmonitor.cli.output import fit
from cpbmonitor.core.indicators import Evaluation, GroupResult, Settings
from cpbmonitor.core.indicators.inputs import GROUPS
from cpbmonitor.core.indicators.series import Series
from cpbmonitor.core.outputs import formats_for, render

app = typer.Typer(help="Measure every indicator of a plan version from the stored reports.")
console = Console()

STATUS_STYLE = {
    "improved": "green",
    "declined": "red",
    "no change": "yellow",
    "not comparable": "magenta",
    "insufficient data": "dim",
}


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
    cycles: str = typer.Option(
        None,
        "--cycles",
        help="A series over several cycles, e.g. 4,5,6 (the first is the baseline).",
    ),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, csv or xlsx."),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    threshold: float = typer.Option(
        conf.default("CPB_CHANGE_THRESHOLD"), help="Change in points that counts as a change."
    ),
    min_denominator: int = typer.Option(
        conf.default("CPB_MIN_DENOMINATOR"),
        help="A percentage over fewer Parties or records is marked 'insufficient data'.",
    ),
) -> None:
    """Every indicator for the world and the five regions, with change since the baseline
    (or, with --cycles, over several cycles with the comparability of every change)."""
    kind = "series" if cycles else "evaluation"
    if fmt != "table" and fmt not in formats_for(kind):
        fail(f"unknown format '{fmt}' (use table or {', '.join(formats_for(kind))})")
    use_database()
    from cpbmonitor.core.indicators import Settings

    settings = Settings(threshold, min_denominator=min_denominator)
    with Progress(
        console=Console(stderr=True), transient=True, disable=not sys.stderr.isatty()
    ) as progress:
        progress.add_task(f"evaluating {plan_id}", total=None)
        subject = _compute(plan_id, cycle, baseline, cycles, settings)
    _warn_if_demonstration_data()
    if fmt == "table":
        _print_series(subject) if isinstance(subject, Series) else _print_table(subject)
        return
    content = render(kind, fmt, subject)
    if output is None:
        if fmt == "xlsx":
            fail("XLSX is binary: give a file with -o")
        sys.stdout.write(content.decode())
        return
    output.write_bytes(content)
    console.print(f"wrote {output}")


def _compute(
    plan_id: str, cycle: int, baseline: int, cycles: str | None, settings: Settings
) -> Evaluation | Series:
    from cpbmonitor.core.plan import PlanDataError
    from cpbmonitor.national_reports.models import ReportingCycle
    from cpbmonitor.services.evaluation import evaluate_stored, evaluate_stored_series, parse_cycles

    try:
        if cycles:
            return evaluate_stored_series(plan_id, parse_cycles(cycles), settings)
        return evaluate_stored(plan_id, cycle, baseline, settings)
    except (PlanDataError, ReportingCycle.DoesNotExist, LookupError, ValueError) as error:
        fail(str(error))


def _print_series(series: Series) -> None:
    numbers = [c.number for c in series.cycles]
    table = Table(
        "indicator",
        *(f"cycle {n}" for n in numbers),
        "last change",
        "comparability",
        "status",
        title=f"{series.plan}: cycles {', '.join(map(str, numbers))} (world)",
    )
    for item in series.indicators:
        points = item.points()
        last = points[-1].previous
        status = (last.status if last else None) or ""
        table.add_row(
            item.code,
            *(_point(p.value, p.numerator, p.denominator, p.few_data) for p in points),
            _number(last.change if last else None),
            last.label if last else "",
            f"[{STATUS_STYLE.get(status, 'dim')}]{status}[/]",
        )
    console.print(fit(table))


def _point(value: float | None, numerator: int | None, denominator: int | None, few: bool) -> str:
    if value is None:
        return "-"
    text = (
        _number(value) if denominator is None else f"{_number(value)} ({numerator}/{denominator})"
    )
    return f"{text} *" if few else text


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
            f"[{style}]{escape(status or world.note or '')}[/]",
        )
    console.print(fit(table))


def _cell(group: GroupResult) -> str:
    if group.value is None:
        return "-"
    if group.denominator is None:
        return _number(group.value)
    return f"{_number(group.value)} ({group.numerator}/{group.denominator})"


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"
