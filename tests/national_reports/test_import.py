"""Importing national reports: valid documents, every kind of bad input, all-or-nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cpbmonitor.national_reports.models import Answer, NationalReport, Party
from cpbmonitor.services import reports as service
from cpbmonitor.services.parties import load_parties, read_parties
from cpbmonitor.services.reports import ImportRejected, import_reports
from tests.paths import FIXTURES

from .documents import RISK_ASSESSMENT, VALID_VALUE_ROWS, document, write

pytestmark = pytest.mark.usefixtures("world")


def counts() -> tuple[int, int]:
    return NationalReport.objects.count(), Answer.objects.count()


def test_valid_documents_are_stored_with_one_row_per_value(tmp_path: Path) -> None:
    path = write(
        tmp_path / "two.json", document("br"), document("ng", wrapped=False, identifier="NR5-NG")
    )
    result = import_reports([path])
    assert (result.created, result.updated) == (2, 0)
    assert counts() == (2, 2 * VALID_VALUE_ROWS)
    br = NationalReport.objects.get(government__iso2="br")
    assert br.complete and br.on_time and br.is_current and br.by_party
    assert br.submitted_on == dt.datetime(2025, 6, 1, 10, tzinfo=dt.UTC)
    assert br.missing_questions == []
    assert set(br.answers.filter(question="Q008").values_list("value", flat=True)) == {
        "instrument.nationalBiosafetyLaws",
        "instrument.nationalBiosafetyRegulations",
    }
    assert br.answers.get(question="Q009").text == "In the agriculture plan."
    assert set(br.answers.filter(question="Q008_a").values_list("language", flat=True)) == {
        "en",
        "fr",
    }
    ng = NationalReport.objects.get(government__iso2="ng")
    assert ng.submitted_on is None and not ng.on_time and ng.status == "submitted"


def test_import_is_idempotent(tmp_path: Path) -> None:
    path = write(tmp_path / "br.json", document("br"))
    import_reports([path])
    result = import_reports([path])
    assert (result.created, result.updated) == (0, 1)
    assert counts() == (1, VALID_VALUE_ROWS)


def test_incomplete_report_lists_missing_questions(tmp_path: Path) -> None:
    import_reports([write(tmp_path / "br.json", document("br", drop=("Q009", "Q123")))])
    report = NationalReport.objects.get()
    assert not report.complete
    assert report.missing_questions == ["Q009", "Q123"]


def test_disabled_mandatory_questions_need_no_answer(tmp_path: Path) -> None:
    doc = document("br", answers={"Q122": {"value": "false"}}, drop=("Q123", "Q124"))
    import_reports([write(tmp_path / "br.json", doc)])
    assert NationalReport.objects.get().complete


def test_late_report_is_not_on_time(tmp_path: Path) -> None:
    import_reports([write(tmp_path / "br.json", document("br", submitted="2026-03-01"))])
    assert not NationalReport.objects.get().on_time


BAD_INPUTS = {
    "unknown-question": ({"Q999": {"value": "true"}}, "Q999", "is not a question"),
    "unknown-option": (
        {"Q007": {"value": "implementation.maybe"}},
        "'implementation.maybe'",
        "is not an option of Q007",
    ),
    "several-values": (
        {
            "Q007": [
                {"value": "implementation.fullInPlace"},
                {"value": "implementation.partiallyInPlace"},
            ]
        },
        "Q007",
        "several values for a single choice",
    ),
    "exclusive-combined": (
        {"Q008": [{"value": "instrument.none"}, {"value": "instrument.nationalBiosafetyLaws"}]},
        "'instrument.none'",
        "exclusive option",
    ),
    "disabled": ({"Q122": {"value": "false"}, "Q124": {"value": "true"}}, "Q124", "disabled"),
    "wrong-type": ({"Q008_a": {"value": "true"}}, "Q008_a", "expects text"),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_document_rejects_the_whole_import(tmp_path: Path, kind: str) -> None:
    answers, shown, message = BAD_INPUTS[kind]
    good = write(tmp_path / "good.json", document("ng"))
    bad = write(
        tmp_path / f"{kind}.json",
        document("eu"),
        document("br", identifier="NR5-BAD", answers=answers),
    )
    before = counts()
    with pytest.raises(ImportRejected) as caught:
        import_reports([good, bad])
    assert counts() == before == (0, 0)
    text = str(caught.value)
    assert f"{bad}: br/NR5-BAD: " in text and shown in text and message in text
    assert "good.json" not in text


def test_skip_invalid_imports_the_valid_documents(tmp_path: Path) -> None:
    bad_answers = BAD_INPUTS["unknown-option"][0]
    path = write(
        tmp_path / "mixed.json",
        document("ng"),
        document("br", identifier="NR5-BAD", answers=bad_answers),
    )
    result = import_reports([path], skip_invalid=True)
    assert result.created == 1
    assert list(NationalReport.objects.values_list("government__iso2", flat=True)) == ["ng"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot read JSON"),
        (json.dumps({"body": {"government": {"identifier": "br"}}}), "missing 'header'"),
    ],
)
def test_unreadable_file_is_rejected(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content)
    with pytest.raises(ImportRejected, match=message):
        import_reports([path])
    assert counts() == (0, 0)


def test_unknown_government_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(ImportRejected, match="unknown government code 'xx'"):
        import_reports([write(tmp_path / "xx.json", document("xx"))])


@pytest.mark.django_db(transaction=True)  # the import's own transaction is the outermost
def test_failure_in_the_middle_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "three.json", document("br"), document("ng"), document("eu"))
    real = service.answer_rows
    calls = []

    def failing(doc):  # the second document fails after the first was written
        calls.append(doc)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(doc)

    monkeypatch.setattr(service, "answer_rows", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        import_reports([path])
    assert len(calls) == 2
    assert counts() == (0, 0)


def test_newer_submission_supersedes_and_keeps_history(tmp_path: Path) -> None:
    first = document("br", identifier="NR5-BR", submitted="2025-01-10T08:00:00Z", drop=("Q009",))
    second = document("br", identifier="NR5-BR", submitted="2025-09-01T08:00:00Z")
    import_reports([write(tmp_path / "second.json", second)])
    import_reports([write(tmp_path / "first.json", first)])  # older, imported later
    old, new = NationalReport.objects.order_by("submitted_on")
    assert (old.is_current, new.is_current) == (False, True)
    assert old.superseded_by == new and not old.complete and new.complete
    assert NationalReport.objects.current().for_cycle(5).get() == new
    assert NationalReport.objects.superseded().get() == old


def test_report_from_a_non_party_is_stored_and_flagged(tmp_path: Path) -> None:
    result = import_reports(
        [write(tmp_path / "ar.json", document("ar")), write(tmp_path / "br.json", document("BRA"))]
    )
    assert result.non_party == ["ar/NR5-AR-2025-06-01"]
    assert set(NationalReport.objects.by_parties().values_list("government__iso2", flat=True)) == {
        "br"
    }
    assert NationalReport.objects.by_non_parties().get().government.iso2 == "ar"


def test_party_flags_follow_the_list_of_parties(tmp_path: Path) -> None:
    import_reports([write(tmp_path / "sl.json", document("sl", submitted="2019-05-01"))])
    assert not NationalReport.objects.get().by_party  # Sierra Leone joined in 2020
    records = read_parties(FIXTURES / "national_reports" / "parties-tiny.csv")
    for record in records:
        if record.iso2 == "sl":
            record.cp_party_since = dt.date(2019, 1, 1)
    load_parties(records)
    assert NationalReport.objects.get().by_party
    assert Party.objects.get(iso2="sl").cp_party_since == dt.date(2019, 1, 1)


def test_long_table_csv(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(
        "government,schema,question,value,submitted_on,additional\n"
        "BR,cpbNationalReport5,Q007,implementation.fullInPlace,2025-06-01,\n"
        "BR,cpbNationalReport5,Q008,instrument.nationalBiosafetyLaws,2025-06-01,\n"
        "BR,cpbNationalReport5,Q008,instrument.nationalBiosafetyRegulations,2025-06-01,\n"
        "BR,cpbNationalReport5,Q009,true.some,2025-06-01,In the agriculture plan\n"
        "BR,cpbNationalReport5,Q122,true,2025-06-01,\n"
        f"BR,cpbNationalReport5,Q123,{RISK_ASSESSMENT},2025-06-01,\n"
        "BR,cpbNationalReport5,Q124,false,2025-06-01,\n",
        encoding="utf-8",
    )
    result = import_reports([path])
    assert result.created == 1
    report = NationalReport.objects.get()
    assert report.government.iso2 == "br" and report.complete and report.on_time
    assert report.answers.count() == 7


def test_long_table_xlsx_with_problems(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["government", "schema", "question", "value", "submitted_on"])
    sheet.append(["ng", "cpbNationalReport5", "Q007", "implementation.unknown", "2025-06-01"])
    path = tmp_path / "long-with-problems.xlsx"
    workbook.save(path)
    with pytest.raises(ImportRejected, match=r"'implementation\.unknown' is not an option"):
        import_reports([path])
    assert counts() == (0, 0)
