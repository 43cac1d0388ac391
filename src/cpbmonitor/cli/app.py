"""The ``cpb`` command: a thin layer over the core and the Django apps.

Each command group lives in its own module and exposes a ``typer.Typer`` named
``app``; ``COMMAND_GROUPS`` is the registry of groups, mounted here by name.
"""

from __future__ import annotations

import importlib
from typing import Any

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
    "bch": "cpbmonitor.cli.bch",
    "evaluations": "cpbmonitor.cli.evaluations",
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


def _single_command(group: typer.Typer) -> Any:
    """The function of a group that is one command (a callback and no sub-command), or
    ``None``: such a group is mounted as a plain command, so its usage line does not
    promise a ``COMMAND``."""
    callback = group.registered_callback.callback if group.registered_callback else None
    if group.registered_commands or group.registered_groups:
        return None
    return callback


def _mount_groups() -> None:
    for name, module_name in COMMAND_GROUPS.items():
        module = importlib.import_module(module_name)
        command = _single_command(module.app)
        if command is None:
            app.add_typer(module.app, name=name)
        else:
            app.command(name, help=command.__doc__ or module.app.info.help)(command)


_mount_groups()


def main() -> None:
    app()
