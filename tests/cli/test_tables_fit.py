"""Every table the CLI prints fits 80 columns when the output is not a terminal and
``COLUMNS`` is unset (item 19 of the hardening issue): columns are wrapped, or rows
stacked as ``column: value`` lines, and no cell is cut short with an ellipsis. Run over the
demonstration data, whose notes and titles are long."""

from __future__ import annotations

from typing import Any

import pytest
import typer.main
from django.db import transaction
from rich.cells import cell_len
from typer.testing import CliRunner

from cpbmonitor.cli.app import app

runner = CliRunner()

TABLES: dict[str, list[str]] = {
    "plan list": [],
    "plan linkages": [],
    "parties list": [],
    "formats list": [],
    "formats show": ["cpbNationalReport5"],
    "reports status": ["--cycle", "5"],
    "records types": [],
    "records list": ["--type", "decision"],
    "evaluate": ["--cycle", "5", "--baseline", "4"],
    "analyze question": ["Q007", "--cycle", "5", "--compare"],
    "scorecard": ["--party", "br"],
    "capacity needs": ["--compare"],
    "capacity assessment": ["--parties"],
    "capacity coverage": [],
    "capacity gaps": [],
    "capacity match": ["--party", "br"],
    "milestones list": [],
    "milestones status": [],
    "bch runs": [],
    "bch quarantine": [],
    "progress": [],
    "capacity contribution": [],
    "evaluations list": [],
    "evaluations show": ["mid-term-evaluation-2026"],
    "evaluations compare": ["mid-term-evaluation-2026", "final-evaluation-2030"],
}
"""Every command that prints a table, with arguments that give it rows."""


def _harvest_with_problems() -> None:
    """A BCH sync run that ended with errors and quarantined a document, with long
    messages, so that the ``bch`` tables have rows to fit."""
    import datetime as dt

    from cpbmonitor.bch.models import QuarantinedDocument, SyncRun

    at = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)
    run = SyncRun.objects.create(
        started_at=at,
        finished_at=at + dt.timedelta(minutes=3),
        status="failed",
        url="http://127.0.0.1:9/a/rather/long/path/to/a/local/fake/of/the/bch/api",
        schemas=["cpbNationalReport4", "cpbNationalReport5"],
        fetched=212,
        new=200,
        refused=1,
        errors=["cpbNationalReport5 NR5-BR: GET /api/v2013/documents/NR5-BR: HTTP 503"],
    )
    QuarantinedDocument.objects.create(
        identifier="NR5-SL-0123456789ABCDEF",
        schema="cpbNationalReport5",
        government="sl",
        updated=at,
        document={"header": {"schema": "cpbNationalReport5"}},
        error="BCH cpbNationalReport5 NR5-SL: document sl/NR5-SL: question Q007: "
        "value 'not an answer': unreadable answer",
        run=run,
    )


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        result = runner.invoke(app, ["demo", "load"], env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        _harvest_with_problems()
        for name in ("Mid-term evaluation 2026", "Final evaluation 2030"):
            made = runner.invoke(app, ["evaluations", "create", name], env={"COLUMNS": "200"})
            assert made.exit_code == 0, made.output
        yield
        transaction.set_rollback(True)


def _commands(group: Any, prefix: str = "") -> dict[str, Any]:
    """Every leaf command of a (Typer's own click) group, by its path."""
    found: dict[str, Any] = {}
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        if hasattr(command, "commands"):
            found.update(_commands(command, path + " "))
        else:
            found[path] = command
    return found


def test_every_command_with_a_table_format_is_checked():
    commands = _commands(typer.main.get_command(app))
    with_table = {
        path
        for path, command in commands.items()
        for param in command.params
        if "--format" in param.opts and "table" in str(param.default)
    }
    assert with_table - set(TABLES) == set()
    assert set(TABLES) <= set(commands)


@pytest.mark.parametrize("command", TABLES)
def test_table_fits_80_columns(demo, db, command):
    result = runner.invoke(app, [*command.split(), *TABLES[command]], env={"COLUMNS": None})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) > 3
    assert [line for line in lines if cell_len(line) > 80] == []
    assert "…" not in result.stdout
