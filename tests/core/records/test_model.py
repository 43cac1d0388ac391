"""Records "as on" a date: designated after it, ended before it, valid_to exclusive."""

from __future__ import annotations

import datetime as dt

from cpbmonitor.core.records import Decision, NationalContact, RecordSet
from cpbmonitor.core.records.readers import read_records
from tests.paths import FIXTURES

D = dt.date
SNAPSHOT = D(2019, 12, 31)


def _contacts() -> RecordSet:
    return RecordSet.of(read_records(FIXTURES / "records" / "contacts.csv", "contact"))


def test_holds_on_from_valid_from_until_before_valid_to() -> None:
    nfp, cna, article17 = _contacts().all(NationalContact)
    assert nfp.holds_on(D(2010, 3, 15)) and not nfp.holds_on(D(2010, 3, 14))
    assert nfp.holds_on(SNAPSHOT)
    assert not cna.holds_on(SNAPSHOT), "designated after the snapshot"
    assert cna.holds_on(D(2020, 3, 1))
    assert not article17.holds_on(SNAPSHOT), "withdrawn before the snapshot"
    assert article17.holds_on(D(2019, 6, 29))
    assert not article17.holds_on(D(2019, 6, 30)), "valid_to is the first day it no longer holds"


def test_recordset_on_a_date() -> None:
    records = _contacts()
    on = {
        day: [c.identifier for c in records.on(NationalContact, day)]
        for day in (D(2011, 1, 1), D(2019, 6, 29), SNAPSHOT, D(2020, 3, 1))
    }
    assert on == {
        D(2011, 1, 1): ["contact-br-nfp-1"],
        D(2019, 6, 29): ["contact-br-nfp-1", "contact-br-a17-1"],
        SNAPSHOT: ["contact-br-nfp-1"],
        D(2020, 3, 1): ["contact-br-nfp-1", "contact-br-cna-1"],
    }
    assert records.on(Decision, SNAPSHOT) == ()
    assert records.counts()["contact"] == 3 and records.counts()["decision"] == 0


def test_started_between() -> None:
    nfp, cna, _ = _contacts().all(NationalContact)
    assert cna.started_between(SNAPSHOT, D(2020, 12, 31))
    assert not nfp.started_between(SNAPSHOT, D(2020, 12, 31))
    assert nfp.started_between(None, SNAPSHOT)
