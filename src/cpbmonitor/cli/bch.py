"""`cpb bch`: harvesting from the Biosafety Clearing-House.

`cpb bch sync` harvests national reports (and with `--records` the BCH records) new or
changed since the last successful sync; `cpb bch runs` lists the recorded runs;
`cpb bch quarantine` the documents the sync refused, with their errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape
from rich.progress import Progress, TaskID

from cpbmonitor.cli.db import use_database
from cpbmonitor.cli.errors import err_console, fail, progress_bar
from cpbmonitor.cli.output import OutputFormat, attribute_rows, emit

if TYPE_CHECKING:
    from cpbmonitor.bch.models import SyncRun

app = typer.Typer(help="Harvest national reports and records from the BCH.", no_args_is_help=True)

RUN_COLUMNS = (
    "id", "started_at", "finished_at", "status", "url",
    "fetched", "new", "revised", "unchanged", "refused", "retried",
)  # fmt: skip
QUARANTINE_COLUMNS = ("identifier", "schema", "government", "updated", "run_id", "error")


class _Bar:
    """The shared progress bar, one task per schema."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task: TaskID | None = None

    def planned(self, label: str, total: int) -> None:
        self.task = self.progress.add_task(f"BCH {label}", total=total)

    def advance(self) -> None:
        if self.task is not None:
            self.progress.advance(self.task)


@app.command("sync")
def sync(
    url: str | None = typer.Option(None, "--url", help="BCH API base URL (else CPB_BCH_URL)."),
    cycle: str | None = typer.Option(None, "--cycle", help="Only this cycle (number or name)."),
    schema: str | None = typer.Option(None, "--schema", help="Only this report schema."),
    records: bool = typer.Option(False, "--records", help="Also the BCH records and counts."),
    full: bool = typer.Option(
        False, "--full", help="List the whole index and fetch quarantined documents again."
    ),
) -> None:
    """Harvest national reports of every cycle whose format is installed (fetching only
    what is new or changed since the last successful sync); refused documents go to the
    quarantine. Settings: CPB_BCH_URL, CPB_BCH_CONCURRENCY, CPB_BCH_RETRIES,
    CPB_BCH_TIMEOUT, CPB_BCH_BACKOFF, CPB_BCH_MAX_BACKOFF, CPB_BCH_PAGE_SIZE, CPB_BCH_BATCH
    (see the README)."""
    from cpbmonitor.core.bch.settings import BchSettings, SettingsError

    if cycle and schema:
        fail("give --cycle or --schema, not both")
    try:
        settings = BchSettings.from_env(url=url)
    except SettingsError as error:
        fail(str(error))
    use_database()
    from cpbmonitor.services.bch import SyncRefused, schemas_to_sync
    from cpbmonitor.services.bch import sync as run_sync

    try:
        schemas = schemas_to_sync(cycle, schema)
        with progress_bar() as progress:
            run = run_sync(
                settings, schemas, records=records, retry_quarantined=full, progress=_Bar(progress)
            )
    except SyncRefused as error:
        fail(str(error))
    except KeyboardInterrupt:
        fail("interrupted: what was stored is kept; run `cpb bch sync` again to go on", 130)
    _summary(run)


def _summary(run: SyncRun) -> None:
    for error in run.errors:
        err_console.print(f"[yellow]error:[/] {escape(error)}", soft_wrap=True, highlight=False)
    typer.echo(
        f"BCH sync {run.pk} {run.status}: fetched {run.fetched}, new {run.new}, "
        f"revised {run.revised}, unchanged {run.unchanged}, refused {run.refused}"
        + (" (see `cpb bch quarantine`)" if run.refused else "")
        + (f"; {len(run.errors)} error(s)" if run.errors else "")
    )
    if run.errors:
        raise typer.Exit(1)


@app.command("runs")
def runs(
    limit: int = typer.Option(20, "--limit", min=1, help="How many runs, newest first."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format"),
) -> None:
    """The recorded sync runs: when, status, counts."""
    use_database()
    from cpbmonitor.services.bch import runs as recorded

    rows = attribute_rows(recorded(limit), ["pk", *RUN_COLUMNS[1:], "errors"])
    for row in rows:
        row["id"] = row.pop("pk")
    emit(fmt, rows, RUN_COLUMNS, title="BCH sync runs")


@app.command("quarantine")
def quarantine(
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format"),
    resolved: bool = typer.Option(
        False, "--resolved", help="Also those since stored in a later version."
    ),
) -> None:
    """The documents the sync refused, with their errors (the document itself in JSON)."""
    use_database()
    from cpbmonitor.services.bch import quarantined

    rows = quarantined(include_resolved=resolved)
    full: list[dict[str, Any]] = attribute_rows(rows, QUARANTINE_COLUMNS)
    json_rows = [
        {**row, "resolved_at": item.resolved_at, "document": item.document}
        for row, item in zip(full, rows, strict=True)
    ]
    shown = full if fmt is not OutputFormat.table else [_first_problem(row) for row in full]
    emit(fmt, shown, QUARANTINE_COLUMNS, title="BCH quarantine", json_data=json_rows)


def _first_problem(row: dict[str, Any]) -> dict[str, Any]:
    """In a table, an error's first line and how many more (the JSON has them all)."""
    first, *more = str(row["error"]).splitlines() or [""]
    return {**row, "error": first + (f" (+{len(more)} more)" if more else "")}
