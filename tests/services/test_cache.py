"""The shared cache's versions: the data version (reports, Parties, records) and the page
version (with the milestones) change with every change of what they cover, are read in one
query, once per pinned block; page fragments are kept per version and parts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache

from cpbmonitor.milestones.models import Milestone
from cpbmonitor.national_reports.models import NationalReport, Party
from cpbmonitor.services.cache import (
    cached_fragment,
    data_version,
    page_version,
    pinned_version,
)
from cpbmonitor.services.records import store_records
from tests.records.factories import lmo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache(db):
    cache.clear()
    yield
    cache.clear()


def versions() -> tuple[str, str]:
    return data_version(), page_version()


def test_each_change_of_the_stored_data_changes_both_versions(world) -> None:
    seen = {versions()}
    argentina = Party.objects.get(iso2="ar")
    assert not argentina.cp_party
    argentina.cp_party = True  # joins the Protocol
    argentina.save()
    seen.add(versions())
    store_records([lmo("LMO-1")], source="test")  # a record added
    seen.add(versions())
    store_records([lmo("LMO-1", name="Maize renamed")], source="test")  # and changed
    seen.add(versions())
    assert len(seen) == 4


def test_a_report_imported_again_changes_the_data_version(world, tmp_path) -> None:
    from cpbmonitor.services.reports import import_reports
    from tests.national_reports.documents import document, write

    path = write(tmp_path / "br.json", document("br"))
    import_reports([path])
    first = data_version()
    NationalReport.objects.update(imported_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    assert data_version() != first
    older = data_version()
    import_reports([path])  # the same submission, stored again in place
    assert NationalReport.objects.count() == 1
    assert data_version() not in (first, older)


def test_milestones_change_the_page_version_only(world) -> None:
    data, page = versions()
    milestone = Milestone.objects.create(
        plan="draft-2020", indicator="A.1(a)", target_value=80, target_date=dt.date(2030, 1, 1)
    )
    assert data_version() == data and page_version() != page
    added = page_version()
    milestone.target_value = 90
    milestone.save()
    changed = page_version()
    assert len({page, added, changed}) == 3
    milestone.delete()
    assert page_version() == page  # the same milestones as at first: none


def test_a_pinned_block_reads_the_versions_once(world, django_assert_num_queries) -> None:
    with django_assert_num_queries(1), pinned_version() as version:
        assert [data_version() for _ in range(3)] == [version] * 3
        page = page_version()
    with django_assert_num_queries(1):
        assert page_version() == page


def test_a_change_inside_a_pinned_block_shows_after_it(world) -> None:
    with pinned_version() as version:
        store_records([lmo("LMO-1")], source="test")
        assert data_version() == version  # pinned: a page request changes no data
    assert data_version() != version


def test_fragments_are_kept_per_parts_and_version(world) -> None:
    calls: list[str] = []

    def render(text: str) -> str:
        calls.append(text)
        return f"<p>{text}</p>"

    assert cached_fragment("t", lambda: render("en"), "en") == "<p>en</p>"
    assert cached_fragment("t", lambda: render("again"), "en") == "<p>en</p>"
    assert cached_fragment("t", lambda: render("fr"), "fr") == "<p>fr</p>"
    assert cached_fragment("other", lambda: render("other"), "en") == "<p>other</p>"
    store_records([lmo("LMO-1")], source="test")
    assert cached_fragment("t", lambda: render("new data"), "en") == "<p>new data</p>"
    assert calls == ["en", "fr", "other", "new data"]
