"""Importing, saving and reading records: all or nothing, upserts, checks, round trips."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from cpbmonitor.core.outputs.records import write_records
from cpbmonitor.core.records import NationalContact, RecordSet, type_of
from cpbmonitor.core.records.errors import RecordInputError
from cpbmonitor.national_reports.models import Party
from cpbmonitor.records.models import Record
from cpbmonitor.services import records as services
from tests.records.factories import activity, contact, decision, lmo

pytestmark = pytest.mark.usefixtures("world")

HEADER = "identifier,government,title,decision_type,lmos,risk_assessment,valid_from,valid_to\n"


def stored(type_name: str) -> dict[str, Record]:
    return {r.identifier: r for r in Record.objects.of_type(type_name)}


def write_decisions(path: Path, fmt: str) -> Path:
    """Two decisions of br and ng on LMO-1 (one ended), in ``fmt``."""
    records = [
        decision("DEC-BR-1", "br"),
        decision("DEC-NG-1", "ng", lmos=[], valid_to=dt.date(2021, 1, 1)),
    ]
    file = path / f"decisions.{fmt}"
    if fmt == "csv":
        file.write_text(
            HEADER
            + "DEC-BR-1,br,Decision DEC-BR-1,transit,LMO-1,,2019-06-01,\n"
            + "DEC-NG-1,ng,Decision DEC-NG-1,transit,,,2019-06-01,2021-01-01\n"
        )
    elif fmt == "json":
        items = [r.model_dump(mode="json", exclude={"demonstration"}) for r in records]
        file.write_text(json.dumps({"type": "decision", "records": items}))
    else:
        write_records(records, "decision", file)
    return file


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_import_each_format(tmp_path: Path, fmt: str) -> None:
    services.store_records([lmo("LMO-1")], source="setup")
    summary = services.import_records(write_decisions(tmp_path, fmt), "decision")
    assert summary == services.ImportSummary(created=2, updated=0, unchanged=0)
    rows = stored("decision")
    assert sorted(rows) == ["DEC-BR-1", "DEC-NG-1"]
    br = rows["DEC-BR-1"]
    assert br.government.iso2 == "br"
    assert br.title == "Decision DEC-BR-1"
    assert br.regions == "GRULAC"
    assert br.data == {
        "title": "Decision DEC-BR-1",
        "decision_type": "transit",
        "lmos": ["LMO-1"],
        "risk_assessment": None,
    }
    assert br.source == str(tmp_path / f"decisions.{fmt}")
    assert list(br.governments.values_list("iso2", flat=True)) == ["br"]
    ng = rows["DEC-NG-1"]
    assert (ng.valid_from, ng.valid_to, ng.data["lmos"]) == (
        dt.date(2019, 6, 1),
        dt.date(2021, 1, 1),
        [],
    )


def test_same_identifier_updates_and_replace_removes(tmp_path: Path) -> None:
    services.store_records([lmo("LMO-1"), lmo("LMO-2"), lmo("LMO-3")], source="setup")
    first = stored("lmo")["LMO-1"]
    changed = tmp_path / "lmos.csv"
    changed.write_text(
        "identifier,name,organism,traits,valid_from\n"
        "LMO-1,Maize LMO-1,maize,insect resistance,2019-01-01\n"
        "LMO-2,Renamed,maize,insect resistance; drought tolerance,2019-01-01\n"
        "LMO-4,New one,soybean,,2020-01-01\n"
    )
    summary = services.import_records(changed, "lmo")
    assert summary == services.ImportSummary(created=1, updated=1, unchanged=1)
    rows = stored("lmo")
    assert sorted(rows) == ["LMO-1", "LMO-2", "LMO-3", "LMO-4"]
    assert rows["LMO-1"].pk == first.pk and rows["LMO-1"].updated_at == first.updated_at
    assert rows["LMO-2"].title == "Renamed"
    assert rows["LMO-2"].data["traits"] == ["insect resistance", "drought tolerance"]

    again = services.import_records(changed, "lmo", replace=True)
    assert again == services.ImportSummary(created=0, updated=0, unchanged=3, deleted=1)
    assert sorted(stored("lmo")) == ["LMO-1", "LMO-2", "LMO-4"]


def test_a_bad_file_changes_nothing_and_names_every_problem(tmp_path: Path) -> None:
    services.store_records([lmo("LMO-1"), decision("DEC-BR-1")], source="setup")
    before = list(Record.objects.values_list("identifier", "title", "updated_at"))
    bad = tmp_path / "decisions-with-problems.csv"
    bad.write_text(
        HEADER
        + "DEC-BR-1,br,Changed title,transit,LMO-1,,2019-06-01,\n"
        + "DEC-ZZ-1,zz,Unknown government,transit,LMO-1,,2019-06-01,\n"
        + "DEC-BR-2,br,Unknown LMO,transit,LMO-404;LMO-1,RA-404,2019-06-01,\n"
    )
    with pytest.raises(RecordInputError) as caught:
        services.import_records(bad, "decision")
    assert str(caught.value).splitlines() == [
        f"{bad}: decision DEC-ZZ-1: field government: value 'zz': "
        "unknown government (not a loaded Party)",
        f"{bad}: decision DEC-BR-2: field risk_assessment: value 'RA-404': "
        "names no risk-assessment record",
        f"{bad}: decision DEC-BR-2: field lmos: value 'LMO-404': names no lmo record",
    ]
    assert list(Record.objects.values_list("identifier", "title", "updated_at")) == before


def test_an_unreadable_row_rejects_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "decisions.csv"
    bad.write_text(HEADER + "DEC-BR-1,br,T,no-such-type,,,2019-06-31,\n")
    with pytest.raises(RecordInputError) as caught:
        services.import_records(bad, "decision")
    assert [(p.record, p.field, p.value) for p in caught.value.problems] == [
        ("row 1 (DEC-BR-1)", "decision_type", "no-such-type"),
        ("row 1 (DEC-BR-1)", "valid_from", "2019-06-31"),
    ]
    assert not Record.objects.exists()


def test_unknown_government_of_an_activity_names_record_and_field() -> None:
    with pytest.raises(RecordInputError) as caught:
        services.store_records([activity("CBA-1", governments=["br", "zz"])], source="x.json")
    (problem,) = caught.value.problems
    assert problem.describe() == (
        "x.json: cb-activity CBA-1: field governments: value 'zz': "
        "unknown government (not a loaded Party)"
    )


def test_a_failure_while_writing_rolls_everything_back(monkeypatch, tmp_path) -> None:
    services.store_records([lmo("LMO-1"), decision("DEC-BR-1")], source="setup")
    before = list(Record.objects.values_list("identifier", "title", "source"))

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "set_governments", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        services.store_records(
            [decision("DEC-BR-1", title="Changed"), decision("DEC-BR-2")], source="later"
        )
    assert list(Record.objects.values_list("identifier", "title", "source")) == before


def test_stored_record_set_round_trip_in_two_queries(django_assert_num_queries) -> None:
    records = [
        lmo("LMO-1"),
        decision("DEC-BR-1", risk_assessment=None),
        contact("NFP-BR-1", "br", valid_to=dt.date(2020, 5, 1)),
        contact("NFP-BR-2", "br", valid_from=dt.date(2020, 5, 1), email="a@b.org"),
        activity("CBA-1", funding_amount=1500.5),
    ]
    services.store_records(records, source="setup")
    with django_assert_num_queries(2):  # the table's state, then its rows
        record_set = services.stored_record_set()
    expected = RecordSet.of(records)
    assert set(record_set.by_type) == set(expected.by_type)
    for name, items in expected.by_type.items():
        got = sorted(record_set.by_type[name], key=lambda r: r.identifier)
        assert [r.model_dump() for r in got] == [r.model_dump() for r in items]
    assert record_set.counts()["contact"] == 2
    on_day = record_set.on(NationalContact, dt.date(2019, 12, 31))
    assert [c.identifier for c in on_day] == ["NFP-BR-1"]


def test_stored_record_set_is_read_again_only_after_a_write(django_assert_num_queries) -> None:
    services.store_records([lmo("LMO-1"), decision("DEC-BR-1")], source="setup")
    first = services.stored_record_set()
    with django_assert_num_queries(1):  # unchanged: not read nor validated again
        assert services.stored_record_set() is first
    row = Record.objects.get(identifier="DEC-BR-1")
    services.end_record(row, dt.date(2024, 1, 1))
    (ended,) = services.stored_record_set().by_type["decision"]
    assert ended.valid_to == dt.date(2024, 1, 1)
    services.store_records([lmo("LMO-2")], source="setup")
    assert sorted(r.identifier for r in services.stored_record_set().by_type["lmo"]) == [
        "LMO-1",
        "LMO-2",
    ]


def test_find_records_filters() -> None:
    services.store_records(
        [
            lmo("LMO-1"),
            decision("DEC-BR-1", title="Maize for food"),
            decision("DEC-NG-1", "ng", valid_to=dt.date(2020, 1, 1)),
            activity("CBA-1", governments=["ng"], regions=["GRULAC"]),
            activity("CBA-2", level="global", governments=[], regions=[]),
        ],
        source="setup",
    )

    def ids(type_name: str, **filters) -> list[str]:
        return sorted(r.identifier for r in services.find_records(type_name, **filters))

    br, ng = Party.objects.get(iso2="br"), Party.objects.get(iso2="ng")
    assert ids("decision", government=br) == ["DEC-BR-1"]
    assert ids("decision", region="afr") == ["DEC-NG-1"]
    assert ids("decision", on=dt.date(2019, 12, 31)) == ["DEC-BR-1", "DEC-NG-1"]
    assert ids("decision", on=dt.date(2020, 1, 1)) == ["DEC-BR-1"]
    assert ids("decision", on=dt.date(2019, 5, 31)) == []
    assert ids("decision", text="food") == ["DEC-BR-1"]
    assert ids("decision", text="nigeria") == ["DEC-NG-1"]
    assert ids("cb-activity", government=ng) == ["CBA-1"]
    # CBA-1 covers Nigeria (AFR) and names GRULAC itself.
    assert ids("cb-activity", region="AFR") == ["CBA-1"]
    assert ids("cb-activity", region="GRULAC") == ["CBA-1"]
    assert ids("cb-activity", region="WEOG") == []


def test_save_and_end_one_record(django_user_model) -> None:
    user = django_user_model.objects.create_user("someone")
    services.store_records([lmo("LMO-1")], source="setup")
    row = services.save_record(decision("DEC-BR-1"), user=user, creating=True)
    assert (row.source, row.updated_by) == ("web", user)
    with pytest.raises(RecordInputError, match="already exists"):
        services.save_record(decision("DEC-BR-1"), creating=True)
    ended = services.end_record(row, dt.date(2024, 1, 1), user=user)
    assert ended.pk == row.pk and ended.valid_to == dt.date(2024, 1, 1)
    with pytest.raises(RecordInputError) as caught:
        services.end_record(row, dt.date(2000, 1, 1))
    (problem,) = caught.value.problems
    assert problem.field == "valid_to" and "before valid_from" in problem.message
    row.refresh_from_db()
    assert row.valid_to == dt.date(2024, 1, 1)


def test_demonstration_records_load_labelled_and_reload() -> None:
    from cpbmonitor.core.demo import DemoParty
    from cpbmonitor.core.demo.records import generate_demo_records
    from cpbmonitor.services.parties import load_parties, read_parties

    load_parties(read_parties())  # the generator needs the real list of Parties
    services.store_records([lmo("REAL-LMO")], source="real.csv")
    parties = [
        DemoParty(p.iso2, p.name, p.region or None, p.cp_party, p.cp_party_since, p.gef_eligible)
        for p in Party.objects.order_by("iso2")
    ]
    expected = generate_demo_records(parties, seed=7)
    summary = services.load_demo_records(seed=7)
    assert (summary.created, summary.deleted) == (len(expected), 0)
    demo = Record.objects.demonstration()
    assert demo.count() == len(expected) > 1000
    assert set(demo.values_list("source", flat=True)) == {"demonstration data (seed 7)"}
    assert demo.counts_by_type() == dict(Counter(type_of(r).name for r in expected))
    again = services.load_demo_records(seed=7)
    assert (again.created, again.deleted) == (len(expected), len(expected))
    assert Record.objects.filter(demonstration=False).get().identifier == "REAL-LMO"
    assert services.remove_demo_records() == len(expected)
    assert Record.objects.count() == 1


def test_replace_cannot_remove_a_record_others_name(tmp_path: Path) -> None:
    services.store_records([lmo("LMO-1"), lmo("LMO-2"), decision("DEC-BR-1")], source="setup")
    only_two = tmp_path / "lmos.csv"
    only_two.write_text("identifier,name,organism,valid_from\nLMO-2,Two,maize,2019-01-01\n")
    with pytest.raises(RecordInputError) as caught:
        services.import_records(only_two, "lmo", replace=True)
    assert str(caught.value) == (
        f"{only_two}: decision DEC-BR-1: field lmos: value 'LMO-1': names no lmo record"
    )
    assert sorted(stored("lmo")) == ["LMO-1", "LMO-2"]


def test_problems_already_stored_do_not_block_other_imports(tmp_path: Path) -> None:
    from cpbmonitor.records.convert import from_model

    broken = from_model(decision("DEC-BR-1", lmos=["GONE"]), services.parties_by_code())
    broken.save()  # as if an LMO had been removed behind the services' back
    summary = services.store_records([lmo("LMO-1")], source="lmos.csv")
    assert summary.created == 1
    with pytest.raises(RecordInputError, match="DEC-BR-2: field lmos: value 'GONE'"):
        services.store_records([decision("DEC-BR-2", lmos=["GONE"])], source="d.csv")
