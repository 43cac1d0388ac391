"""A tiny hand-built dataset: nine governments, two cycles; expected numbers in the tests.

Parties (cp = Cartagena Protocol, sp = Supplementary Protocol):

=====  ======  ==========  ==========  =============================================
gov    region  cp since    sp since    note
=====  ======  ==========  ==========  =============================================
br     GRULAC  2004-01-01  2019-01-01
ke     AFR     2003-09-11  -           cycle 5 report late; leftover answer in Q124
in     ASP     2003-09-11  2018-03-05  cycle 5 report incomplete (answers Q007 only)
de     WEOG    2003-11-18  2018-03-05
pl     CEE     2004-02-08  2018-03-05  no cycle 4 report
eu     -       2003-11-25  2018-03-05  the European Union: global only
ss     AFR     2020-06-01  -           joined after the cycle 4 deadline
xx     AFR     2026-05-01  -           joined after the cycle 5 deadline
us     WEOG    -           -           not a Party; its reports must be left out
=====  ======  ==========  ==========  =============================================
"""

from __future__ import annotations

import datetime as dt

from cpbmonitor.core.indicators import PartyFacts, ReportFacts

D = dt.date
FULL, PART = "implementation.fullInPlace", "implementation.partiallyInPlace"
SP_FULL, SP_PART = "74B17D51-786F-3D68-3B76-A50121842925", "FAA03A2A-F79E-1347-22E3-0EB4815DF05B"
SP_NONE = "C9B01C6D-6B40-1A67-B5A0-DDB7FF6B9CE9"

PARTIES = [
    PartyFacts("br", "GRULAC", D(2004, 1, 1), D(2019, 1, 1), True),
    PartyFacts("ke", "AFR", D(2003, 9, 11), None, True),
    PartyFacts("in", "ASP", D(2003, 9, 11), D(2018, 3, 5), True),
    PartyFacts("de", "WEOG", D(2003, 11, 18), D(2018, 3, 5), False),
    PartyFacts("pl", "CEE", D(2004, 2, 8), D(2018, 3, 5), False),
    PartyFacts("eu", None, D(2003, 11, 25), D(2018, 3, 5), False),
    PartyFacts("ss", "AFR", D(2020, 6, 1), None, True),
    PartyFacts("xx", "AFR", D(2026, 5, 1), None, True),
    PartyFacts("us", "WEOG", None, None, False),
]


def a(**values: str) -> dict[str, frozenset[str]]:
    """Answers: ``a(Q007=FULL, Q012="1+ 5+")`` (several values separated by spaces)."""
    return {k: frozenset(v.split()) for k, v in values.items()}


REPORTS_5 = [
    ReportFacts(
        "br",
        5,
        D(2026, 2, 1),
        True,
        a(Q007=FULL, Q011="true", Q122="true", Q124="true", Q055="true", Q058="true", Q160=SP_FULL),
    ),
    ReportFacts(
        "ke",
        5,
        D(2026, 3, 15),
        True,
        a(Q007=PART, Q011="false", Q122="false", Q124="true", Q055="false"),
    ),
    ReportFacts("in", 5, D(2026, 1, 10), False, a(Q007="implementation.draftMeasures")),
    ReportFacts(
        "de",
        5,
        D(2026, 2, 20),
        True,
        a(Q007=FULL, Q011="true", Q122="false", Q055="true", Q058="false", Q160=SP_NONE),
    ),
    ReportFacts(
        "pl",
        5,
        D(2026, 2, 27),
        True,
        a(Q007="implementation.none", Q011="true", Q055="true", Q058="true"),
    ),
    ReportFacts("eu", 5, D(2026, 2, 28), True, a(Q007=FULL, Q011="true", Q160=SP_PART)),
    ReportFacts(
        "ss", 5, D(2026, 2, 10), True, a(Q007="implementation.temporaryMeasures", Q011="false")
    ),
    ReportFacts("xx", 5, D(2026, 2, 1), True, a(Q007=FULL, Q011="true")),
    ReportFacts("us", 5, D(2026, 2, 1), True, a(Q007=FULL, Q011="true")),
]

REPORTS_4 = [
    ReportFacts("br", 4, D(2019, 9, 1), True, a(Q014=PART, Q018="true")),
    ReportFacts("ke", 4, D(2019, 9, 30), True, a(Q014="implementation.none", Q018="false")),
    ReportFacts("in", 4, D(2019, 10, 5), True, a(Q014=FULL, Q018="true")),
    ReportFacts("de", 4, D(2019, 9, 15), True, a(Q014=FULL, Q018="true")),
    ReportFacts("eu", 4, D(2019, 9, 20), True, a(Q014="implementation.draftMeasures", Q018="true")),
    ReportFacts("ss", 4, D(2019, 9, 1), True, a(Q014=FULL, Q018="true")),
    ReportFacts("us", 4, D(2019, 9, 1), True, a(Q014=FULL, Q018="true")),
]

REPORTS = REPORTS_4 + REPORTS_5
