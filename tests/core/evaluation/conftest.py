"""The evaluation report built from the indicator tests' hand-built dataset
(``tests/core/indicators/dataset.py``: nine governments, two cycles).

Reporting totals of that dataset, worked out by hand (``ReportingTotals``: Parties on
the deadline, reports submitted, complete, complete and on time):

- cycle 5 (deadline 2026-02-28): br, ke, in, de, pl, eu, ss are Parties (xx joined
  later, us is not a Party): 7 Parties, 7 reports, 6 complete (in is not), 5 complete
  and on time (ke was late). AFR: ke, ss -> 2, 2, 2, 1; ASP: in -> 1, 1, 0, 0;
  CEE, GRULAC, WEOG: 1, 1, 1, 1 each.
- cycle 4 (deadline 2019-10-01): br, ke, in, de, pl, eu (ss joined in 2020): 6 Parties,
  5 reports (none from pl), 5 complete, 4 on time (in was late). AFR 1, 1, 1, 1;
  ASP 1, 1, 1, 0; CEE 1, 0, 0, 0; GRULAC and WEOG 1, 1, 1, 1.
"""

from __future__ import annotations

import datetime as dt

import pytest

from cpbmonitor.core.evaluation import (
    CycleReporting,
    Document,
    ReportingTotals,
    ReportInputs,
    build_document,
    default_sources,
)
from cpbmonitor.core.formats import Questionnaire, load_bch_format
from cpbmonitor.core.indicators import Evaluation, evaluate, load_methodology
from cpbmonitor.core.plan import load_plan
from tests.core.indicators.conftest import C4, C5, TINY
from tests.core.indicators.dataset import PARTIES, REPORTS
from tests.paths import FORMATS

T = ReportingTotals
REPORTING = {
    5: CycleReporting(
        5,
        C5.deadline,
        {
            "global": T(7, 7, 6, 5),
            "AFR": T(2, 2, 2, 1),
            "ASP": T(1, 1, 0, 0),
            "CEE": T(1, 1, 1, 1),
            "GRULAC": T(1, 1, 1, 1),
            "WEOG": T(1, 1, 1, 1),
        },
    ),
    4: CycleReporting(
        4,
        C4.deadline,
        {
            "global": T(6, 5, 5, 4),
            "AFR": T(1, 1, 1, 1),
            "ASP": T(1, 1, 1, 0),
            "CEE": T(1, 0, 0, 0),
            "GRULAC": T(1, 1, 1, 1),
            "WEOG": T(1, 1, 1, 1),
        },
    ),
}
GENERATED = dt.date(2026, 3, 10)
SNAPSHOTS = {
    "national-reports": (dt.date(2026, 3, 15), dt.date(2019, 10, 5)),
    "reporting-status": (dt.date(2026, 3, 15), dt.date(2019, 10, 5)),
}
"""The latest submission of each cycle (ke's late fifth report, in's late fourth)."""


@pytest.fixture(scope="session")
def formats() -> dict[int, Questionnaire]:
    return {
        4: load_bch_format(FORMATS / "cpbNationalReport4.json", "cpbNationalReport4"),
        5: load_bch_format(FORMATS / "cpbNationalReport5.json", "cpbNationalReport5"),
    }


@pytest.fixture(scope="session")
def evaluation(formats: dict[int, Questionnaire]) -> Evaluation:
    plan = load_plan("draft-2020")
    return evaluate(plan, load_methodology("draft-2020"), C5, C4, PARTIES, REPORTS, TINY, formats)


def make_inputs(evaluation: Evaluation, **changes: object) -> ReportInputs:
    methodology = load_methodology("draft-2020")
    values: dict[str, object] = {
        "plan": load_plan("draft-2020"),
        "methodology": methodology,
        "evaluation": evaluation,
        "reporting": REPORTING,
        "generated_on": GENERATED,
        "demonstration": None,
        "sources": default_sources(methodology, evaluation, SNAPSHOTS),
    }
    values.update(changes)
    return ReportInputs(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def inputs(evaluation: Evaluation) -> ReportInputs:
    return make_inputs(evaluation)


@pytest.fixture(scope="session")
def document(inputs: ReportInputs) -> Document:
    return build_document(inputs)
