"""A reporting cycle added as data (``CPB_FORMATS_DIR``) with one mistake: each mistake is
one error naming the file, the item and the field.

Each test copies ``fixtures/cycle6`` (whose files are right) and spoils one file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.paths import FIXTURES

from cpbmonitor.core.formats import FormatError, crosswalk, cycles
from cpbmonitor.core.indicators import load_methodology

CYCLE6 = FIXTURES / "cycle6"
CROSSWALK_HEAD = "schema_from: cpbNationalReport6\nschema_to: cpbNationalReport5\nsame_keys: true\n"


@pytest.fixture
def spoiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sixth cycle's files, named in ``CPB_FORMATS_DIR``."""
    target = tmp_path / "cycle6"
    shutil.copytree(CYCLE6, target)
    monkeypatch.setenv("CPB_FORMATS_DIR", str(target))
    return target


def test_the_fixture_crosswalk_loads(spoiled: Path) -> None:
    walk = crosswalk("cpbNationalReport6", "cpbNationalReport5")
    assert (walk.map_question("Q207"), walk.map_question("Q113")) == ("Q007", "Q113")


def test_a_crosswalk_key_missing_from_the_newer_format(spoiled: Path) -> None:
    path = spoiled / "crosswalk-6-to-5.yaml"
    path.write_text(CROSSWALK_HEAD + "questions:\n  Q207: Q007\n  Q400: Q013\n")
    with pytest.raises(FormatError) as caught:
        crosswalk("cpbNationalReport6", "cpbNationalReport5")
    assert str(caught.value) == (
        f"{path}: questions/Q400: key: no question Q400 in cpbNationalReport6"
    )


def test_a_crosswalk_target_missing_from_the_older_format(spoiled: Path) -> None:
    path = spoiled / "crosswalk-6-to-5.yaml"
    path.write_text(CROSSWALK_HEAD + "questions:\n  Q207: Q999\n")
    with pytest.raises(FormatError) as caught:
        crosswalk("cpbNationalReport5", "cpbNationalReport6")
    assert str(caught.value) == (
        f"{path}: questions/Q207: question: no question Q999 in cpbNationalReport5"
    )


def test_a_crosswalk_key_dropped_from_the_newer_format(spoiled: Path) -> None:
    """Q138 is dropped from the sixth format: a crosswalk cannot map it."""
    path = spoiled / "crosswalk-6-to-5.yaml"
    path.write_text(CROSSWALK_HEAD + "questions:\n  Q138: Q138\n")
    with pytest.raises(FormatError, match="questions/Q138: key: no question Q138"):
        crosswalk("cpbNationalReport6", "cpbNationalReport5")


def test_cycles_repeating_a_number(spoiled: Path) -> None:
    path = spoiled / "cycles.yaml"
    path.write_text(
        path.read_text()
        + "- schema: cpbNationalReport7\n  number: 6\n  name: '7'\n  year: 2033\n"
        + "  deadline: '2033-10-01'\n"
    )
    with pytest.raises(FormatError) as caught:
        cycles()
    assert str(caught.value) == f"{path}: cycles/1: number: 6 is already known"


def test_methodology_rule_with_an_unknown_question(spoiled: Path) -> None:
    from cpbmonitor.core.yamlfile import DataFileError

    path = spoiled / "methodology-draft-2019-cycle-6.yaml"
    path.write_text(
        "plan: draft-2019\ncycle: 6\nderive_from: 5\nindicators:\n"
        "- code: B.2(c)\n  rule: Q999 = true\n"
    )
    with pytest.raises(DataFileError) as caught:
        load_methodology("draft-2019")
    message = str(caught.value)
    assert message.startswith(str(path))
    assert "indicator B.2(c): rules for cycle 6: unknown question 'Q999'" in message


def test_methodology_naming_an_unknown_indicator(spoiled: Path) -> None:
    from cpbmonitor.core.yamlfile import DataFileError

    path = spoiled / "methodology-draft-2020-cycle-6.yaml"
    path.write_text(
        "plan: draft-2020\ncycle: 6\nderive_from: 5\nindicators:\n"
        "- code: B.2(c)\n  rule: Q113 = true\n- code: B.9(z)\n  rule: Q113 = true\n"
    )
    with pytest.raises(DataFileError) as caught:
        load_methodology("draft-2020")
    assert str(caught.value) == (
        f"{path}: indicators/1: indicator B.9(z), field 'code': not an indicator of the "
        "draft-2020 methodology"
    )


def test_methodology_file_of_another_plan(spoiled: Path) -> None:
    from cpbmonitor.core.yamlfile import DataFileError

    path = spoiled / "methodology-draft-2020-cycle-6.yaml"
    path.write_text("plan: draft-2019\ncycle: 6\nderive_from: 5\n")
    with pytest.raises(DataFileError) as caught:
        load_methodology("draft-2020")
    assert str(caught.value) == f"{path}: field 'plan': 'draft-2019' is not 'draft-2020'"


def test_a_value_mapping_with_options_of_each_format(spoiled: Path) -> None:
    """The sixth format adds true.partly to Q113; unquoted YAML booleans are the options
    ``true``/``false``."""
    path = spoiled / "crosswalk-6-to-5.yaml"
    path.write_text(
        CROSSWALK_HEAD + "questions:\n  Q113:\n    question: Q113\n"
        "    value_mapping: {true: true.partly}\n"
    )
    walk = crosswalk("cpbNationalReport6", "cpbNationalReport5")
    assert walk.map_value("Q113", "true.partly") == "true"
    assert walk.map_value("Q113", "false") == "false"


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        (
            "{true.never: true.partly}",
            "'true.never' is not an option of Q113 in cpbNationalReport5 "
            "(options: true, true.some, false)",
        ),
        (
            "{true: true.mostly}",
            "'true.mostly' is not an option of Q113 in cpbNationalReport6 "
            "(options: true, true.some, false, true.partly)",
        ),
    ],
)
def test_a_value_mapping_naming_an_unknown_option(
    spoiled: Path, mapping: str, message: str
) -> None:
    path = spoiled / "crosswalk-6-to-5.yaml"
    path.write_text(
        CROSSWALK_HEAD + f"questions:\n  Q113:\n    question: Q113\n    value_mapping: {mapping}\n"
    )
    with pytest.raises(FormatError) as caught:
        crosswalk("cpbNationalReport6", "cpbNationalReport5")
    assert str(caught.value) == f"{path}: questions/Q113: value_mapping: {message}"
