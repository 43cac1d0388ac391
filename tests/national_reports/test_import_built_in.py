"""A fresh install (no `cpb formats import`): reports are checked against the complete
built-in formats, and files that cannot be checked are refused; nothing is written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cpbmonitor.national_reports.models import Answer, NationalReport
from cpbmonitor.services.formats import reset_format
from cpbmonitor.services.reports import ImportRejected, import_reports
from tests.paths import FIXTURES

from .documents import SCHEMA, document, write

REPORTS = FIXTURES / "reports"
FIRST = {
    "Q007": {"value": "implementation.partiallyInPlace"},
    "Q008": [{"value": "instrument.nationalBiosafetyLaws"}],
    "Q009": {"value": "false"},
}
"""A start of a fifth report; ``document`` adds Q122 (Yes), Q123 and Q124."""


@pytest.fixture(autouse=True)
def built_in(world: None) -> None:
    reset_format(SCHEMA)  # the tiny format imported by ``world`` is forgotten


def counts() -> tuple[int, int]:
    return NationalReport.objects.count(), Answer.objects.count()


BAD = {
    "unknown key": ({"Q999": {"value": "true"}}, "Q999: Q999 is not a question of " + SCHEMA),
    "option not in the list": (
        {"Q014": {"value": "maybe"}},
        "Q014: 'maybe': 'maybe' is not an option of Q014",
    ),
    "option for a free-text question": (
        {"Q015": {"value": "true"}},
        "Q015: 'true': a choice given where lstring expects text",
    ),
    "answer to a disabled question": (
        {"Q010": {"value": "false"}, "Q010_adq": {"value": "true"}},
        "Q010_adq: 'true': Q010_adq is answered but disabled by its conditions",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_document_is_refused_naming_file_document_question_value(
    tmp_path: Path, kind: str
) -> None:
    answers, problem = BAD[kind]
    path = write(
        tmp_path / "bad.json",
        document("ng", answers=FIRST),
        document("br", identifier="NR5-BAD", answers={**FIRST, **answers}),
    )
    with pytest.raises(ImportRejected) as caught:
        import_reports([path])
    assert str(caught.value).splitlines()[1:] == [f"  {path}: br/NR5-BAD: {problem}"]
    assert counts() == (0, 0)


def test_completeness_counts_every_mandatory_question_of_the_format(tmp_path: Path) -> None:
    """Q122 Yes enables Q123 and Q124 (answered). Every other mandatory question that no
    condition disables is missing, worked out from the BCH file: 81 questions, 9
    sub-sections with none of their sub-questions answered, and 41 sub-questions (131); a
    question whose controller is unanswered (Q012 under Q011) needs no answer."""
    import_reports([write(tmp_path / "br.json", document("br", answers=FIRST))])
    report = NationalReport.objects.get()
    assert not report.complete
    assert report.missing_questions[:6] == ["Q010", "Q011", "Q014", "Q016", "Q017", "Q018"]
    assert len(report.missing_questions) == 131
    assert "Q012" not in report.missing_questions  # disabled until Q011 is Yes


def test_the_same_submission_in_two_files_is_refused_naming_both(tmp_path: Path) -> None:
    one = write(tmp_path / "one.json", document("br", answers=FIRST))
    two = write(tmp_path / "two.json", document("ng", answers=FIRST), document("br", answers=FIRST))
    with pytest.raises(ImportRejected) as caught:
        import_reports([one, two])
    expected = f"document #2 is the same submission as {one}: document #1"
    assert f"{two}: br/NR5-BR-2025-06-01: {expected}" in str(caught.value)
    assert counts() == (0, 0)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "two-reports-with-problems-duplicate.json",
            "{file}: cz/NR5-CZ-0001: document #3 is the same submission as document #1",
        ),
        ("two-reports-with-problems-nested.json", "document #2: nested more than 32 levels deep"),
    ],
)
def test_files_with_problems_are_refused_with_one_message(name: str, message: str) -> None:
    with pytest.raises(ImportRejected) as caught:
        import_reports([REPORTS / name])
    assert message.format(file=REPORTS / name) in str(caught.value)
    assert "Traceback" not in str(caught.value)
    assert counts() == (0, 0)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path, settings) -> None:
    path = write(tmp_path / "br.json", document("br", answers=FIRST))
    settings.CPB_IMPORT_MAX_BYTES = 100
    size = path.stat().st_size
    with pytest.raises(ImportRejected) as caught:
        import_reports([path])
    assert f"{path}: the file has {size:,} bytes, over the limit of 100 bytes" in str(caught.value)
    assert counts() == (0, 0)
    settings.CPB_IMPORT_MAX_BYTES = size
    assert import_reports([path]).created == 1


def test_json_with_a_byte_order_mark_is_imported(tmp_path: Path) -> None:
    data = json.loads((REPORTS / "two-reports-bom.json").read_text(encoding="utf-8-sig"))
    assert [d["body"]["government"]["identifier"] for d in data] == ["cz", "ke"]
    path = tmp_path / "with-bom.json"
    shutil.copy(REPORTS / "two-reports-bom.json", path)
    text = path.read_bytes().replace(b'"cz"', b'"br"').replace(b'"ke"', b'"ng"')
    path.write_bytes(text)
    assert import_reports([path]).created == 2
    assert sorted(NationalReport.objects.values_list("government__iso2", flat=True)) == [
        "br",
        "ng",
    ]
