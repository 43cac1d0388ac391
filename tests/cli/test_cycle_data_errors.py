"""`cpb evaluate --cycles 4,5,6` when a file of a cycle added as data is wrong: one
message naming the file, the item and the field, exit code 1, no traceback, nothing on
standard output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from tests.paths import FIXTURES

CYCLE6 = FIXTURES / "cycle6"
SPOILED = {
    "crosswalk-6-to-5.yaml": (
        "schema_from: cpbNationalReport6\nschema_to: cpbNationalReport5\nsame_keys: true\n"
        "questions:\n  Q207: Q007\n  Q400: Q013\n",
        "crosswalk-6-to-5.yaml: questions/Q400: key: no question Q400 in cpbNationalReport6",
    ),
    "methodology-draft-2020-cycle-6.yaml": (
        "plan: draft-2020\ncycle: 6\nderive_from: 5\nindicators:\n"
        "- code: B.2(c)\n  rule: Q999 = true\n",
        "indicator B.2(c): rules for cycle 6: unknown question 'Q999'",
    ),
    "cycles.yaml": (
        "cycles:\n- {schema: cpbNationalReport6, number: 6, name: '6', year: 2029, "
        "deadline: '2029-10-01'}\n- {schema: cpbNationalReport7, number: 6, name: '7', "
        "year: 2033, deadline: '2033-10-01'}\n",
        "cycles.yaml: cycles/1: number: 6 is already known",
    ),
}


@pytest.mark.parametrize("name", sorted(SPOILED))
def test_one_clear_message(name: str, tmp_path: Path, db) -> None:
    target = tmp_path / "cycle6"
    shutil.copytree(CYCLE6, target)
    text, expected = SPOILED[name]
    (target / name).write_text(text)
    result = CliRunner().invoke(
        app,
        ["evaluate", "--cycles", "4,5,6", "-f", "json"],
        env={"CPB_FORMATS_DIR": str(target), "COLUMNS": "300"},
    )
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert str(target) in result.output
    assert expected in " ".join(result.output.split())
