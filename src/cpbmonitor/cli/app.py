"""The ``cpb`` command: a thin layer over the core and the Django apps.

Each command group lives in its own module and exposes a ``typer.Typer`` named
``app``; ``COMMAND_GROUPS`` is the registry of groups, mounted here by name.
"""

from __future__ import annotations

import importlib

import typer

from cpbmonitor import __version__

COMMAND_GROUPS: dict[str, str] = {
    "plan": "cpbmonitor.cli.plan",
    "db": "cpbmonitor.cli.db",
    "parties": "cpbmonitor.cli.parties",
    "formats": "cpbmonitor.cli.formats",
    "import": "cpbmonitor.cli.imports",
    "reports": "cpbmonitor.cli.reports",
    "records": "cpbmonitor.cli.records",
    "demo": "cpbmonitor.cli.demo",
    "serve": "cpbmonitor.cli.serve",
    "evaluate": "cpbmonitor.cli.evaluate",
    "analyze": "cpbmonitor.cli.analyze",
    "scorecard": "cpbmonitor.cli.scorecard",
    "report": "cpbmonitor.cli.report",
    "capacity": "cpbmonitor.cli.capacity",
    "run": "cpbmonitor.cli.run",
    "milestones": "cpbmonitor.cli.milestones",
    "progress": "cpbmonitor.cli.progress",
}
"""Group name -> module holding a ``typer.Typer`` called ``app``."""

app = typer.Typer(
    name="cpb",
    help="CPB Monitor: the Cartagena Protocol Implementation Plan, measured.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
) -> None:
    if version:
        typer.echo(__version__)
        raise typer.Exit()


def _mount_groups() -> None:
    for name, module_name in COMMAND_GROUPS.items():
        module = importlib.import_module(module_name)
        app.add_typer(module.app, name=name)


_mount_groups()


def main() -> None:
    app()
