"""Read report documents from files: BCH JSON, or a long table (CSV or XLSX).

A long table has one row per answer value, with the columns
``government, schema, question, value, submitted_on`` (and optionally ``additional``
for the text of an option, and ``language``, default ``en``). Rows are grouped into one
document per government and schema, identified as ``{schema}-{government}``. The
questionnaire of the schema (given, or else the shipped definition) tells whether a
value is a choice, a text or an integer; unknown questions are read as choices.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cpbmonitor.core.formats import SHIPPED_SCHEMAS, Question, Questionnaire, shipped_format
from cpbmonitor.core.jsonfile import DEFAULT_MAX_BYTES, JsonInputError, check_size, json_items
from cpbmonitor.core.reports.document import (
    Answer,
    ReportDocument,
    _Context,
    parse_datetime,
    parse_document,
)
from cpbmonitor.core.reports.errors import ReportInputError

REQUIRED_COLUMNS = ("government", "schema", "question", "value", "submitted_on")


def iter_documents(
    path: str | Path, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> Iterator[tuple[int, ReportDocument]]:
    """``(position, document)`` for each document of a JSON file holding one document or a
    list of them, read as a stream (positions count from 1)."""
    for position, _raw, document in iter_raw_documents(path, max_bytes):
        yield position, document


def iter_raw_documents(
    path: str | Path, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> Iterator[tuple[int, Any, ReportDocument]]:
    """``(position, decoded JSON, document)`` for each document of a JSON file: the
    decoded JSON lets a caller keep a document compactly and parse it again later."""
    path = Path(path)
    try:
        for position, item in json_items(path, max_bytes):
            yield position, item, parse_document(item, f"{path}: document #{position}")
    except JsonInputError as exc:
        where = f"{path}: document #{exc.position}" if exc.position else str(path)
        raise ReportInputError(exc.detail, file=where) from None


class Duplicates:
    """Remembers where each submission (identifier and submission date) was seen, so that
    the same document given twice is refused naming both places."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, object], str] = {}

    def check(self, document: ReportDocument, place: str) -> str | None:
        """The earlier place of the same submission, or ``None`` (then ``place`` is kept)."""
        key = (document.identifier, document.submitted_on)
        earlier = self.seen.get(key)
        if earlier is None:
            self.seen[key] = place
        return earlier


def refuse_duplicates(
    documents: Iterable[tuple[str, ReportDocument]], file: str = "<data>"
) -> Iterator[ReportDocument]:
    """The documents, refusing (``ReportInputError``) one that repeats an earlier one."""
    duplicates = Duplicates()
    for place, document in documents:
        earlier = duplicates.check(document, place)
        if earlier is not None:
            raise ReportInputError(
                f"{place} is the same submission as {earlier}; a file may hold each "
                "submission once",
                file=file,
                government=document.government,
                identifier=document.identifier,
            )
        yield document


def read_documents(
    path: str | Path, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> list[ReportDocument]:
    """The documents of a JSON file holding one document or a list of them; the same
    submission twice, a file over ``max_bytes`` or nested too deep is refused."""
    placed = ((f"document #{n}", doc) for n, doc in iter_documents(path, max_bytes))
    return list(refuse_duplicates(placed, str(path)))


# ---------------------------------------------------------------- row sources

Row = dict[str, Any]
RowReader = Callable[[Path], Iterator[Row]]


def _csv_rows(path: Path) -> Iterator[Row]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        yield from csv.DictReader(handle)


def _xlsx_rows(path: Path) -> Iterator[Row]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [str(c).strip() if c is not None else "" for c in next(rows, ())]
        for cells in rows:
            if any(c is not None and c != "" for c in cells):
                yield dict(zip(header, cells, strict=False))
    finally:
        workbook.close()


ROW_READERS: dict[str, RowReader] = {".csv": _csv_rows, ".xlsx": _xlsx_rows}


# ---------------------------------------------------------------- typing values


def _cell(row: Row, name: str) -> str:
    value = row.get(name)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


@dataclass
class _Pending:
    """The rows of one question of one document."""

    values: list[str] = field(default_factory=list)
    additional: dict[str, dict[str, str]] = field(default_factory=dict)
    language: str = "en"


AnswerBuilder = Callable[[str, _Pending, Question | None, _Context], Answer]


def _choice(key: str, rows: _Pending, question: Question | None, ctx: _Context) -> Answer:
    listed = len(rows.values) > 1 or bool(question and question.multiple)
    return Answer(key, tuple(rows.values), additional=rows.additional, listed=listed)


def _text(key: str, rows: _Pending, question: Question | None, ctx: _Context) -> Answer:
    return Answer(key, text={rows.language: "\n".join(rows.values)})


def _number(key: str, rows: _Pending, question: Question | None, ctx: _Context) -> Answer:
    if len(rows.values) != 1:
        raise ctx.error("an integer question needs exactly one row", key, rows.values)
    try:
        return Answer(key, number=int(rows.values[0]))
    except ValueError:
        raise ctx.error("not an integer", key, rows.values[0]) from None


BUILDERS: dict[str, AnswerBuilder] = {
    "option": _choice,
    "term": _choice,
    "lstring": _text,
    "lstringRte": _text,
    "int": _number,
}


def _questionnaire(schema: str, given: Mapping[str, Questionnaire] | None) -> Questionnaire | None:
    if given and schema in given:
        return given[schema]
    return shipped_format(schema) if schema in SHIPPED_SCHEMAS else None


# ---------------------------------------------------------------- grouping


@dataclass
class _DocumentRows:
    schema: str
    government: str
    submitted: list[object] = field(default_factory=list)
    questions: dict[str, _Pending] = field(default_factory=dict)


def _group(rows: Iterator[Row], file: str) -> dict[tuple[str, str], _DocumentRows]:
    documents: dict[tuple[str, str], _DocumentRows] = {}
    for number, row in enumerate(rows, start=2):
        missing = [c for c in REQUIRED_COLUMNS if c not in row]
        if missing:
            raise ReportInputError(f"missing columns {missing}", file=file)
        government, schema = _cell(row, "government").lower(), _cell(row, "schema")
        key, value = _cell(row, "question"), _cell(row, "value")
        if not government or not schema or not key:
            raise ReportInputError(
                f"row {number}: government, schema and question needed",
                file=file,
                government=government or None,
                question=key or None,
            )
        doc = documents.setdefault((government, schema), _DocumentRows(schema, government))
        submitted = row.get("submitted_on")
        if submitted not in (None, ""):
            doc.submitted.append(submitted)
        pending = doc.questions.setdefault(key, _Pending())
        pending.language = _cell(row, "language") or pending.language
        if value:
            pending.values.append(value)
        extra = _cell(row, "additional")
        if extra:
            pending.additional[value] = {pending.language: extra}
    return documents


def _build(
    rows: _DocumentRows, file: str, given: Mapping[str, Questionnaire] | None
) -> ReportDocument:
    identifier = f"{rows.schema}-{rows.government}"
    ctx = _Context(file, rows.government, identifier)
    dates = {parse_datetime(d, ctx, "submitted_on") for d in rows.submitted}
    if len(dates) > 1:
        raise ctx.error("rows disagree on submitted_on", value=sorted(str(d) for d in dates))
    questionnaire = _questionnaire(rows.schema, given)
    answers = {}
    for key, pending in rows.questions.items():
        if not pending.values:
            continue
        question = questionnaire.question(key) if questionnaire else None
        builder = BUILDERS.get(question.type if question else "option", _choice)
        answers[key] = builder(key, pending, question, ctx)
    return ReportDocument(
        schema=rows.schema,
        identifier=identifier,
        government=rows.government,
        submitted_on=next(iter(dates), None),
        answers=answers,
    )


def read_long_table(
    path: str | Path,
    questionnaires: Mapping[str, Questionnaire] | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> list[ReportDocument]:
    """Documents from a long CSV or XLSX table (one row per answer value)."""
    path = Path(path)
    reader = ROW_READERS.get(path.suffix.lower())
    if reader is None:
        raise ReportInputError(f"unsupported table type {path.suffix!r}", file=str(path))
    try:
        check_size(path, max_bytes)
        grouped = _group(reader(path), str(path))
    except JsonInputError as exc:
        raise ReportInputError(exc.detail, file=str(path)) from None
    except (OSError, UnicodeDecodeError, csv.Error, zipfile.BadZipFile) as exc:
        raise ReportInputError(f"cannot read: {exc}", file=str(path)) from None
    return [_build(rows, str(path), questionnaires) for rows in grouped.values()]
