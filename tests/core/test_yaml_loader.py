"""Data files are read with the C YAML loader when PyYAML has it, with the same data as
the pure-Python loader gives, and errors still name the line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cpbmonitor.core import yamlfile

SOURCE = Path(yamlfile.__file__).resolve().parent.parent
DATA_FILES = sorted(SOURCE.rglob("*.yaml"))


def test_the_c_loader_is_used_when_pyyaml_has_it() -> None:
    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML was built without libyaml")
    assert yamlfile.SafeLoader is yaml.CSafeLoader


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_every_data_file_reads_the_same_with_either_loader(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert yamlfile.parse_yaml(text) == yaml.load(text, Loader=yaml.SafeLoader)


def test_the_shipped_data_files_are_all_checked() -> None:
    names = {p.name for p in DATA_FILES}
    assert {"methodology-draft-2020.yaml", "cpbNationalReport5.yaml"} <= names
    assert len(DATA_FILES) >= 10


def test_an_error_still_names_the_line(tmp_path: Path) -> None:
    from pydantic import BaseModel

    class Goal(BaseModel):
        code: str
        weight: int

    class Plan(BaseModel):
        goals: list[Goal]

    path = tmp_path / "plan.yaml"
    path.write_text("goals:\n  - code: A.1\n    weight: 1\n  - code: A.2\n    weight: heavy\n")
    with pytest.raises(yamlfile.DataFileError) as caught:
        yamlfile.load_model(path, Plan)
    assert caught.value.line == 5
    assert "goal A.2, field 'weight'" in str(caught.value)
    path.write_text("goals: [unclosed\n")
    with pytest.raises(yamlfile.DataFileError, match="not valid YAML") as broken:
        yamlfile.load_model(path, Plan)
    assert broken.value.line == 2
