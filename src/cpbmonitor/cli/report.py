"""`cpb report evaluation`: the evaluation report (assessment and review) generated from
the stored data (reports, records, milestones, the plan's linkages), as a Word, HTML,
Excel or PDF file chosen by the output's suffix."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import typer

from cpbmonitor import conf
from cpbmonitor.cli.db import use_database
from cpbmonitor.cli.errors import err_console, fail, progress_bar
from cpbmonitor.core.evaluation import Renderer, RendererError, renderer_for_path, section_count

app = typer.Typer(help="Documents generated from the data.", no_args_is_help=True)


@app.command("evaluation")
def evaluation(
    output: Path = typer.Option(
        ..., "--output", "-o", help="File to write: .docx, .html, .xlsx or .pdf."
    ),
    plan_id: str = typer.Option(
        conf.default("CPB_PLAN_VERSION"), "--plan", "-p", help="Plan version id."
    ),
    cycle: int = typer.Option(
        conf.default("CPB_DEFAULT_CYCLE"), "--cycle", "-c", help="The cycle measured."
    ),
    baseline: int = typer.Option(
        conf.default("CPB_DEFAULT_BASELINE"), "--baseline", "-b", help="The baseline cycle."
    ),
    threshold: float = typer.Option(
        conf.default("CPB_CHANGE_THRESHOLD"), help="Change in points that counts as a change."
    ),
) -> None:
    """The evaluation of a plan version: reporting, every goal with its table, chart,
    findings and linkages, the stored capacity-building needs with their coverage and
    gaps, the stored milestones with their status, and the methodology of every
    indicator. Labelled as demonstration data when any of the data used is."""
    renderer = pick_renderer(output)
    use_database()
    from cpbmonitor.core.indicators import Settings
    from cpbmonitor.core.plan import PlanDataError
    from cpbmonitor.national_reports.models import ReportingCycle
    from cpbmonitor.services.evaluation_report import evaluation_document

    with progress_bar() as progress:
        task = progress.add_task("evaluation report", total=section_count() + 2)
        try:
            document = evaluation_document(
                plan_id,
                cycle,
                baseline,
                Settings(threshold),
                tick=lambda key: progress.update(task, advance=1, description=key),
            )
            progress.update(task, description=f"writing {renderer.name}")
            content = renderer.write(document)
        except (PlanDataError, ReportingCycle.DoesNotExist, LookupError, RendererError) as error:
            progress.stop()
            fail(str(error))
        progress.advance(task)
    if document.demonstration:
        err_console.print(f"[bold yellow]{document.demonstration}.[/]", highlight=False)
    write_whole(output, content)
    typer.echo(f"wrote {output} ({len(content):,} bytes)")


def pick_renderer(output: Path) -> Renderer:
    """The renderer for ``output``'s suffix, able to run here; else one clear error."""
    try:
        renderer = renderer_for_path(output)
    except RendererError as error:
        fail(str(error))
    missing = renderer.missing()
    if missing:
        fail(missing)
    if not output.parent.is_dir():
        fail(f"cannot write {output}: folder {output.parent} does not exist")
    return renderer


def write_whole(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder, so a
    failure never leaves half a file."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        fail(f"cannot write {path}: {error}")
