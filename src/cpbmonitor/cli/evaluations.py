"""`cpb evaluations`: named evaluation runs (frozen inputs) - create, list, show,
compare, publish, and a run's evaluation document."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import typer

from cpbmonitor.cli.db import use_database
from cpbmonitor.cli.errors import fail
from cpbmonitor.cli.output import OutputFormat, emit

app = typer.Typer(
    help="Evaluation runs: named evaluations whose inputs are frozen (reproducible).",
    no_args_is_help=True,
)
ByOption = typer.Option(None, "--by", help="User name of the Secretariat member acting.")
FormatOption = typer.Option(OutputFormat.table, "--format", "-f", help="table, json or csv.")


def _user(username: str | None) -> Any:
    """The acting user, who must hold the Secretariat's right on runs (None: no user)."""
    if username is None:
        return None
    from django.contrib.auth import get_user_model

    from cpbmonitor.reporting.policy import Act, allowed

    user = get_user_model().objects.filter(username=username).first()
    if user is None or not allowed(user, Act.MANAGE_EVALUATIONS):
        fail(f"{username!r} is not a Secretariat user who may manage evaluation runs")
    return user


@app.command("create")
def create(
    name: str = typer.Argument(..., help='The run\'s name, e.g. "Mid-term evaluation 2026".'),
    plan_id: str = typer.Option("draft-2020", "--plan", "-p", help="Plan version id."),
    cycle: int = typer.Option(5, "--cycle", "-c", help="The cycle measured."),
    baseline: int = typer.Option(4, "--baseline", "-b", help="The baseline cycle."),
    as_of: str = typer.Option(None, "--as-of", help="Data as on this date (default: today)."),
    by: str = ByOption,
) -> None:
    """Freeze the inputs of a new evaluation run and print its data fingerprint."""
    use_database()
    from cpbmonitor.services import evaluation_runs as runs

    try:
        day = dt.date.fromisoformat(as_of) if as_of else None
        run = runs.create_run(name, plan_id, cycle, baseline, day, _user(by))
    except ValueError as error:
        fail(str(error))
    typer.echo(f"Created {run.name!r}: data as on {run.as_of}, fingerprint {run.data_fingerprint}")


@app.command("list")
def list_runs(fmt: OutputFormat = FormatOption) -> None:
    """Every evaluation run, newest first."""
    use_database()
    from cpbmonitor.services import evaluation_runs as runs

    emit(fmt, [runs.run_row(r) for r in runs.runs()], runs.RUN_COLUMNS, title="Evaluation runs")


@app.command("show")
def show(
    name: str = typer.Argument(..., help="The run's name or slug."),
    fmt: OutputFormat = FormatOption,
) -> None:
    """A run's figures (world and regions), from its frozen inputs."""
    use_database()
    from cpbmonitor.services import evaluation_runs as runs

    try:
        run = runs.get_run(name)
    except runs.RunError as error:
        fail(str(error))
    rows = runs.figure_rows(runs.evaluate_run(run))
    data = {"run": runs.run_row(run), "citation": runs.citation(run).text(), "figures": rows}
    emit(fmt, rows, runs.FIGURE_COLUMNS, title=runs.citation(run).text(), json_data=data)


@app.command("compare")
def compare(
    before: str = typer.Argument(..., help="The earlier run."),
    after: str = typer.Argument(..., help="The later run."),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Which figures changed from BEFORE to AFTER, and why."""
    use_database()
    from cpbmonitor.services import evaluation_runs as runs

    try:
        comparison = runs.compare(runs.get_run(before), runs.get_run(after))
    except runs.RunError as error:
        fail(str(error))
    title = (
        f"{before} -> {after}: " + "; ".join(r.describe() for r in comparison.reports)
        if comparison.reports
        else f"{before} -> {after}"
    )
    rows = runs.change_rows(comparison)
    emit(fmt, rows, runs.CHANGE_COLUMNS, title=title, json_data=runs.comparison_data(comparison))


@app.command("publish")
def publish(
    name: str = typer.Argument(..., help="The run's name or slug."), by: str = ByOption
) -> None:
    """Publish a run: its figures and written text are frozen from now on."""
    use_database()
    from cpbmonitor.services import evaluation_runs as runs

    try:
        run = runs.publish(runs.get_run(name), _user(by))
    except runs.RunError as error:
        fail(str(error))
    typer.echo(f"Published {run.name!r} ({run.data_fingerprint[:12]})")


@app.command("document")
def document(
    name: str = typer.Argument(..., help="The run's name or slug."),
    output: Path = typer.Option(
        ..., "--output", "-o", help="File to write: .docx, .html, .xlsx or .pdf."
    ),
) -> None:
    """A run's evaluation document: every section from its frozen inputs (what was
    imported or edited since does not change it), the Secretariat's text merged in."""
    from cpbmonitor.cli.report import pick_renderer, write_whole

    renderer = pick_renderer(output)
    use_database()
    from cpbmonitor.core.evaluation import RendererError
    from cpbmonitor.services import evaluation_runs as runs
    from cpbmonitor.services.run_documents import run_document

    try:
        content = renderer.write(run_document(runs.get_run(name)))
    except (ValueError, RendererError) as error:  # RunError, FrozenInputsError
        fail(str(error))
    write_whole(output, content)
    typer.echo(f"wrote {output} ({len(content):,} bytes)")
