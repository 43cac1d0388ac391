"""The frozen inputs of an evaluation run: layout 2 holds the milestones and the quoted
texts besides the engine's inputs; layout 1 (the first runs) is still read, and written
back byte for byte."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from cpbmonitor.core.analysis import TextAnswer
from cpbmonitor.core.indicators import (
    CycleInfo,
    PartyFacts,
    ReportFacts,
    Settings,
    load_methodology,
)
from cpbmonitor.core.milestones import Milestone
from cpbmonitor.core.records import RecordSet
from cpbmonitor.core.runs import FrozenInputs, FrozenReport, fingerprint, parse, serialise
from cpbmonitor.core.runs.frozen import FORMAT, READABLE, FrozenInputsError

MILESTONES = (
    Milestone(
        plan="draft-2020", indicator="A.1(b)", target_value=50, target_date=dt.date(2030, 12, 31)
    ),
    Milestone(
        plan="draft-2020",
        indicator="A.1(a)",
        group="AFR",
        target_value=80,
        target_date=dt.date(2026, 12, 31),
        demonstration=True,
    ),
)
TEXTS = (
    TextAnswer("ng", "AFR", 5, "Q176", "Few trained staff.", None, "en", None),
    TextAnswer("br", "GRULAC", 5, "Q126", "Falta de recursos.", "opt", "es", "es"),
)


def inputs(**changes) -> FrozenInputs:
    made = FrozenInputs(
        plan="draft-2020",
        cycles=(CycleInfo(5, "cpbNationalReport5", dt.date(2023, 10, 1)),),
        as_of=dt.date(2026, 1, 1),
        parties=(PartyFacts("ng", "AFR", dt.date(2004, 1, 1)),),
        reports=(
            FrozenReport(
                "demo-ng-5",
                ReportFacts("ng", 5, dt.date(2023, 9, 1), True, {"Q007": frozenset({"x"})}),
            ),
        ),
        records=RecordSet(),
        methodology=load_methodology("draft-2020"),
        milestones=MILESTONES,
        texts=TEXTS,
    )
    return dataclasses.replace(made, **changes)


def test_layout_2_holds_milestones_and_texts_in_a_canonical_order():
    data = serialise(inputs())
    raw = json.loads(data)
    assert (raw["format"], FORMAT, READABLE) == (2, 2, (1, 2))
    assert [(m["indicator"], m["group"]) for m in raw["milestones"]] == [
        ("A.1(a)", "AFR"),
        ("A.1(b)", "global"),
    ]
    assert [t["government"] for t in raw["texts"]] == ["br", "ng"]
    reversed_order = inputs(milestones=MILESTONES[::-1], texts=TEXTS[::-1])
    assert serialise(reversed_order) == data
    back = parse(data, expected=fingerprint(data))
    assert back.milestones is not None and {m.key for m in back.milestones} == {
        m.key for m in MILESTONES
    }
    assert back.texts is not None and set(back.texts) == set(TEXTS)
    assert serialise(back) == data
    assert back.reports[0].demonstration


def test_milestones_and_texts_change_the_fingerprint():
    data = serialise(inputs())
    raised = (MILESTONES[0].model_copy(update={"target_value": 60}), MILESTONES[1])
    assert fingerprint(serialise(inputs(milestones=raised))) != fingerprint(data)
    assert fingerprint(serialise(inputs(texts=TEXTS[:1]))) != fingerprint(data)
    stricter = inputs(settings=Settings(min_denominator=20))
    assert fingerprint(serialise(stricter)) != fingerprint(data)
    assert parse(serialise(stricter)).settings == Settings(min_denominator=20)


def test_layout_1_is_read_without_milestones_and_texts_and_written_back_alike():
    old = {
        k: v
        for k, v in json.loads(serialise(inputs())).items()
        if k not in ("milestones", "texts", "settings")
    }
    old["format"] = 1
    data = json.dumps(old, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    back = parse(data, expected=fingerprint(data))
    assert (back.milestones, back.texts, back.settings, back.layout) == (None, None, None, 1)
    assert serialise(back) == data
    empty = inputs(milestones=(), texts=())
    assert (empty.layout, json.loads(serialise(empty))["milestones"]) == (2, [])


def test_an_unknown_layout_is_refused():
    raw = json.loads(serialise(inputs()))
    raw["format"] = 3
    with pytest.raises(FrozenInputsError, match="format 3, not 1, 2"):
        parse(json.dumps(raw).encode())
