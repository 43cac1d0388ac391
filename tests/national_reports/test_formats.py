"""Formats: the shipped definition by default, an imported BCH format when there is one."""

from __future__ import annotations

from pathlib import Path

import pytest

from cpbmonitor.core.formats import FormatError
from cpbmonitor.national_reports.models import NationalReport, ReportingFormat
from cpbmonitor.services.cycles import sync_cycles
from cpbmonitor.services.formats import (
    UnknownSchema,
    import_format,
    list_formats,
    questionnaire_for,
    reset_format,
)
from cpbmonitor.services.parties import load_parties, read_parties
from cpbmonitor.services.reports import import_reports
from tests.paths import FIXTURES, FORMATS

from .documents import SCHEMA, TINY_FORMAT, document, write

pytestmark = pytest.mark.django_db


def test_shipped_definition_until_a_format_is_imported() -> None:
    sync_cycles()
    shipped_title = questionnaire_for(SCHEMA).question("Q007").title
    import_format(TINY_FORMAT, SCHEMA)
    assert questionnaire_for(SCHEMA).question("Q007").title.startswith("Full title")
    assert {f.schema: f.source for f in list_formats()}[SCHEMA] == "imported"
    assert reset_format(SCHEMA)
    assert questionnaire_for(SCHEMA).question("Q007").title == shipped_title


def test_reimport_replaces() -> None:
    import_format(TINY_FORMAT, SCHEMA)
    import_format(TINY_FORMAT, SCHEMA)
    assert ReportingFormat.objects.count() == 1


def test_bad_format_names_file_item_and_field() -> None:
    bad = FIXTURES / "national_reports" / "format-tiny-with-problems-bad-type.json"
    with pytest.raises(FormatError, match=r"question Q007: type: unknown question type"):
        import_format(bad, SCHEMA)
    assert not ReportingFormat.objects.exists()


def test_unknown_schema() -> None:
    with pytest.raises(UnknownSchema, match="cpbNationalReport9"):
        import_format(TINY_FORMAT, "cpbNationalReport9")


def test_reports_against_the_shipped_subset_tolerate_unlisted_questions(tmp_path: Path) -> None:
    """The shipped definition has only the questions the project uses: a question it does
    not list is not an error, but a bad option of a listed question is."""
    load_parties(read_parties(FIXTURES / "national_reports" / "parties-tiny.csv"))
    doc = document("br", answers={"Q999": {"value": "true"}})
    import_reports([write(tmp_path / "br.json", doc)])
    report = NationalReport.objects.get()
    assert not report.complete  # the shipped definition has many more mandatory questions
    assert report.answers.filter(question="Q999").exists()


@pytest.mark.skipif(not (FORMATS / f"{SCHEMA}.json").exists(), reason="no shared reference")
def test_real_bch_format_imports() -> None:
    import_format(FORMATS / f"{SCHEMA}.json", SCHEMA)
    questionnaire = questionnaire_for(SCHEMA)
    assert len(questionnaire.all_questions()) > 159
    assert questionnaire.question("Q123").type == "term"
