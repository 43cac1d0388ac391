"""BCH records harvested through the record import, with the mapping as data; records no
Party must publish counted per government (indicator A.2(b))."""

from __future__ import annotations

import datetime as dt

import pytest

from cpbmonitor.bch.models import CountedRecord, QuarantinedDocument
from cpbmonitor.core.bch.settings import BchSettings
from cpbmonitor.records.models import Record
from cpbmonitor.services.bch import record_counts, sync
from tests.bch.fake import FakeBch

pytestmark = pytest.mark.usefixtures("world")
WHEN = "2021-03-04T10:00:00Z"


def term(*identifiers: str) -> list[dict[str, str]]:
    return [{"identifier": i} for i in identifiers]


def put(fake: FakeBch, schema: str, identifier: str, government: str = "", **body: object) -> None:
    data = {"header": {"identifier": identifier, "schema": schema}, **body}
    if government:
        data["government"] = {"identifier": government}
    fake.publish(data, identifier=identifier, schema=schema, government=government, created=WHEN)


@pytest.fixture
def records(fake: FakeBch) -> FakeBch:
    put(fake, "authority", "CNA-BR", "br", name={"en": "Biosafety commission"})
    put(fake, "modifiedOrganism", "LMO-1", name={"en": "Maize 1"}, organisms=term("maize"))
    put(fake, "nationalRiskAssessment", "RA-1", "br", title={"en": "Maize 1"}, lmos=term("LMO-1"))
    put(
        fake,
        "biosafetyDecision",
        "DEC-1",
        "br",
        title={"en": "Maize 1 for feed"},
        decisionTypes=term("directUse"),
        lmos=term("LMO-1"),
        riskAssessments=term("RA-1"),
        dateOfDecision="2021-06-01",
    )
    put(
        fake,
        "biosafetyDecision",
        "DEC-2",
        "ng",
        title={"en": "An unknown LMO"},
        lmos=term("LMO-404"),
        dateOfDecision="2021-07-01",
    )
    put(fake, "biosafetyLaboratory", "LAB-1", "br", name={"en": "Central lab"})
    put(fake, "biosafetyLaboratory", "LAB-2", "zz", name={"en": "Nowhere lab"})
    put(fake, "biosafetyLaboratory", "LAB-3", "ng")  # no name
    for number, government in enumerate(["br", "br", "br", "ng"]):
        put(fake, "resource", f"VLR-{number}", government, title={"en": f"Guide {number}"})
    put(fake, "organization", "ORG-1", "br")
    put(fake, "organization", "ORG-2", "br")
    put(fake, "biosafetyExpert", "EXP-1", "eu")
    return fake


def test_records_are_harvested_refused_ones_quarantined(
    records: FakeBch, bch_settings: BchSettings
) -> None:
    run = sync(bch_settings, ["cpbNationalReport5"], records=True)
    assert run.status == "succeeded", run.errors
    stored = sorted(Record.objects.values_list("record_type", "identifier"))
    assert stored == [
        ("cb-resource", "VLR-0"),
        ("cb-resource", "VLR-1"),
        ("cb-resource", "VLR-2"),
        ("cb-resource", "VLR-3"),
        ("contact", "CNA-BR"),
        ("decision", "DEC-1"),
        ("laboratory", "LAB-1"),
        ("lmo", "LMO-1"),
        ("risk-assessment", "RA-1"),
    ]
    decision = Record.objects.get(identifier="DEC-1")
    assert decision.data["risk_assessment"] == "RA-1"
    assert decision.data["decision_type"] == "direct-use-food-feed-processing"
    assert decision.source == "BCH biosafetyDecision"
    contact = Record.objects.get(identifier="CNA-BR")
    assert contact.data["role"] == "competent-national-authority"
    held = {q.identifier: q.error for q in QuarantinedDocument.objects.all()}
    assert held == {
        "DEC-2": "BCH biosafetyDecision: decision DEC-2: field lmos: value 'LMO-404': "
        "names no lmo record",
        "LAB-2": "BCH biosafetyLaboratory: laboratory LAB-2: field government: value 'zz': "
        "unknown government (not a loaded Party)",
        "LAB-3": "BCH biosafetyLaboratory: laboratory LAB-3: field name: Field required",
    }
    # Five reports, nine records stored, three records refused.
    assert (run.fetched, run.new, run.refused) == (17, 14, 3)


def test_records_no_party_must_publish_are_counted(
    records: FakeBch, bch_settings: BchSettings
) -> None:
    # One more expert of eu, first published later; one organization of no government.
    put(records, "biosafetyExpert", "EXP-2", "eu")
    records.entries["EXP-2"]["createdDate_dt"] = "2024-05-01T00:00:00Z"
    records.entries["EXP-2"]["updatedDate_dt"] = "2024-05-01T00:00:00Z"
    put(records, "organization", "ORG-3")
    sync(bch_settings, ["cpbNationalReport5"], records=True)
    assert record_counts() == {
        "br": {"organization": 2, "virtual-library-resource": 3},
        "eu": {"expert": 2},
        "ng": {"virtual-library-resource": 1},
    }
    assert record_counts(["expert"]) == {"eu": {"expert": 2}}
    # As on 2023-12-31 (the records were first published on 2021-03-04, EXP-2 in 2024).
    assert record_counts(["expert"], on=dt.date(2023, 12, 31)) == {"eu": {"expert": 1}}
    assert record_counts(on=dt.date(2020, 12, 31)) == {}
    assert CountedRecord.objects.filter(kind="organization").count() == 3
    # A later sync replaces what was listed: ORG-2 withdrawn from the BCH.
    del records.entries["ORG-2"]
    sync(bch_settings, ["cpbNationalReport5"], records=True)
    assert record_counts(["organization"]) == {"br": {"organization": 1}}


def test_second_records_sync_fetches_nothing(records: FakeBch, bch_settings: BchSettings) -> None:
    sync(bch_settings, ["cpbNationalReport5"], records=True)
    before = len(records.document_requests)
    run = sync(bch_settings, ["cpbNationalReport5"], records=True)
    assert (run.fetched, run.new, run.revised, run.refused) == (0, 0, 0, 0)
    assert len(records.document_requests) == before


def test_listed_records_feed_indicator_a2b_and_a_stored_one_wins(
    records: FakeBch, bch_settings: BchSettings
) -> None:
    from cpbmonitor.core.records import NonMandatoryRecord
    from cpbmonitor.services.evaluation import evaluate_stored, stored_records
    from cpbmonitor.services.records import store_records

    sync(bch_settings, ["cpbNationalReport5"], records=True)
    listed = stored_records().all(NonMandatoryRecord)
    assert sorted((r.identifier, r.government, r.kind) for r in listed) == [
        ("EXP-1", "eu", "expert"),
        ("ORG-1", "br", "organization"),
        ("ORG-2", "br", "organization"),
        ("VLR-0", "br", "virtual-library-resource"),
        ("VLR-1", "br", "virtual-library-resource"),
        ("VLR-2", "br", "virtual-library-resource"),
        ("VLR-3", "ng", "virtual-library-resource"),
    ]
    assert {r.valid_from for r in listed} == {dt.date(2021, 3, 4)}
    # Cycle 5 (2019-10-02..2026-02-28), Parties br eu ng sl: br, eu, ng -> 3/4; the
    # baseline period (2015-11-01..2019-10-01) has none of them -> 0/3.
    a2b = evaluate_stored("draft-2020", 5, 4).result("A.2(b)").overall
    assert (a2b.numerator, a2b.denominator, a2b.baseline_numerator) == (3, 4, 0)
    # A record imported with a listed identifier wins: VLR-3 first published in 2018.
    earlier = NonMandatoryRecord(
        identifier="VLR-3",
        government="ng",
        kind="virtual-library-resource",
        valid_from=dt.date(2018, 1, 1),
    )
    store_records([earlier], source="file")
    a2b = evaluate_stored("draft-2020", 5, 4).result("A.2(b)").overall
    assert (a2b.numerator, a2b.denominator, a2b.baseline_numerator) == (2, 4, 1)
