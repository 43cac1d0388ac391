"""A tiny hand-built world for the capacity-building analyses, with the expected numbers
worked out below (used by the core, CLI and page tests).

Parties (Protocol Parties since 2004 unless said): br, mx (GRULAC), ng, ke (AFR),
fr (WEOG), eu (no region); ar is not a Party; sl (AFR) joined on 2026-06-01, after the
fifth deadline (2026-02-28), so it is not counted.

Fifth cycle (Q121 assessed, Q122 still needs, Q123 areas, Q124 prioritised):

    br  assessed yes, needs yes, (a) (c) (i), prioritised yes
    mx  assessed no,  needs yes, (c),          prioritised no
    ng  assessed yes, needs yes, (a) (i) (m), prioritised yes   (an older report named (b))
    ke  assessed yes, needs no,  (a) left in the disabled areas question: not counted
    fr  assessed yes, needs no
    eu  needs yes, (c)
    ar  (not a Party) and sl (late joiner) name (a): not counted

-> reporting: world 6, GRULAC 2, AFR 2, WEOG 1 (eu in no region)
-> (a): world 2 (br, ng), GRULAC 1, AFR 1; (c): world 3 (br, mx, eu), GRULAC 2;
   (i): world 2, GRULAC 1, AFR 1; (m): world 1, AFR 1; every other area 0
-> assessed 4 (br, ng, ke, fr), prioritised 2 (br, ng), with needs 4 (br, mx, ng, eu)

Fourth cycle (Q134 needs, Q135 areas): br (a) (c); ng (a); fr (h) -> reporting 3;
(a) 2, (c) 1, (h) 1.

Activities (fifth-cycle window 2019-10-02 to 2026-02-28):

    a1  national br, (a), USD 100,000, 2020-01-01 to 2021-01-01
    a2  regional AFR, key area A.6-A.8 (3) -> (i), USD 300,000, from 2024-01-01
    a3  global, (c), USD 500,000, 2025-06-01 to 2026-06-01
    a4  subregional ng ke, (m), 2018-01-01 to 2019-06-01: before the window
    a5  regional GRULAC, activity "A.7 (iii)" -> A.6-A.8 (iii) -> (i), no amount, from 2026-01-01
    a6  national ng, (a), from 2027-01-01: after the window (planned)
    a7  regional ASP and CEE, (e), USD 200,000, 2022-01-01 to 2023-01-01

Coverage cells (in need / activities / funding / uncovered):

    (a) world 2 / 1 / 100,000 / 1 (ng); GRULAC 1 / 1 / 100,000 / 0; AFR 1 / 0 / 0 / 1 (score 0.5)
    (c) world 3 / 1 / 500,000 / 0; each region 1 activity and 100,000 (a3 split in five)
    (e) world 0 / 1 / 200,000; ASP and CEE 0 / 1 / 100,000 (a7 split in two)
    (i) world 2 / 2 / 300,000 / 0; AFR 1 / 1 / 300,000; GRULAC 1 / 1 / 0
    (m) world 1 / 0 / 0 / 1; AFR 1 / 0 / 0 / 1
-> regional cells with need and no activity: (a) AFR, (m) AFR
-> unreached: ng, needs (a) (i) (m), unreached (a) (m), reached by 2 activities (a2, a3)
"""

from __future__ import annotations

import datetime as dt

from cpbmonitor.core.formats import shipped_format
from cpbmonitor.core.indicators import CycleInfo, PartyFacts, ReportFacts
from cpbmonitor.core.records import CapacityActivity, CapacityResource, RecordSet

CYCLE4 = CycleInfo(4, "cpbNationalReport4", dt.date(2019, 10, 1))
CYCLE5 = CycleInfo(5, "cpbNationalReport5", dt.date(2026, 2, 28))
Q4 = shipped_format("cpbNationalReport4")
Q5 = shipped_format("cpbNationalReport5")

TERMS = {
    "(a)": "BB3CA716-E122-4445-9FAD-9F6B440363BD",
    "(b)": "68250AA6-75F1-470D-A8E7-85ECDF703D00",
    "(c)": "7C980FF4-3C5B-4711-81F9-BA6F28C12598",
    "(e)": "8419162A-8A34-46AC-8AF2-3D2905F9BA08",
    "(h)": "6F6C058C-6741-4878-A448-AE56299821A8",
    "(i)": "0FF8F112-C0E9-4A18-83E1-40D4EF61503E",
    "(m)": "D9AC6B7F-316B-483B-8E74-A5EC87343C81",
}
NEEDS_ROW_A = {
    "term": TERMS["(a)"],
    "area": "Institutions and human resources",
    "global": 2,
    "AFR": 1,
    "ASP": 0,
    "CEE": 0,
    "GRULAC": 1,
    "WEOG": 0,
}
"""The fifth cycle's needs row of area (a) (br, ng; see above), in the documented JSON
shape of ``output.needs_rows`` and `cpb capacity needs -f json`."""
SINCE = dt.date(2004, 1, 1)
PARTIES: dict[str, tuple[str | None, dt.date | None]] = {
    "br": ("GRULAC", SINCE),
    "mx": ("GRULAC", SINCE),
    "ng": ("AFR", SINCE),
    "ke": ("AFR", SINCE),
    "fr": ("WEOG", SINCE),
    "eu": (None, SINCE),
    "ar": ("GRULAC", None),
    "sl": ("AFR", dt.date(2026, 6, 1)),
}


def party_facts() -> list[PartyFacts]:
    return [PartyFacts(code, region, since) for code, (region, since) in PARTIES.items()]


Row = tuple[str, str, bool | None, bool | None, tuple[str, ...], bool | None]
"""(government, submitted on, assessed, still has needs, areas, prioritised)."""

ROWS_5: list[Row] = [
    ("br", "2025-06-01", True, True, ("(a)", "(c)", "(i)"), True),
    ("mx", "2025-07-01", False, True, ("(c)",), False),
    ("ng", "2025-01-10", False, True, ("(b)",), None),  # superseded by the next one
    ("ng", "2025-08-01", True, True, ("(a)", "(i)", "(m)"), True),
    ("ke", "2025-09-01", True, False, ("(a)",), None),
    ("fr", "2025-10-01", True, False, (), None),
    ("eu", "2025-11-01", None, True, ("(c)",), None),
    ("ar", "2025-11-02", True, True, ("(a)",), None),
    ("sl", "2026-07-01", True, True, ("(a)",), None),
]
ROWS_4: list[Row] = [
    ("br", "2019-09-01", True, True, ("(a)", "(c)"), True),
    ("ng", "2019-09-02", False, True, ("(a)",), False),
    ("fr", "2019-09-03", True, True, ("(h)",), True),
]
KEYS = {5: ("Q121", "Q122", "Q123", "Q124"), 4: ("Q133", "Q134", "Q135", "Q136")}
"""Cycle -> keys of (assessed, still has needs, areas, prioritised)."""
SUPERSEDED = {("ng", "2025-01-10")}


def answers(cycle: int, row: Row) -> dict[str, frozenset[str]]:
    _, _, assessed, needs, areas, prioritised = row
    assessed_key, needs_key, areas_key, prioritised_key = KEYS[cycle]
    found: dict[str, frozenset[str]] = {}
    for key, flag in ((assessed_key, assessed), (needs_key, needs), (prioritised_key, prioritised)):
        if flag is not None:
            found[key] = frozenset({"true" if flag else "false"})
    if areas:
        found[areas_key] = frozenset(TERMS[code] for code in areas)
    return found


def report_facts() -> list[ReportFacts]:
    return [
        ReportFacts(row[0], cycle, dt.date.fromisoformat(row[1]), True, answers(cycle, row))
        for cycle, rows in ((5, ROWS_5), (4, ROWS_4))
        for row in rows
    ]


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def activity(
    identifier: str, level: str, start: str, end: str | None = None, **fields
) -> CapacityActivity:
    values = {
        "identifier": identifier,
        "title": f"Activity {identifier}",
        "providers": ["Someone"],
        "level": level,
        "valid_from": _day(start),
        "valid_to": _day(end) if end else None,
    }
    return CapacityActivity(**(values | fields))


ACTIVITIES = [
    activity(
        "a1", "national", "2020-01-01", "2021-01-01", governments=["br"],
        needs_areas=["(a)"], funding_amount=100_000, providers=["Agency BR"],
    ),
    activity(
        "a2", "regional", "2024-01-01", regions=["AFR"], key_areas=["A.6-A.8 (3)"],
        funding_amount=300_000, providers=["FAO"],
    ),
    activity(
        "a3", "global", "2025-06-01", "2026-06-01", needs_areas=["(c)"],
        funding_amount=500_000, providers=["CBD Secretariat"],
    ),
    activity(
        "a4", "subregional", "2018-01-01", "2019-06-01", governments=["ng", "ke"],
        regions=["AFR"], needs_areas=["(m)"], providers=["FAO"],
    ),
    activity(
        "a5", "regional", "2026-01-01", regions=["GRULAC"], activities=["A.7 (iii)"],
        providers=["FAO", "UNDP"],
    ),
    activity(
        "a6", "national", "2027-01-01", governments=["ng"], needs_areas=["(a)"],
        providers=["FAO"],
    ),
    activity(
        "a7", "regional", "2022-01-01", "2023-01-01", regions=["ASP", "CEE"],
        needs_areas=["(e)"], funding_amount=200_000,
    ),
]  # fmt: skip
"""The coverage activities (see the module docstring)."""

MATCHING_EXTRA = [
    activity("a9", "national", "2025-01-01", governments=["br"], needs_areas=["(c)", "(i)"]),
    activity(
        "a10", "national", "2022-01-01", "2023-01-01", governments=["br"], needs_areas=["(a)"]
    ),
]
"""For matching br (on 2026-01-15): a9 covers two of its needs and ranks first; a10 and
a1 are both national, past and cover (a), a10 ended later so it ranks before a1; then
a5 (regional, (i)) and a3 (global, (c))."""


def resource(identifier: str, start: str, **fields) -> CapacityResource:
    values = {
        "identifier": identifier,
        "title": f"Resource {identifier}",
        "resource_type": "manual",
        "valid_from": _day(start),
    }
    return CapacityResource(**(values | fields))


RESOURCES = [
    resource("r1", "2020-01-01", needs_areas=["(i)"]),
    resource("r2", "2021-01-01", needs_areas=["(a)", "(c)"], regions=["GRULAC"]),
    resource("r3", "2021-01-01", needs_areas=["(a)"], regions=["AFR"]),
    resource("r4", "2027-01-01", needs_areas=["(c)"]),
    resource("r5", "2019-01-01", key_areas=["A.5 (2)"]),
]
"""For br (needs (a) (c) (i)) on 2026-01-15: r2 covers two needs and is for its region;
r1 ((i)) and r5 (key area A.5 (2) -> (c) (d), so (c) for br) each cover one, are for all
regions and open-ended, and r1 started later, so the order is r2, r1, r5; r3 is for
Africa and r4 is not available yet."""


def record_set(extra: bool = False) -> RecordSet:
    return RecordSet.of([*ACTIVITIES, *(MATCHING_EXTRA if extra else []), *RESOURCES])


def store_in_database(with_records: bool = True) -> None:
    """The same world in the registry (and the records app), for CLI and page tests."""
    from cpbmonitor.national_reports.models import Answer
    from tests.national_reports.factories import make_cycle, make_party, make_report

    names = {
        "mx": ("MEX", "Mexico"),
        "ke": ("KEN", "Kenya"),
        "ar": ("ARG", "Argentina"),
        "sl": ("SLE", "Sierra Leone"),
    }
    parties = {}
    for code, (region, since) in PARTIES.items():
        extra = {}
        if code in names:
            extra = {"iso3": names[code][0], "name": names[code][1], "region": region or ""}
        parties[code] = make_party(code, cp_since=since, **extra)
    cycle4 = make_cycle(4, deadline=CYCLE4.deadline, year=2019)
    cycle5 = make_cycle(5, deadline=CYCLE5.deadline)
    for cycle, rows in ((cycle5, ROWS_5), (cycle4, ROWS_4)):
        for row in rows:
            code, day = row[0], row[1]
            report = make_report(
                parties[code], cycle, submitted=day, is_current=(code, day) not in SUPERSEDED
            )
            Answer.objects.bulk_create(
                Answer(report=report, question=key, value=value)
                for key, values in answers(cycle.number, row).items()
                for value in sorted(values)
            )
    if with_records:
        from cpbmonitor.services.records import store_records

        store_records([*ACTIVITIES, *RESOURCES], source="capacity test world")
