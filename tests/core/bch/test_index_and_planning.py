"""The index query and its pages, and what a sync plans to fetch."""

from __future__ import annotations

import datetime as dt

import pytest

from cpbmonitor.core.bch import index, planning
from cpbmonitor.core.bch.errors import BchAnswerError
from cpbmonitor.core.bch.planning import Change, Known


def at(day: int, hour: int = 0) -> dt.datetime:
    return dt.datetime(2026, 1, day, hour, tzinfo=dt.UTC)


def entry(identifier: str, updated: int, created: int = 1) -> index.IndexEntry:
    return index.IndexEntry(identifier, "br", "cpbNationalReport5", at(created), at(updated))


def test_query_of_a_schema_and_from_a_watermark() -> None:
    assert index.query("cpbNationalReport5") == (
        "realm_ss:bch AND schema_s:cpbNationalReport5 AND NOT version_s:*"
    )
    assert index.params("cpbNationalReport4", 200, 100, at(5, 13)) == {
        "q": "realm_ss:bch AND schema_s:cpbNationalReport4 AND NOT version_s:* "
        "AND updatedDate_dt:[2026-01-05T13:00:00Z TO *]",
        "fl": "identifier_s,government_s,schema_s,createdDate_dt,updatedDate_dt",
        "rows": "100",
        "start": "200",
        "sort": "updatedDate_dt asc, identifier_s asc",
        "wt": "json",
    }


def test_page_of_entries() -> None:
    data = {
        "response": {
            "numFound": 7,
            "start": 2,
            "docs": [
                {
                    "identifier_s": "NR5-BR",
                    "government_s": "BR",
                    "schema_s": "cpbNationalReport5",
                    "createdDate_dt": "2026-01-10T09:00:00Z",
                    "updatedDate_dt": "2026-01-12T10:30:00.123Z",
                },
                {
                    "identifier_s": ["ORG-1"],
                    "schema_s": "organization",
                    "createdDate_dt": "2026-01-03T00:00:00Z",
                },
            ],
        }
    }
    page = index.page(data)
    assert (page.found, page.start) == (7, 2)
    br, org = page.entries
    assert br == index.IndexEntry(
        "NR5-BR",
        "br",
        "cpbNationalReport5",
        at(10, 9),
        dt.datetime(2026, 1, 12, 10, 30, 0, 123000, tzinfo=dt.UTC),
    )
    assert (org.identifier, org.government, org.updated) == ("ORG-1", "", at(3))
    # Pages after the first, at 2 rows each from start 0: 2, 4, 6.
    assert list(index.starts(7, 2)) == [2, 4, 6]
    assert list(index.starts(2, 2)) == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"error": "x"}, "no 'response' object"),
        ({"response": {"docs": []}}, "lacks numFound"),
        (
            {"response": {"numFound": 1, "docs": [{"createdDate_dt": "2026-01-01"}]}},
            "without identifier_s",
        ),
        (
            {
                "response": {
                    "numFound": 1,
                    "docs": [{"identifier_s": "X", "createdDate_dt": "soon"}],
                }
            },
            "index entry X: createdDate_dt is not a date: 'soon'",
        ),
    ],
)
def test_page_refuses_what_is_not_an_index_answer(data: object, message: str) -> None:
    with pytest.raises(BchAnswerError, match=message.replace("(", r"\(").replace("[", r"\[")):
        index.page(data)


def test_plan_fetches_new_and_changed_documents_only() -> None:
    known = {
        "same": Known(at(5), stored=True),
        "changed": Known(at(5), stored=True),
        "refused": Known(at(5), stored=False, quarantined=True),
        "refused-changed": Known(at(5), stored=False, quarantined=True),
    }
    entries = [
        entry("new", 6),
        entry("same", 5),
        entry("changed", 7),
        entry("refused", 5),
        entry("refused-changed", 6),
        entry("new", 6),  # repeated on two pages
    ]
    plan = planning.plan(entries, known)
    assert [(e.identifier, c) for e, c in plan.fetch] == [
        ("new", Change.NEW),
        ("changed", Change.REVISED),
        ("refused-changed", Change.NEW),
    ]
    assert [e.identifier for e in plan.unchanged] == ["same", "refused"]
    again = planning.plan(entries, known, retry_quarantined=True)
    assert [e.identifier for e, _ in again.fetch] == [
        "new",
        "changed",
        "refused",
        "refused-changed",
    ]
    assert planning.watermark(entries, at(6, 12)) == at(7)
    assert planning.watermark([], None) is None
