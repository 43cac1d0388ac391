"""Indicators measured from records, on hand-built records at the two snapshot dates of
the shipped methodology: 31 December 2019 (baseline, cycle 4) and 28 February 2026
(cycle 5). Expected numbers are worked out next to each test.

Parties (``dataset.py``): cycle 4 (deadline 2019-10-01): br GRULAC, ke AFR, in ASP, de
WEOG, pl CEE, eu (no region): 6. Cycle 5 (deadline 2026-02-28): the same and ss AFR
(joined 2020): 7. ``us`` is a WEOG government that is not a Party; ``xx`` joined after
the fifth deadline.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cpbmonitor.core.formats import Questionnaire
from cpbmonitor.core.indicators import (
    REGIONS,
    Evaluation,
    MethodologyError,
    evaluate,
    load_methodology,
    load_methodology_file,
)
from cpbmonitor.core.indicators.engine import context
from cpbmonitor.core.indicators.inputs import Settings
from cpbmonitor.core.indicators.methodology import RECORD_SOURCES, RecordTiming
from cpbmonitor.core.indicators.records import NO_RECORDS, RECORD_MEASURES, run_measure
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.records import (
    CapacityActivity,
    ComplianceIssue,
    ComplianceReview,
    Decision,
    DetectionMethod,
    LivingModifiedOrganism,
    NationalContact,
    NonMandatoryRecord,
    RecordModel,
    RecordSet,
    ReportFunding,
    UsageStatistic,
)
from tests.core.indicators.conftest import C4, C5, TINY
from tests.core.indicators.dataset import PARTIES, REPORTS

D = dt.date
FIXTURES = Path(__file__).parent / "fixtures"
NFP, CNA, A17 = "national-focal-point", "competent-national-authority", "article-17-contact-point"


def contact(
    ident: str, government: str, role: str, start: dt.date, end: dt.date | None = None
) -> NationalContact:
    return NationalContact(
        identifier=ident,
        government=government,
        role=role,
        name=ident,
        valid_from=start,
        valid_to=end,
    )


CONTACTS = [
    # br: its Article 17 contact point was designated after the baseline snapshot.
    contact("br-nfp", "br", NFP, D(2010, 1, 1)),
    contact("br-cna", "br", CNA, D(2010, 1, 1)),
    contact("br-a17", "br", A17, D(2020, 5, 1)),
    # ke: its Article 17 contact point ended before the baseline snapshot; the next one
    # was designated after the fifth snapshot.
    contact("ke-nfp", "ke", NFP, D(2008, 1, 1)),
    contact("ke-cna", "ke", CNA, D(2008, 1, 1)),
    contact("ke-a17", "ke", A17, D(2008, 1, 1), D(2018, 7, 1)),
    contact("ke-a17-new", "ke", A17, D(2026, 3, 15)),
    # in: all three throughout.
    contact("in-nfp", "in", NFP, D(2005, 1, 1)),
    contact("in-cna", "in", CNA, D(2005, 1, 1)),
    contact("in-a17", "in", A17, D(2005, 1, 1)),
    # de: its authority was withdrawn in 2022; a new one designated on the snapshot day.
    contact("de-nfp", "de", NFP, D(2005, 1, 1)),
    contact("de-cna", "de", CNA, D(2005, 1, 1), D(2022, 1, 1)),
    contact("de-cna-new", "de", CNA, D(2026, 2, 28)),
    contact("de-a17", "de", A17, D(2005, 1, 1)),
    # pl: a focal point (and a BCH focal point, which no indicator needs) only.
    contact("pl-nfp", "pl", NFP, D(2005, 1, 1)),
    contact("pl-bch", "pl", "bch-focal-point", D(2005, 1, 1)),
    # eu: all three; global figure only.
    contact("eu-nfp", "eu", NFP, D(2004, 1, 1)),
    contact("eu-cna", "eu", CNA, D(2004, 1, 1)),
    contact("eu-a17", "eu", A17, D(2004, 1, 1)),
    # ss: all three from 2021 (a Party in cycle 5 only); us: not a Party.
    contact("ss-nfp", "ss", NFP, D(2021, 1, 1)),
    contact("ss-cna", "ss", CNA, D(2021, 1, 1)),
    contact("ss-a17", "ss", A17, D(2021, 1, 1)),
    contact("us-nfp", "us", NFP, D(2004, 1, 1)),
    contact("us-cna", "us", CNA, D(2004, 1, 1)),
    contact("us-a17", "us", A17, D(2004, 1, 1)),
]


def issue(
    ident: str, government: str, start: dt.date, end: dt.date | None, finding: bool
) -> ComplianceIssue:
    return ComplianceIssue(
        identifier=ident,
        government=government,
        subject="s",
        valid_from=start,
        valid_to=end,
        finding_of_non_compliance=finding,
    )


ISSUES = [
    issue("i1", "ke", D(2015, 3, 1), D(2018, 5, 1), True),  # resolved before 2019
    issue("i2", "pl", D(2017, 6, 1), D(2021, 9, 1), True),  # open at the baseline
    issue("i3", "in", D(2019, 11, 1), None, False),  # open, no finding
    issue("i4", "br", D(2021, 1, 1), D(2024, 1, 1), False),  # opened and resolved in cycle 5
    issue("i5", "ss", D(2025, 1, 1), None, True),  # open at the fifth snapshot
    issue("i6", "us", D(2016, 1, 1), None, True),  # not a Party: never counted
    issue("i7", "de", D(2026, 3, 1), None, True),  # opened after the fifth snapshot
]


def decision(ident: str, government: str, day: dt.date, risk: bool) -> Decision:
    return Decision(
        identifier=ident,
        government=government,
        title=ident,
        decision_type="intentional-introduction",
        valid_from=day,
        risk_assessment=f"ra-{ident}" if risk else None,
    )


DECISIONS = [
    decision("d1", "br", D(2015, 6, 1), True),  # before the baseline period
    decision("d2", "br", D(2017, 3, 1), True),
    decision("d3", "br", D(2018, 8, 1), False),
    decision("d4", "ke", D(2019, 12, 31), True),  # on the snapshot day: in
    decision("d5", "in", D(2016, 1, 1), False),  # the first day of the period: in
    decision("d6", "us", D(2018, 1, 1), True),  # not a Party
    decision("d7", "eu", D(2019, 5, 1), True),  # global only
    decision("d8", "ss", D(2019, 6, 1), True),  # ss not yet a Party in cycle 4
    decision("d9", "br", D(2020, 1, 1), True),
    decision("d10", "de", D(2023, 5, 5), False),
    decision("d11", "ss", D(2021, 2, 2), True),
    decision("d12", "pl", D(2026, 3, 1), True),  # after the fifth snapshot
    decision("d13", "ke", D(2025, 12, 31), False),
]


def lmo(
    ident: str, start: dt.date, end: dt.date | None = None, flagged: bool = False
) -> LivingModifiedOrganism:
    return LivingModifiedOrganism(
        identifier=ident,
        name=ident,
        organism="Zea mays",
        valid_from=start,
        valid_to=end,
        adverse_effects=flagged,
    )


def method(
    ident: str, lmos: list[str], start: dt.date, end: dt.date | None = None
) -> DetectionMethod:
    return DetectionMethod(identifier=ident, title=ident, lmos=lmos, valid_from=start, valid_to=end)


LMOS = [
    lmo("L1", D(2010, 1, 1), flagged=True),
    lmo("L2", D(2015, 1, 1)),  # its method came in 2020
    lmo("L3", D(2016, 1, 1)),  # its method was withdrawn before 2019-12-31
    lmo("L4", D(2021, 1, 1)),  # no method
    lmo("L5", D(2012, 1, 1), D(2024, 1, 1), flagged=True),  # withdrawn in 2024
    lmo("L6", D(2026, 3, 1)),  # after the fifth snapshot
    lmo("L7", D(2022, 1, 1), flagged=True),
]
METHODS = [
    method("M1", ["L1", "L5"], D(2012, 1, 1)),
    method("M2", ["L2", "L7"], D(2020, 3, 1)),
    method("M3", ["L3"], D(2016, 1, 1), D(2019, 6, 1)),
    method("M4", ["L6"], D(2026, 3, 1)),
]


def usage(ident: str, start: dt.date, end: dt.date, users: int, visits: int) -> UsageStatistic:
    return UsageStatistic(
        identifier=ident, valid_from=start, valid_to=end, users=users, visits=visits
    )


USAGE = [
    usage("u2018", D(2018, 1, 1), D(2019, 1, 1), 900, 4000),  # last day 2018-12-31
    usage("u2019", D(2019, 1, 1), D(2020, 1, 1), 1000, 5000),  # last day 2019-12-31
    usage("u2025a", D(2025, 1, 1), D(2025, 7, 1), 700, 3000),
    usage("u2025b", D(2025, 7, 1), D(2026, 1, 1), 800, 4000),  # last day 2025-12-31
    usage("u2026", D(2026, 1, 1), D(2026, 4, 1), 500, 2500),  # ends in 2026
]


def activity(
    ident: str, level: str, start: dt.date, end: dt.date | None, **reach: list[str]
) -> CapacityActivity:
    return CapacityActivity(
        identifier=ident,
        title=ident,
        providers=["SCBD"],
        level=level,
        valid_from=start,
        valid_to=end,
        **reach,
    )


ACTIVITIES = [
    activity("a1", "national", D(2017, 1, 1), D(2018, 12, 31), governments=["br"]),
    activity("a2", "regional", D(2021, 1, 1), None, governments=["ke", "ss"], regions=["AFR"]),
    activity("a3", "global", D(2020, 1, 1), D(2021, 1, 1)),  # names no Party
    activity("a4", "regional", D(2018, 1, 1), D(2019, 1, 1), regions=["ASP"]),  # no Party
    # held on 2016-01-01, the first day of the baseline period:
    activity("a5", "subregional", D(2014, 1, 1), D(2016, 1, 2), governments=["de", "pl"]),
    activity("a6", "national", D(2026, 3, 1), None, governments=["in"]),  # after
]

RECORDS = RecordSet.of([*CONTACTS, *ISSUES, *DECISIONS, *LMOS, *METHODS, *USAGE, *ACTIVITIES])


def run(version: str, records: RecordSet | None, formats: dict[int, Questionnaire]) -> Evaluation:
    plan = load_plan(version)
    return evaluate(
        plan, load_methodology(version), C5, C4, PARTIES, REPORTS, TINY, formats, records
    )


@pytest.fixture(scope="module")
def ev(real_formats: dict[int, Questionnaire]) -> Evaluation:
    return run("draft-2020", RECORDS, real_formats)


@pytest.fixture(scope="module")
def ev2019(real_formats: dict[int, Questionnaire]) -> Evaluation:
    return run("draft-2019", RECORDS, real_formats)


def numbers(ev: Evaluation, code: str, group: str = "global") -> tuple[object, ...]:
    g = ev.result(code).groups[group]
    return g.numerator, g.denominator, g.value, g.baseline_numerator, g.baseline_denominator


def regions_add_up(
    ev: Evaluation, code: str, eu: tuple[int, int] = (0, 0), eu_baseline: tuple[int, int] = (0, 0)
) -> None:
    """The regional numerators and denominators add up to the global ones minus the EU's
    (``eu``: its numerator and denominator in the current cycle)."""
    groups = ev.result(code).groups
    world = groups["global"]
    for (num, den), (eu_num, eu_den) in (
        (("numerator", "denominator"), eu),
        (("baseline_numerator", "baseline_denominator"), eu_baseline),
    ):
        assert sum(getattr(groups[r], num) for r in REGIONS) + eu_num == getattr(world, num)
        assert sum(getattr(groups[r], den) for r in REGIONS) + eu_den == getattr(world, den)


def test_a1b_contacts_as_on_both_snapshots(ev: Evaluation) -> None:
    # 2019-12-31, Parties br ke in de pl eu: br no (Art. 17 designated in 2020), ke no
    # (Art. 17 ended 2018-07-01), in yes, de yes, pl no (focal point only), eu yes -> 3/6.
    # 2026-02-28, + ss: br yes, ke no (new Art. 17 from 2026-03-15), in yes, de yes (new
    # authority designated on the day), pl no, eu yes, ss yes -> 5/7; us never counts.
    assert numbers(ev, "A.1(b)") == (5, 7, 71.43, 3, 6)
    g = ev.result("A.1(b)").overall
    assert (g.baseline_value, g.change, g.status) == (50.0, 21.43, "improved")
    assert g.note == "as on 2026-02-28; baseline: as on 2019-12-31"
    assert numbers(ev, "A.1(b)", "AFR") == (1, 2, 50.0, 0, 1)  # ss yes, ke no | ke no
    assert numbers(ev, "A.1(b)", "GRULAC") == (1, 1, 100.0, 0, 1)  # br
    assert numbers(ev, "A.1(b)", "WEOG") == (1, 1, 100.0, 1, 1)  # de; not us
    assert numbers(ev, "A.1(b)", "CEE") == (0, 1, 0.0, 0, 1)
    regions_add_up(ev, "A.1(b)", eu=(1, 1), eu_baseline=(1, 1))


def test_a1b_scorecard(ev: Evaluation) -> None:
    def score(government: str) -> tuple[bool | None, bool | None]:
        s = next(s for s in ev.party_scores(government) if s.indicator == "A.1(b)")
        return s.current, s.baseline

    assert score("br") == (True, False)
    assert score("ke") == (False, False)
    assert score("de") == (True, True)
    assert score("ss") == (True, None)  # not a Party in cycle 4
    assert all(s.indicator != "A.1(b)" for s in ev.party_scores("us"))


def test_a4a_open_findings(ev: Evaluation) -> None:
    # 2019-12-31: pl's issue with a finding is open (i2) -> 5/6; in's open issue has no
    # finding. 2026-02-28: i2 resolved; ss's finding open (i5) -> 6/7.
    assert numbers(ev, "A.4(a)") == (6, 7, 85.71, 5, 6)
    assert numbers(ev, "A.4(a)", "AFR") == (1, 2, 50.0, 1, 1)


def test_a4a_falls_back_to_open_findings_without_reviews_and_says_so(ev: Evaluation) -> None:
    note = ev.result("A.4(a)").overall.note or ""
    assert note.startswith(
        "as on 2026-02-28; no compliance reviews loaded: measured as Parties without an open "
        "finding of non-compliance; baseline: as on 2019-12-31; no compliance reviews loaded"
    )


def review(ident: str, government: str, day: dt.date, in_compliance: bool) -> ComplianceReview:
    return ComplianceReview(
        identifier=ident,
        government=government,
        subject="review of the national report",
        valid_from=day,
        conclusion="in-compliance" if in_compliance else "non-compliance",
    )


REVIEWS = [
    review("r-br", "br", D(2019, 6, 1), True),
    review("r-ke-4", "ke", D(2019, 6, 1), False),
    review("r-ke-5", "ke", D(2024, 1, 1), True),  # supersedes r-ke-4
    review("r-pl", "pl", D(2023, 1, 1), True),  # i2 was resolved in 2021
    review("r-ss", "ss", D(2024, 6, 1), True),  # but ss's finding i5 is open in 2026
    review("r-in-a", "in", D(2022, 1, 1), True),
    review("r-in-b", "in", D(2022, 1, 1), False),  # the same day: non-compliance wins
    review("r-de", "de", D(2026, 3, 1), False),  # after the fifth snapshot
    review("r-us", "us", D(2020, 1, 1), True),  # not a Party
]


def test_a4a_from_the_committees_reviews(real_formats: dict[int, Questionnaire]) -> None:
    ev = run("draft-2020", RecordSet.of([*RECORDS, *REVIEWS]), real_formats)
    # 2019-12-31: reviewed br (in compliance) and ke (not) -> 1/2. 2026-02-28: br (2019),
    # ke (2024), pl yes; ss (open finding i5) and in (same-day non-compliance) no -> 3/5;
    # de's review is later, us is no Party, eu was never reviewed.
    assert numbers(ev, "A.4(a)") == (3, 5, 60.0, 1, 2)
    assert numbers(ev, "A.4(a)", "AFR") == (1, 2, 50.0, 0, 1)
    assert numbers(ev, "A.4(a)", "ASP") == (0, 1, 0.0, 0, 0)
    assert numbers(ev, "A.4(a)", "CEE") == (1, 1, 100.0, 0, 0)
    regions_add_up(ev, "A.4(a)")
    note = ev.result("A.4(a)").overall.note or ""
    assert "5 of 7 Parties reviewed by the Committee by the date" in note
    assert "2 of 6 Parties reviewed" in note and "measured as" not in note


def publication(ident: str, government: str, day: dt.date) -> NonMandatoryRecord:
    return NonMandatoryRecord(
        identifier=ident, government=government, kind="virtual-library-resource", valid_from=day
    )


PUBLICATIONS = [
    publication("v1", "br", D(2015, 10, 31)),  # on the third deadline: before the period
    publication("v2", "ke", D(2015, 11, 1)),  # the first day of the baseline period
    publication("v3", "in", D(2019, 10, 1)),  # the baseline's last day, not the current's
    publication("v4", "in", D(2019, 10, 2)),
    publication("v5", "de", D(2024, 1, 1)),
    publication("v6", "us", D(2020, 1, 1)),  # not a Party
    publication("v7", "ss", D(2018, 1, 1)),  # before ss joined, and before the period
    publication("v8", "pl", D(2026, 3, 1)),  # after the fifth snapshot
]


def test_a2b_parties_publishing_non_mandatory_records(
    real_formats: dict[int, Questionnaire],
) -> None:
    ev = run("draft-2020", RecordSet.of([*RECORDS, *PUBLICATIONS]), real_formats)
    # 2015-11-01..2019-10-01, Parties br ke in de pl eu: ke, in -> 2/6.
    # 2019-10-02..2026-02-28, + ss: in (v4), de (v5) -> 2/7.
    assert numbers(ev, "A.2(b)") == (2, 7, 28.57, 2, 6)
    assert numbers(ev, "A.2(b)", "AFR") == (0, 2, 0.0, 1, 1)
    assert numbers(ev, "A.2(b)", "WEOG") == (1, 1, 100.0, 0, 1)
    regions_add_up(ev, "A.2(b)", eu=(0, 1), eu_baseline=(0, 1))
    g = ev.result("A.2(b)").overall
    assert g.note and g.note.startswith("from 2019-10-02 to 2026-02-28")
    assert g.comparability == "same"


def funding(ident: str, government: str, cycle: int, day: dt.date) -> ReportFunding:
    return ReportFunding(identifier=ident, government=government, cycle=cycle, valid_from=day)


FUNDING = [
    funding("f-br-4", "br", 4, D(2018, 3, 1)),
    funding("f-ke-4", "ke", 4, D(2018, 10, 1)),  # the last day in time (a year before)
    funding("f-in-4", "in", 4, D(2019, 1, 15)),  # late
    funding("f-br-5", "br", 5, D(2025, 2, 28)),  # the last day in time
    funding("f-ke-5", "ke", 5, D(2025, 6, 1)),  # late
    funding("f-ss-5", "ss", 5, D(2024, 1, 1)),
    funding("f-de-5", "de", 5, D(2024, 1, 1)),  # de is not GEF-eligible
]


def test_a3b_eligible_parties_funded_a_year_before_the_deadline(
    real_formats: dict[int, Questionnaire],
) -> None:
    ev = run("draft-2020", RecordSet.of([*RECORDS, *FUNDING]), real_formats)
    # Eligible in cycle 4: br ke in (ss joined later, xx later still) -> br, ke: 2/3.
    # Cycle 5: br ke in ss -> br, ss: 2/4; ke late, in none; de not eligible.
    assert numbers(ev, "A.3(b)") == (2, 4, 50.0, 2, 3)
    assert numbers(ev, "A.3(b)", "AFR") == (1, 2, 50.0, 1, 1)
    assert numbers(ev, "A.3(b)", "WEOG") == (0, 0, None, 0, 0)
    note = ev.result("A.3(b)").overall.note or ""
    assert note.startswith("as on 2025-02-28; funding for the report of cycle 5; 1 eligible")
    assert "baseline: as on 2018-10-01; funding for the report of cycle 4; 1 eligible" in note


def test_a4b_issues_resolved_by_the_date(ev: Evaluation) -> None:
    # 2019-12-31: opened by then i1 (ke, resolved 2018), i2 (pl, open), i3 (in, open)
    # -> 1/3. 2026-02-28: i1, i2 (resolved 2021), i4 (br, resolved 2024) yes; i3, i5 (ss)
    # open -> 3/5; i7 opened after the date and i6 (us) are left out.
    assert numbers(ev, "A.4(b)") == (3, 5, 60.0, 1, 3)
    assert ev.result("A.4(b)").overall.baseline_value == 33.33
    assert numbers(ev, "A.4(b)", "AFR") == (1, 2, 50.0, 1, 1)  # ke yes, ss no | ke
    assert numbers(ev, "A.4(b)", "CEE") == (1, 1, 100.0, 0, 1)  # pl
    assert numbers(ev, "A.4(b)", "WEOG") == (0, 0, None, 0, 0)  # de's issue is later
    regions_add_up(ev, "A.4(b)")


def test_a5b_decisions_in_the_period(ev: Evaluation) -> None:
    # Baseline period 2016-01-01..2019-12-31: d2 (br, RA) d3 (br) d4 (ke, RA, on the day)
    # d5 (in, first day) d7 (eu, RA) -> 3/5; d1 is earlier, d6 is the United States', d8
    # is ss's (no Party in cycle 4). Current 2020-01-01..2026-02-28: d9 (br, RA) d10 (de)
    # d11 (ss, RA) d13 (ke) -> 2/4; d12 is later.
    assert numbers(ev, "A.5(b)") == (2, 4, 50.0, 3, 5)
    g = ev.result("A.5(b)").overall
    assert (g.change, g.status) == (-10.0, "declined")
    assert g.note == "from 2020-01-01 to 2026-02-28; baseline: from 2016-01-01 to 2019-12-31"
    assert numbers(ev, "A.5(b)", "GRULAC") == (1, 1, 100.0, 1, 2)
    assert numbers(ev, "A.5(b)", "AFR") == (1, 2, 50.0, 1, 1)
    assert numbers(ev, "A.5(b)", "WEOG") == (0, 1, 0.0, 0, 0)
    regions_add_up(ev, "A.5(b)", eu_baseline=(1, 1))  # d7, the EU's, in the baseline


def test_a5b_with_non_parties(real_formats: dict[int, Questionnaire]) -> None:
    # With non_parties, the baseline also counts d6 (us, WEOG, RA) and d8 (ss, AFR, RA)
    # -> 5/7; the United States' decision counts in WEOG.
    ctx = context(C4, PARTIES, REPORTS, real_formats[4], Settings(), RECORDS)
    timing = RecordTiming(
        snapshots={4: D(2019, 12, 31)}, since={4: D(2015, 12, 31)}, non_parties=True
    )
    measured = run_measure("decisions-with-risk-assessment", timing, ctx)
    assert (measured.groups["global"].numerator, measured.groups["global"].denominator) == (5, 7)
    assert (measured.groups["WEOG"].numerator, measured.groups["WEOG"].denominator) == (1, 1)
    assert (measured.groups["AFR"].numerator, measured.groups["AFR"].denominator) == (2, 2)


def test_a8a_lmos_with_detection_methods(ev: Evaluation) -> None:
    # 2019-12-31: L1 L2 L3 L5 registered; M1 (L1, L5) holds, M3 ended, M2 not yet -> 2/4.
    # 2026-02-28: L1 L2 L3 L4 L7 (L5 withdrawn, L6 later); M1 and M2 (L2, L7) -> 3/5.
    assert numbers(ev, "A.8(a)") == (3, 5, 60.0, 2, 4)
    assert ev.result("A.8(a)").overall.status == "improved"
    for region in REGIONS:
        g = ev.result("A.8(a)").groups[region]
        assert g.value is None and g.note == "LMOs have no government: global figure only"


def test_a2c_visits_of_the_snapshot_year(ev: Evaluation) -> None:
    # 2019-12-31: u2019 -> 5000 visits, 1000 users. 2025-12-31: u2025a + u2025b -> 7000
    # visits; users 700 and 800 are not added (one user may be active in both periods):
    # at least 800 different users. u2026 ends in 2026.
    g = ev.result("A.2(c)").overall
    assert (g.value, g.baseline_value, g.change) == (7000.0, 5000.0, 2000.0)
    assert g.note and g.note.startswith(
        "2 period(s) ending in 2025 up to 2025-12-31; at least 800 active users (most in "
        "one period); baseline: 1 period(s) ending in 2019 up to 2019-12-31; at least 1000 "
        "active users (most in one period)"
    )
    assert ev.result("A.2(c)").groups["AFR"].note == (
        "BCH usage statistics have no government: global figure only"
    )


def test_draft_2019_equivalents(ev2019: Evaluation) -> None:
    # A.1(c), focal point and authority: 2019: br ke in de eu (pl no) -> 5/6; 2026: the
    # same and ss (de's new authority counts on its first day) -> 6/7.
    assert numbers(ev2019, "A.1(c)") == (6, 7, 85.71, 5, 6)
    assert numbers(ev2019, "A.6(a)") == (3, 5, 60.0, 2, 4)
    assert numbers(ev2019, "A.5(b)") == (2, 4, 50.0, 3, 5)
    # A.10(a): flagged LMO records holding on the date: 2019: L1 L5; 2026: L1 L7.
    g = ev2019.result("A.10(a)").overall
    assert (g.value, g.baseline_value) == (2.0, 2.0)
    assert g.note and g.note.startswith("as on 2026-02-28; 2 of 5 LMO records")


def test_b1_registry_figure_is_beside_the_reports_figure(
    ev: Evaluation, real_formats: dict[int, Questionnaire]
) -> None:
    without = run("draft-2020", None, real_formats)
    for code in ("B.1(b)", "B.1(d)"):
        # The primary (report-based) numbers do not change with the records.
        assert numbers(ev, code) == numbers(without, code)
    # B.1(b): 2020-01-01..2026-02-28: a2 names ke, ss -> 2 of 7; 2016-01-01..2019-12-31:
    # a1 (br) and a5 (de, pl, held on 2016-01-01) -> 3 of 6. a3 and a4 name no Party.
    note = ev.result("B.1(b)").overall.note or ""
    assert "(from 2020-01-01 to 2026-02-28): 2 of 7 (28.57%)" in note
    assert "baseline: Parties named in a registered capacity-building activity" in note
    assert "(from 2016-01-01 to 2019-12-31): 3 of 6 (50.00%)" in note
    # B.1(d): activities naming two governments or more: a2 (ke, ss) | a5 (de, pl).
    note = ev.result("B.1(d)").overall.note or ""
    assert "2 of 7 (28.57%)" in note and "2 of 6 (33.33%)" in note
    assert "Parties named" not in (without.result("B.1(b)").overall.note or "")


def test_no_records_gives_rows_with_a_note(real_formats: dict[int, Questionnaire]) -> None:
    ev = run("draft-2020", None, real_formats)
    for code in ("A.1(b)", "A.2(c)", "A.4(a)", "A.4(b)", "A.5(b)", "A.8(a)"):
        for group in ev.result(code).groups.values():
            assert group.value is None and group.note == NO_RECORDS, code
    assert ev.party_scores("br")  # the scorecard still holds the report-based indicators


def test_records_without_the_type_read_say_which(real_formats: dict[int, Questionnaire]) -> None:
    ev = run("draft-2020", RecordSet.of(DECISIONS), real_formats)
    assert ev.result("A.1(b)").overall.note == "no national contacts loaded"
    assert ev.result("A.5(b)").overall.value == 50.0


def test_every_record_source_entry_is_measured_or_pending() -> None:
    for version in ("draft-2020", "draft-2019"):
        for item in load_methodology(version).indicators:
            if item.source in RECORD_SOURCES:
                assert (item.measure is None) == bool(item.pending), item.code
            if item.measure:
                assert RECORD_MEASURES[item.measure].unit == item.unit


def test_unknown_measure_names_file_line_and_indicator() -> None:
    path = FIXTURES / "methodology-measure-with-problems.yaml"
    with pytest.raises(MethodologyError) as caught:
        load_methodology_file(path)
    message = str(caught.value)
    assert "methodology-measure-with-problems.yaml, line 9" in message
    assert "indicator A.1(b), field 'measure'" in message
    assert "unknown record measure 'parties-with-focal-points'" in message
    assert "parties-with-focal-point-authority-and-article-17" in message  # the known ones


HEAD = "plan: t\ncycles: [4, 5]\nindicators:\n- code: A.4(b)\n  method: x\n"


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (
            "  unit: percent-of-records\n  source: compliance-committee\n"
            "  measure: compliance-issues-resolved\n  pending: later\n",
            "measure compliance-issues-resolved is given: the entry is not pending",
        ),
        (
            "  source: compliance-committee\n  population: all-parties\n"
            "  measure: compliance-issues-resolved\n",
            "measure compliance-issues-resolved gives percent-of-records, not percent-of-parties",
        ),
        (
            "  unit: percent-of-records\n  source: bch-records\n"
            "  measure: compliance-issues-resolved\n",
            "reads compliance-committee records, not bch-records",
        ),
        (
            "  unit: percent-of-records\n  source: compliance-committee\n"
            "  measure: compliance-issues-resolved\n  since: {5: 2019-12-31}\n",
            "takes no 'since'",
        ),
        (
            "  unit: percent-of-records\n  source: bch-records\n"
            "  measure: decisions-with-risk-assessment\n"
            "  snapshots: {5: 2019-12-31}\n  since: {5: 2020-01-01}\n",
            "cycle 5: since 2020-01-01 is not before snapshot 2019-12-31",
        ),
        (
            "  unit: percent-of-records\n  source: bch-records\n"
            "  measure: lmos-with-detection-method\n  snapshots: {3: 2015-12-31}\n",
            "cycle 3 is not in cycles [4, 5]",
        ),
        (
            "  source: bch-records\n  population: all-parties\n  pending: later\n"
            "  snapshots: {4: 2019-12-31}\n",
            "snapshots, since, before_deadline and non_parties need a record measure",
        ),
        (
            "  source: compliance-committee\n  population: all-parties\n  pending: later\n"
            "  fallback: parties-without-unresolved-non-compliance\n",
            "a fallback needs a record measure",
        ),
        (
            "  source: compliance-committee\n  population: all-parties\n"
            "  measure: parties-found-in-compliance\n  fallback: compliance-issues-resolved\n",
            "measure compliance-issues-resolved gives percent-of-records, not percent-of-parties",
        ),
        (
            "  source: gef-funding\n  population: all-parties\n"
            "  measure: eligible-parties-with-timely-gef-funding\n",
            "counts the Parties of population gef-eligible-parties, not all-parties",
        ),
    ],
)
def test_record_entry_problems(entry: str, problem: str, tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(HEAD + entry, encoding="utf-8")
    with pytest.raises(MethodologyError) as caught:
        load_methodology_file(path)
    assert "indicator A.4(b)" in str(caught.value) and problem in str(caught.value)


def test_record_types_registered() -> None:
    kinds: set[type[RecordModel]] = {spec.reads for spec in RECORD_MEASURES.values()}
    assert kinds == {
        NationalContact,
        ComplianceIssue,
        Decision,
        LivingModifiedOrganism,
        UsageStatistic,
        CapacityActivity,
        ComplianceReview,
        NonMandatoryRecord,
        ReportFunding,
    }
