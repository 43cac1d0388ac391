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
from cpbmonitor.core.analysis import TextAnalysis, TextAnswer
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
    texts: bool = typer.Option(
        False, "--texts", help="What Parties wrote (a free-text question shows it anyway)."
    ),
    search: str = typer.Option("", "--search", "-s", help="Only texts holding these words."),
) -> None:
    """Count and percentage of each option of a question, by region; for a free-text
    question (or with --texts), the texts Parties wrote, their languages and the
    recurrent themes of each region, with quotes."""
    use_database()
    from cpbmonitor.national_reports.models import ReportingCycle
    from cpbmonitor.services.evaluation import analyze_stored_question
    from cpbmonitor.services.texts import analyze_stored_texts

    try:
        analysis = analyze_stored_question(key, cycle, compare)
        written = (
            analyze_stored_texts(key, cycle)
            if texts or search or not analysis.current.options
            else None
        )
    except (ReportingCycle.DoesNotExist, LookupError, ValueError) as error:
        fail(str(error))
    if written is not None:
        show_texts(written, analysis.current.title, search, fmt)
        return
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


TEXT_COLUMNS = ["group", "party", "option", "language", "text"]
THEME_COLUMNS = ["group", "theme", "language", "parties", "quote"]


def show_texts(analysis: TextAnalysis, title: str, search: str, fmt: OutputFormat) -> None:
    """The texts of a question by region, then the themes of each region."""
    answers = analysis.search(search) if search else list(analysis.answers)
    rows = [text_row(answer) for answer in answers]
    if fmt is not OutputFormat.table:
        emit(fmt, rows, TEXT_COLUMNS, json_data=analysis.as_dict(search))
        return
    console.print(f"[bold]{escape(analysis.question)}[/] {escape(title)}")
    emit(fmt, rows, TEXT_COLUMNS, title=f"Texts, cycle {analysis.cycle}", console=console)
    themes = [
        {
            "group": group.group,
            "theme": theme.term,
            "language": theme.language,
            "parties": theme.parties,
            "quote": f"{theme.quotes[0].government}: {theme.quotes[0].text}"
            if theme.quotes
            else "",
        }
        for group in analysis.groups.values()
        for theme in group.themes
    ]
    emit(fmt, themes, THEME_COLUMNS, title="Recurrent themes by region", console=console)


def text_row(answer: TextAnswer) -> dict[str, Any]:
    return {
        "group": answer.region or "",
        "party": answer.government,
        "option": answer.option or "",
        "language": answer.language or "",
        "text": answer.text,
    }
