"""Loading the list of governments, resolving codes, and the Party querysets."""

from __future__ import annotations

import datetime as dt

import pytest

from cpbmonitor.national_reports.models import Party
from cpbmonitor.national_reports.models.parties import UnknownGovernment
from cpbmonitor.services.parties import (
    PartiesFileError,
    load_parties,
    read_parties,
)
from tests.paths import FIXTURES

TINY = FIXTURES / "national_reports" / "parties-tiny.csv"

pytestmark = pytest.mark.django_db


def test_shipped_file_counts() -> None:
    records = read_parties()
    assert len(records) == 197
    assert sum(r.cp_party for r in records) == 173
    assert sum(r.sp_party for r in records) == 55
    eu = next(r for r in records if r.iso2 == "eu")
    assert eu.iso3 == "EUU" and eu.region is None and eu.cp_party


def test_load_is_idempotent() -> None:
    records = read_parties()
    first = load_parties(records)
    assert (first.created, first.updated) == (197, 0)
    second = load_parties(records)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 197)
    assert Party.objects.count() == 197
    assert Party.objects.protocol_parties().count() == 173


def test_load_keeps_edited_gef_flag_unless_reset() -> None:
    records = read_parties(TINY)
    load_parties(records)
    Party.objects.filter(iso2="br").update(gef_eligible=False)
    load_parties(records)
    assert Party.objects.get(iso2="br").gef_eligible is False
    result = load_parties(records, reset=True)
    assert result.updated == 1
    assert Party.objects.get(iso2="br").gef_eligible is True


def test_load_updates_changed_facts() -> None:
    load_parties(read_parties(TINY))
    Party.objects.filter(iso2="br").update(name="Old name")
    result = load_parties(read_parties(TINY))
    assert result.updated == 1
    assert Party.objects.get(iso2="br").name == "Brazil"


@pytest.mark.parametrize("code", ["br", "BR", "bra", "BRA", " Br "])
def test_resolve_accepts_any_code(code: str) -> None:
    load_parties(read_parties(TINY))
    assert Party.objects.resolve(code).iso3 == "BRA"


def test_resolve_unknown_code() -> None:
    load_parties(read_parties(TINY))
    with pytest.raises(UnknownGovernment, match="'xx'"):
        Party.objects.resolve("xx")


def test_protocol_parties_on_a_date() -> None:
    load_parties(read_parties(TINY))
    # br joined 2004-02-22, sl (Sierra Leone) on 2020-09-13, ar never; eu has no region.
    on = Party.objects.protocol_parties_on
    assert set(on(dt.date(2019, 10, 1)).values_list("iso2", flat=True)) == {"br", "eu", "ng"}
    assert set(on(dt.date(2020, 9, 13)).values_list("iso2", flat=True)) == {"br", "eu", "ng", "sl"}
    assert Party.objects.in_region(None).get().iso2 == "eu"
    assert set(Party.objects.supplementary_parties().values_list("iso2", flat=True)) == {"eu"}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("parties-tiny-with-problems-bad-date.csv", "line 3 (BRA): cp_party_since"),
        ("parties-tiny-with-problems-duplicate.csv", "line 4: iso2: 'br' already on line 2"),
        ("parties-tiny-with-problems-region.csv", "line 2 (ARG): region"),
    ],
)
def test_bad_files_name_line_and_field(name: str, message: str) -> None:
    with pytest.raises(PartiesFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_parties(FIXTURES / "national_reports" / name)
