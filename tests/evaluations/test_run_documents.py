"""An evaluation run's document comes wholly from the run's frozen inputs: a report imported,
a milestone edited and a record added after the run change the live document in every
section they touch, and the run's document in none; a run stored in the first layout of
frozen inputs (no milestones, no texts) still gives its document, saying what it leaves
out.

The registry of ``conftest`` (six Parties on the fifth cycle's deadline 2026-02-28, five
reports submitted on 2025-06-01, complete; mx has not reported) plus: br and ng name
needs area (c) in their fifth reports, br writes about its challenges (Q176), one
milestone (A.1(a), world, 80 by 2030).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import zlib

import pytest

from cpbmonitor.core.capacity import cycle_window
from cpbmonitor.core.evaluation import ReportingTotals, Table, render
from cpbmonitor.core.evaluation.reporting import cycle_reporting
from cpbmonitor.core.milestones import Milestone
from cpbmonitor.core.records import CapacityActivity
from cpbmonitor.core.runs import serialise
from cpbmonitor.evaluations.models import EvaluationRun
from cpbmonitor.national_reports.models import Answer, NationalReport
from cpbmonitor.services import evaluation_runs as runs
from cpbmonitor.services.evaluation import cycle_info, party_facts, report_facts
from cpbmonitor.services.evaluation_report import evaluation_document, report_inputs
from cpbmonitor.services.milestones import save_milestones
from cpbmonitor.services.records import save_record
from cpbmonitor.services.run_documents import FIRST_LAYOUT, run_document, run_report_inputs
from cpbmonitor.services.status import cycle_status
from tests.evaluations.conftest import import_new_report

PLAN = "draft-2020"
HAS_NEEDS, AREAS, CHALLENGES = "Q122", "Q123", "Q176"
AREA_C = "7C980FF4-3C5B-4711-81F9-BA6F28C12598"
"""Needs area (c) in the fifth format."""
BR_TEXT = "Too few trained staff to review applications."
MX_TEXT = "Staff turnover leaves few human resources for risk assessment."
TOUCHED = {
    "data-and-method",  # reporting status, dates of the data
    "capacity-building",
    "needs-by-region",
    "milestones",
    "challenges",
    "summary",
}
"""Sections of the live document that the changes after the run reach."""


def name_needs(report: NationalReport) -> None:
    Answer.objects.create(report=report, question=HAS_NEEDS, value="true")
    Answer.objects.create(report=report, question=AREAS, value=AREA_C)


def milestone(target: float, indicator: str = "A.1(a)") -> Milestone:
    return Milestone(
        plan=PLAN, indicator=indicator, target_value=target, target_date=dt.date(2030, 12, 31)
    )


@pytest.fixture
def stored(registry) -> None:
    fifth = {r.government.iso2: r for r in NationalReport.objects.filter(cycle__number=5)}
    name_needs(fifth["br"])
    name_needs(fifth["ng"])
    Answer.objects.create(
        report=fifth["br"], question=CHALLENGES, value="", text=BR_TEXT, language="en"
    )
    save_milestones([milestone(80)])


def after_the_run() -> None:
    """mx's fifth report (late, naming needs area (c), with a text), A.1(a)'s milestone
    raised to 90 and one added for A.1(b), a national activity for br on area (c)."""
    report = import_new_report()
    name_needs(report)
    Answer.objects.create(report=report, question=CHALLENGES, value="", text=MX_TEXT)
    save_milestones([milestone(90), milestone(50, "A.1(b)")])
    window = cycle_window(5)
    activity = CapacityActivity(
        identifier="CBA-BR-1",
        title="Risk assessment training",
        providers=["Secretariat"],
        level="national",
        governments=["br"],
        needs_areas=["(c)"],
        valid_from=window.start,
        valid_to=window.start + dt.timedelta(days=30),
    )
    save_record(activity, creating=True)


def totals(inputs, cycle: int, group: str) -> ReportingTotals:
    return inputs.reporting[cycle].totals[group]


def area_c(inputs) -> tuple[int, int | None]:
    need = next(n for n in inputs.capacity.areas if n.code == "(c)")
    return need.parties, need.activities


def milestones(inputs) -> list[tuple[str, float]]:
    return [(m.indicator, m.target_value) for m in inputs.milestones]


def texts(inputs) -> list[tuple[str, str]]:
    return [(t.government, t.text) for t in inputs.texts]


def sections(document) -> dict[str, object]:
    return {section.key: section for _, section in document.walk()}


def reporting_row(document, cycle: int) -> tuple[object, ...]:
    """The world row of the document's reporting table of ``cycle``: Parties, submitted,
    complete, complete on time."""
    table = next(
        block
        for _, section in document.walk()
        for block in section.blocks
        if isinstance(block, Table) and block.key == f"reports-{cycle}"
    )
    return tuple(cell.value for cell in table.rows[0][1:5])


def quoted(document, text: str) -> bool:
    return text in render(document, "html").decode()


def report_dates(inputs) -> set[dt.date | None]:
    return {s.snapshot for s in inputs.sources if s.name == "national-reports"}


def test_every_section_of_a_run_document_stays_while_the_live_one_changes(stored):
    run = runs.create_run("Mid-term evaluation 2026", PLAN, 5, 4)
    frozen = run_report_inputs(run)
    document = run_document(run)
    html = render(document, "html")
    live = report_inputs(PLAN, 5, 4)
    live_document = evaluation_document(PLAN, 5, 4)

    # worked out from the registry: 6 Parties, 5 reports in each cycle, all complete and
    # on time; in AFR ng reported, mx did not
    assert totals(frozen, 5, "global") == ReportingTotals(6, 5, 5, 5)
    assert totals(frozen, 5, "AFR") == ReportingTotals(2, 1, 1, 1)
    assert totals(frozen, 4, "global") == ReportingTotals(6, 5, 5, 5)
    assert area_c(frozen) == (2, 0)
    assert milestones(frozen) == [("A.1(a)", 80.0)]
    assert texts(frozen) == [("br", BR_TEXT)]
    assert report_dates(frozen) == {dt.date(2025, 6, 1)}
    assert frozen.demonstration is None
    assert reporting_row(document, 5) == (6, 5, 5, 5)
    assert quoted(document, BR_TEXT)
    # the live document, read now, is built from the same figures
    assert (totals(live, 5, "global"), area_c(live), milestones(live), texts(live)) == (
        totals(frozen, 5, "global"),
        area_c(frozen),
        milestones(frozen),
        texts(frozen),
    )

    after_the_run()
    reread = run_report_inputs(runs.get_run("mid-term-evaluation-2026"))
    again = run_document(runs.get_run("mid-term-evaluation-2026"))
    assert sections(again) == sections(document)
    assert again == document
    assert render(again, "html") == html
    assert totals(reread, 5, "global") == ReportingTotals(6, 5, 5, 5)
    assert area_c(reread) == (2, 0)
    assert milestones(reread) == [("A.1(a)", 80.0)]
    assert texts(reread) == [("br", BR_TEXT)]
    assert reread.contributions == frozen.contributions
    assert report_dates(reread) == {dt.date(2025, 6, 1)}

    # the live document took every change: mx reported late, naming area (c); one
    # activity on (c); the milestone raised and one added; mx's text
    now = report_inputs(PLAN, 5, 4)
    assert totals(now, 5, "global") == ReportingTotals(6, 6, 6, 5)
    assert totals(now, 5, "AFR") == ReportingTotals(2, 2, 2, 1)
    assert area_c(now) == (3, 1)
    assert milestones(now) == [("A.1(a)", 90.0), ("A.1(b)", 50.0)]
    assert sorted(texts(now)) == [("br", BR_TEXT), ("mx", MX_TEXT)]
    assert report_dates(now) == {dt.date(2026, 3, 1)}
    now_document = evaluation_document(PLAN, 5, 4)
    later, before = sections(now_document), sections(live_document)
    changed = {key for key in later if later[key] != before.get(key)}
    assert changed >= TOUCHED
    assert reporting_row(now_document, 5) == (6, 6, 6, 5)
    assert reporting_row(again, 5) == (6, 5, 5, 5)
    assert quoted(now_document, MX_TEXT) and not quoted(again, MX_TEXT)


def test_the_documents_reporting_status_counts_as_the_status_page(stored):
    import_new_report()
    for number in (4, 5):
        status = cycle_status(number)
        computed = cycle_reporting(cycle_info(number), party_facts(), report_facts([number]))
        assert {group: dataclasses.astuple(t) for group, t in computed.totals.items()} == {
            group: dataclasses.astuple(t) for group, t in status.totals.items()
        }
    assert dataclasses.astuple(status.totals["global"]) == (6, 6, 6, 5)


def test_a_run_stored_in_the_first_layout_still_gives_its_document(stored):
    run = runs.create_run("Mid-term evaluation 2026", PLAN, 5, 4)
    old = dataclasses.replace(runs.frozen_inputs(run), milestones=None, texts=None)
    data = serialise(old)
    assert b'"format":1,' in data
    assert b'"milestones"' not in data and b'"texts"' not in data
    first = runs.store_inputs(old)
    EvaluationRun.objects.filter(pk=run.pk).update(data=first)
    run = runs.get_run("mid-term-evaluation-2026")
    assert zlib.decompress(bytes(first.content)) == data
    after_the_run()

    inputs = run_report_inputs(run)
    assert totals(inputs, 5, "global") == ReportingTotals(6, 5, 5, 5)
    assert area_c(inputs) == (2, 0)
    assert (inputs.milestones, inputs.texts) == (None, None)  # not frozen, not read live
    document = run_document(run)
    assert document.sections[0].blocks[0].text.endswith(FIRST_LAYOUT)
    assert run.data_fingerprint[:12] in document.sections[0].blocks[0].text
    assert run_document(runs.get_run(run.slug)) == document
