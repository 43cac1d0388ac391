"""`cpb plan` commands, run as a user would."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from tests.paths import FIXTURES

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def test_list() -> None:
    result = run("plan", "list")
    assert result.exit_code == 0
    assert "draft-2019" in result.output and "draft-2020" in result.output


def test_show_indicator_names_its_objectives() -> None:
    result = run("plan", "show", "A.1(b)")
    assert result.exit_code == 0
    assert "measures" in result.output and "A.1.2" in result.output


def test_show_tree_shows_every_link() -> None:
    result = run("plan", "show", "--plan", "draft-2019")
    assert result.exit_code == 0
    assert result.output.count("-> ") == 39


def test_show_unknown_code() -> None:
    result = run("plan", "show", "Z.9")
    assert result.exit_code == 1
    assert "draft-2020 has no goal, objective or indicator 'Z.9'" in result.output


def test_check_prints_grouped_findings() -> None:
    result = run("plan", "check")
    assert result.exit_code == 0
    assert "draft-2019: 4 findings" in result.output
    assert "Objectives that no indicator measures: 2" in result.output


def test_check_bad_file_exits_1_with_one_message() -> None:
    path = FIXTURES / "plan" / "tiny-with-problems-duplicate-code.yaml"
    result = run("plan", "check", "--file", str(path))
    assert result.exit_code == 1
    assert "duplicated code A.1.1" in result.output
    assert "Traceback" not in result.output


def test_export_json_to_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    result = run("plan", "export", "--plan", "draft-2019", "--format", "json", "-o", str(out))
    assert result.exit_code == 0
    data = json.loads(out.read_text())
    assert sum(len(g["indicators"]) for s in data["sections"] for g in s["goals"]) == 39


def test_export_unknown_format() -> None:
    result = run("plan", "export", "--format", "pdf")
    assert result.exit_code == 1
    assert "unknown format 'pdf'" in result.output
