"""`cpb bch sync`'s service against a local fake BCH: paging, retries, quarantine,
revisions, nothing new, resuming after an interruption."""

from __future__ import annotations

import datetime as dt

import pytest

from cpbmonitor.bch.models import HarvestedDocument, QuarantinedDocument, SyncRun, SyncState
from cpbmonitor.core.bch.settings import BchSettings
from cpbmonitor.national_reports.models import Answer, NationalReport
from cpbmonitor.services.bch import sync
from cpbmonitor.services.harvest import reports
from tests.bch.conftest import identifier, publish
from tests.bch.fake import FakeBch, Fault
from tests.national_reports.documents import SCHEMA, VALID_VALUE_ROWS

pytestmark = pytest.mark.usefixtures("world")


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


class Recorder:
    def __init__(self) -> None:
        self.plans: list[tuple[str, int]] = []
        self.advanced = 0

    def planned(self, label: str, total: int) -> None:
        self.plans.append((label, total))

    def advance(self) -> None:
        self.advanced += 1


def test_first_sync_pages_and_stores_every_report(fake: FakeBch, bch_settings: BchSettings) -> None:
    run = sync(bch_settings, [SCHEMA])
    assert run.status == "succeeded"
    assert (run.fetched, run.new, run.revised, run.unchanged, run.refused) == (5, 5, 0, 0, 0)
    # Five entries, two per page: pages at start 0, 2 and 4.
    assert len(fake.index_requests) == 3
    assert len(fake.document_requests) == 5
    reports = {r.government.iso2: r for r in NationalReport.objects.select_related("government")}
    assert sorted(reports) == ["ar", "br", "eu", "ng", "sl"]
    assert Answer.objects.count() == 5 * VALID_VALUE_ROWS
    assert {g: r.on_time for g, r in reports.items()} == {
        "ar": True, "br": True, "eu": True, "ng": False, "sl": True,
    }  # fmt: skip
    assert reports["br"].submitted_on == utc("2026-01-10T09:00:00Z")
    assert reports["br"].source_file == f"BCH {SCHEMA} NR5-BR"
    assert not reports["ar"].by_party
    state = SyncState.objects.get(schema=SCHEMA)
    assert state.last_success == run
    assert state.watermark == utc("2026-03-05T09:00:00Z")


def test_one_429_and_one_500_are_retried(fake: FakeBch, bch_settings: BchSettings) -> None:
    fake.faults += [
        Fault(429, retry_after="3", only="/api/v2013/documents/"),
        Fault(500, only="/api/v2013/documents/"),
    ]
    waits: list[float] = []
    run = sync(bch_settings, [SCHEMA], sleep=waits.append)
    assert run.status == "succeeded"
    assert (run.fetched, run.new, run.retried) == (5, 5, 2)
    assert len(fake.document_requests) == 7
    # Retry-After honoured (3 s); the 500 waits the backoff (0.01 s, first or second retry).
    assert sorted(waits)[-1] == 3.0
    assert sorted(waits)[0] in (0.01, 0.02)
    assert NationalReport.objects.count() == 5


def test_retries_are_bounded(fake: FakeBch, bch_settings: BchSettings) -> None:
    few = bch_settings.model_copy(update={"retries": 2})
    fake.faults += [Fault(503, only="/api/v2013/documents/NR5-BR") for _ in range(3)]
    waits: list[float] = []
    run = sync(few, [SCHEMA], sleep=waits.append)
    assert run.status == "failed"
    assert run.errors == [
        f"{SCHEMA} NR5-BR: GET /api/v2013/documents/NR5-BR: HTTP 503 after 3 attempt(s)"
    ]
    assert waits == [0.01, 0.02]
    assert (run.fetched, run.new) == (4, 4)
    # The watermark stays: the next sync fetches the missing report, and only it.
    assert SyncState.objects.get(schema=SCHEMA).watermark is None
    before = len(fake.document_requests)
    second = sync(few, [SCHEMA])
    assert (second.status, second.fetched, second.new, second.unchanged) == ("succeeded", 1, 1, 4)
    assert fake.document_requests[before:] == ["/api/v2013/documents/NR5-BR"]


def test_malformed_document_is_quarantined(fake: FakeBch, bch_settings: BchSettings) -> None:
    bad = publish(fake, "sl", "2026-02-01T09:00:00Z", answers={"Q007": "not an answer"})
    odd = publish(fake, "eu", "2026-01-20T09:00:00Z", answers={"Q999": {"value": "x"}})
    run = sync(bch_settings, [SCHEMA])
    assert run.status == "succeeded"
    assert (run.fetched, run.new, run.refused) == (5, 3, 2)
    assert sorted(NationalReport.objects.values_list("government__iso2", flat=True)) == [
        "ar", "br", "ng",
    ]  # fmt: skip
    held = {q.identifier: q for q in QuarantinedDocument.objects.all()}
    assert sorted(held) == ["NR5-EU", "NR5-SL"]
    assert held["NR5-SL"].document == bad
    # Named as the harvested document, then as the import names a document's problem.
    assert held["NR5-SL"].error.startswith(f"BCH {SCHEMA} NR5-SL: ")
    assert held["NR5-SL"].error.endswith(
        "document sl/NR5-SL: question Q007: value 'not an answer': unreadable answer"
    )
    assert held["NR5-EU"].document == odd
    assert held["NR5-EU"].error == (
        f"BCH {SCHEMA} NR5-EU: eu/NR5-EU: Q999: Q999 is not a question of {SCHEMA}"
    )
    assert held["NR5-EU"].run == run
    assert HarvestedDocument.objects.get(identifier="NR5-SL").quarantined


def test_revision_supersedes_and_keeps_the_first_date(
    fake: FakeBch, bch_settings: BchSettings
) -> None:
    sync(bch_settings, [SCHEMA])
    publish(
        fake,
        "br",
        "2026-05-01T12:00:00Z",
        created="2026-01-10T09:00:00Z",
        answers={"Q007": {"value": "implementation.fullInPlace"}},
    )
    before = len(fake.document_requests)
    run = sync(bch_settings, [SCHEMA])
    assert (run.fetched, run.new, run.revised, run.unchanged) == (1, 0, 1, 1)
    # Only entries changed from the watermark (2026-03-05) on are listed: ng's and br's.
    assert fake.document_requests[before:] == ["/api/v2013/documents/NR5-BR"]
    history = list(NationalReport.objects.filter(identifier="NR5-BR").order_by("submitted_on"))
    assert [r.is_current for r in history] == [False, True]
    old, new = history
    assert old.superseded_by == new
    assert new.submitted_on == utc("2026-05-01T12:00:00Z")
    # Revised after the deadline (2026-02-28), first published before it: on time.
    assert new.on_time is True
    assert new.answers.get(question="Q007").value == "implementation.fullInPlace"
    known = HarvestedDocument.objects.get(identifier="NR5-BR")
    assert known.first_published == utc("2026-01-10T09:00:00Z")
    assert known.updated == utc("2026-05-01T12:00:00Z")


def test_second_sync_with_nothing_new_fetches_no_document(
    fake: FakeBch, bch_settings: BchSettings
) -> None:
    sync(bch_settings, [SCHEMA])
    before = len(fake.document_requests)
    run = sync(bch_settings, [SCHEMA])
    assert run.status == "succeeded"
    assert (run.fetched, run.new, run.revised, run.unchanged, run.refused) == (0, 0, 0, 1, 0)
    assert len(fake.document_requests) == before
    assert NationalReport.objects.count() == 5
    assert SyncRun.objects.count() == 2


def test_resume_after_interruption(
    fake: FakeBch, bch_settings: BchSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Interrupted while storing the second batch of two: the first batch is kept, the
    second rolled back whole; the next sync fetches the three others only."""
    settle = reports._settle
    calls: list[int] = []

    def interrupted_at_the_second(ready, known):  # type: ignore[no-untyped-def]
        calls.append(len(ready))
        if len(calls) == 2:
            raise KeyboardInterrupt
        settle(ready, known)

    monkeypatch.setattr(reports, "_settle", interrupted_at_the_second)
    small = bch_settings.model_copy(update={"batch": 2})
    with pytest.raises(KeyboardInterrupt):
        sync(small, [SCHEMA])
    interrupted = SyncRun.objects.get()
    assert (interrupted.status, interrupted.fetched, interrupted.new) == ("interrupted", 4, 2)
    assert NationalReport.objects.count() == 2
    assert HarvestedDocument.objects.count() == 2
    monkeypatch.setattr(reports, "_settle", settle)
    before = len(fake.document_requests)
    run = sync(small, [SCHEMA])
    assert (run.status, run.fetched, run.new, run.unchanged) == ("succeeded", 3, 3, 2)
    assert len(fake.document_requests) - before == 3
    assert NationalReport.objects.count() == 5
    assert NationalReport.objects.filter(is_current=True).count() == 5
    assert sorted(NationalReport.objects.values_list("identifier", flat=True)) == sorted(
        identifier(g) for g in ("ar", "br", "eu", "ng", "sl")
    )


def test_progress_is_told_what_is_planned(fake: FakeBch, bch_settings: BchSettings) -> None:
    recorder = Recorder()
    sync(bch_settings, [SCHEMA], progress=recorder)
    assert recorder.plans == [(SCHEMA, 5)]
    assert recorder.advanced == 5


def test_quarantined_document_comes_back_when_corrected(
    fake: FakeBch, bch_settings: BchSettings
) -> None:
    publish(fake, "sl", "2026-02-01T09:00:00Z", answers={"Q007": {"value": "maybe"}})
    sync(bch_settings, [SCHEMA])
    assert QuarantinedDocument.objects.open().count() == 1
    # Corrected on the BCH without a new date: only a full sync fetches it again.
    publish(fake, "sl", "2026-02-01T09:00:00Z")
    assert sync(bch_settings, [SCHEMA]).fetched == 0
    run = sync(bch_settings, [SCHEMA], retry_quarantined=True)
    assert (run.fetched, run.new, run.revised, run.unchanged, run.refused) == (1, 1, 0, 4, 0)
    assert QuarantinedDocument.objects.open().count() == 0
    assert QuarantinedDocument.objects.get().resolved_at is not None
    assert NationalReport.objects.get(identifier="NR5-SL").on_time is True
    assert not HarvestedDocument.objects.get(identifier="NR5-SL").quarantined


def test_unreadable_answer_is_quarantined_as_answered(
    fake: FakeBch, bch_settings: BchSettings
) -> None:
    fake.documents["NR5-NG"] = b"[" * 100_000 + b"]" * 100_000
    fake.documents["NR5-EU"] = ["not", "an", "object"]
    run = sync(bch_settings, [SCHEMA])
    assert (run.status, run.fetched, run.new, run.refused) == ("succeeded", 3, 3, 2)
    held = {q.identifier: q for q in QuarantinedDocument.objects.all()}
    assert held["NR5-EU"].error == (
        f"BCH {SCHEMA} NR5-EU: GET /api/v2013/documents/NR5-EU: the document is not a JSON object"
    )
    assert held["NR5-EU"].document == {"unreadable answer": '["not", "an", "object"]'}
    assert held["NR5-NG"].error.endswith("the answer is JSON nested too deeply to read")
    assert held["NR5-NG"].document["unreadable answer"] == "[" * 100_000
