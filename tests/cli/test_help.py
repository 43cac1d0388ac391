"""Commands without sub-commands show a usage line without ``COMMAND [ARGS]...``
(item 20 of the hardening issue)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from cpbmonitor.cli.app import COMMAND_GROUPS, app

runner = CliRunner()


@pytest.mark.parametrize("name", ["run", "serve", "evaluate", "scorecard"])
def test_single_commands_take_no_command(name):
    result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    usage = result.output.strip().splitlines()[0].strip()
    assert usage == f"Usage: cpb {name} [OPTIONS]"


def test_groups_still_take_commands():
    result = runner.invoke(app, ["plan", "--help"], env={"COLUMNS": "100"})
    assert "Usage: cpb plan [OPTIONS] COMMAND [ARGS]..." in result.output
    assert set(COMMAND_GROUPS) >= {"run", "serve", "evaluate", "scorecard", "plan"}
