"""Report files that cannot be checked are refused with one message: a byte-order mark is
read, the same submission twice, deep nesting and oversized files are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cpbmonitor.core.jsonfile import JsonInputError, json_items, load_json
from cpbmonitor.core.reports import ReportInputError, read_documents, read_long_table

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "reports"


def test_json_with_a_byte_order_mark_is_read() -> None:
    assert (FIXTURES / "two-reports-bom.json").read_bytes()[:3] == b"\xef\xbb\xbf"
    docs = read_documents(FIXTURES / "two-reports-bom.json")
    assert [(d.government, d.identifier) for d in docs] == [
        ("cz", "NR5-CZ-0001"),
        ("ke", "NR5-KE-0001"),
    ]
    assert docs[1].answers["Q007"].values == ("implementation.none",)


def test_csv_with_a_byte_order_mark_is_read() -> None:
    (doc,) = read_long_table(FIXTURES / "long-table-bom.csv")
    assert (doc.government, doc.schema) == ("cz", "cpbNationalReport5")
    assert doc.answers["Q007"].values == ("implementation.fullInPlace",)


def test_the_same_submission_twice_is_refused_naming_both_places() -> None:
    path = FIXTURES / "two-reports-with-problems-duplicate.json"
    with pytest.raises(ReportInputError) as info:
        read_documents(path)
    error = info.value
    assert (error.government, error.identifier) == ("cz", "NR5-CZ-0001")
    assert str(error) == (
        f"{path}: document cz/NR5-CZ-0001: document #3 is the same submission as "
        "document #1; a file may hold each submission once"
    )


def test_a_revision_of_a_document_in_the_same_file_is_not_a_duplicate(tmp_path: Path) -> None:
    raw = json.loads((FIXTURES / "two-reports-bom.json").read_text(encoding="utf-8-sig"))
    revised = json.loads(json.dumps(raw[0]))
    revised["submittedOn"] = "2026-03-01T10:00:00Z"
    path = tmp_path / "revised.json"
    path.write_text(json.dumps([*raw, revised]), encoding="utf-8")
    assert [d.identifier for d in read_documents(path)] == [
        "NR5-CZ-0001",
        "NR5-KE-0001",
        "NR5-CZ-0001",
    ]


def test_deep_nesting_is_refused_with_one_message() -> None:
    path = FIXTURES / "two-reports-with-problems-nested.json"
    with pytest.raises(ReportInputError) as info:
        read_documents(path)
    assert str(info.value) == f"{path}: document #2: nested more than 32 levels deep; refused"


def test_nesting_far_beyond_the_recursion_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    with pytest.raises(JsonInputError, match="nested more than 32 levels deep"):
        load_json(path)
    with pytest.raises(ReportInputError, match="nested more than 32 levels deep"):
        read_documents(path)


@pytest.mark.parametrize("name", ["two-reports-bom.json", "long-table-bom.csv"])
def test_a_file_over_the_size_limit_is_refused(name: str) -> None:
    path = FIXTURES / name
    size = path.stat().st_size
    reader = read_documents if name.endswith(".json") else read_long_table
    with pytest.raises(ReportInputError) as info:
        reader(path, max_bytes=size - 1)  # type: ignore[operator]
    assert str(info.value) == (
        f"{path}: the file has {size:,} bytes, over the limit of {size - 1:,} bytes "
        "(setting CPB_IMPORT_MAX_BYTES)"
    )
    assert len(reader(path, max_bytes=size)) >= 1  # type: ignore[operator]


def test_items_are_handed_out_one_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text('[{"a": [1, 2.5, null, true]}, {"b": {"c": "x"}}, 3]', encoding="utf-8")
    items = json_items(path)
    assert next(items) == (1, {"a": [1, 2.5, None, True]})
    assert next(items) == (2, {"b": {"c": "x"}})
    assert list(items) == [(3, 3)]
    single = tmp_path / "one.json"
    single.write_text('{"a": {"b": []}}', encoding="utf-8")
    assert list(json_items(single)) == [(1, {"a": {"b": []}})]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[", "document #1: cannot read JSON: premature EOF"),
        ("nonsense", "cannot read JSON: lexical error"),
    ],
)
def test_invalid_json_is_one_message(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportInputError, match=message) as info:
        read_documents(path)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("chunk", [7, 64, 1 << 20])
def test_brackets_inside_strings_do_not_count_wherever_the_file_is_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    from cpbmonitor.core import jsonfile

    monkeypatch.setattr(jsonfile, "CHUNK", chunk)
    text = '[{"a": "' + "[{" * 40 + '\\"]", "b": ["\\\\", {"c": "}}]]"}]}, {"d": 1}]'
    path = tmp_path / "strings.json"
    path.write_text(text, encoding="utf-8")
    assert [p for p, _ in json_items(path)] == [1, 2]
    assert next(json_items(path))[1]["a"] == "[{" * 40 + '"]'
    deep = tmp_path / "deep.json"
    deep.write_text('[{"a": 1}, {"a": 2}, ' + "[" * 33 + "]" * 33 + "]", encoding="utf-8")
    with pytest.raises(JsonInputError) as info:
        list(json_items(deep))
    assert (info.value.position, info.value.detail) == (
        3,
        "nested more than 32 levels deep; refused",
    )
