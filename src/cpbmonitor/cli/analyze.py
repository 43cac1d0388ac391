"""`cpb analyze question`: what the BCH report analyzer shows, by region and cycle."""

from __future__ import annotations

from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from cpbmonitor import conf
from cpbmonitor.cli.db import use_database
from cpbmonitor.cli.errors import fail
from cpbmonitor.cli.output import OutputFormat, emit
from cpbmonitor.core.indicators import CycleAnswers, QuestionAnalysis
from cpbmonitor.core.indicators.inputs import GROUPS

app = typer.Typer(help="Analyse national report answers.", no_args_is_help=True)
console = Console()


@app.command("question")
def question(
    key: str = typer.Argument(..., help="Question key, e.g. Q007."),
    cycle: int = typer.Option(conf.default("CPB_DEFAULT_CYCLE"), "--cycle", "-c"),
    compare: bool = typer.Option(False, "--compare", help="Beside the previous cycle."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f"),
) -> None:
    """Count and percentage of each option of a question, by region."""
    use_database()
    from cpbmonitor.national_reports.models import ReportingCycle
    from cpbmonitor.services.evaluation import analyze_stored_question

    try:
        analysis = analyze_stored_question(key, cycle, compare)
    except (ReportingCycle.DoesNotExist, LookupError, ValueError) as error:
        fail(str(error))
    rows = analysis_rows(analysis)
    columns = ["cycle", "question", "option", "title", *GROUPS, "global_percent"]
    if fmt is OutputFormat.table:
        console.print(f"[bold]{escape(analysis.current.key)}[/] {escape(analysis.current.title)}")
        if analysis.note:
            console.print(f"[dim]{escape(analysis.note)}[/]")
    emit(fmt, rows, columns, title=f"{key}, cycle {cycle}", console=console)


def analysis_rows(analysis: QuestionAnalysis) -> list[dict[str, Any]]:
    rows = _cycle_rows(analysis.current)
    if analysis.previous is not None:
        rows += _cycle_rows(analysis.previous)
    return rows


def _cycle_rows(answers: CycleAnswers) -> list[dict[str, Any]]:
    return [
        {
            "cycle": answers.cycle,
            "question": answers.key,
            "option": option.value,
            "title": option.title,
            **{group: option.counts.get(group, 0) for group in GROUPS},
            "global_percent": option.percents.get("global"),
        }
        for option in answers.options
    ]
