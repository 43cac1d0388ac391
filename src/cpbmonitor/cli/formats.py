"""`cpb formats`: the national report formats (shipped short definitions, imported full ones)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import typer
from rich.console import Console

from cpbmonitor.cli.db import use_database
from cpbmonitor.cli.errors import fail
from cpbmonitor.cli.output import OutputFormat, attribute_rows, emit

app = typer.Typer(
    help="National report formats: import the BCH's, list, show.", no_args_is_help=True
)
console = Console()

QUESTION_COLUMNS = ("key", "number", "type", "mandatory", "title")


@app.command("import")
def import_(
    file: Path = typer.Argument(..., help="A BCH format JSON file (a list of sections)."),
    schema: str = typer.Option(..., "--schema", help="The report schema, e.g. cpbNationalReport5."),
) -> None:
    """Import a full BCH report format; it replaces the shipped short labels."""
    use_database()
    from cpbmonitor.core.formats import FormatError
    from cpbmonitor.services.formats import UnknownSchema, import_format

    if not file.is_file():
        fail(f"{file}: no such file")
    try:
        stored = import_format(file, schema)
    except (FormatError, UnknownSchema) as error:
        fail(str(error))
    typer.echo(f"Imported {stored.schema} from {file}.")


@app.command("list")
def list_(fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f")) -> None:
    """List the formats and where each comes from (shipped or imported)."""
    use_database()
    from cpbmonitor.services.formats import list_formats

    rows = [asdict(info) for info in list_formats()]
    emit(
        fmt,
        rows,
        ("schema", "source", "questions", "imported_from", "imported_at"),
        title="Report formats",
        console=console,
    )


@app.command("show")
def show(
    schema: str = typer.Argument(..., help="The report schema, e.g. cpbNationalReport5."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f"),
) -> None:
    """List the questions of a format (full titles once the BCH format is imported)."""
    use_database()
    from cpbmonitor.services.formats import UnknownSchema, questionnaire_for

    try:
        questionnaire = questionnaire_for(schema)
    except UnknownSchema as error:
        fail(str(error))
    rows = attribute_rows(questionnaire.all_questions(), QUESTION_COLUMNS)
    emit(fmt, rows, QUESTION_COLUMNS, title=schema, console=console)


@app.command("reset")
def reset(schema: str = typer.Argument(..., help="The report schema.")) -> None:
    """Forget an imported format: the shipped definition is used again."""
    use_database()
    from cpbmonitor.services.formats import reset_format

    if not reset_format(schema):
        fail(f"no imported format for {schema!r}")
    typer.echo(f"{schema}: back to the shipped definition.")
