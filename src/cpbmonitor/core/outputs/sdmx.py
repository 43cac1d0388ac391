"""Indicator results as SDMX-CSV (version 1.0): one observation per indicator, area and
reporting cycle, against the data structure ``CPBM:CPB_INDICATORS(1.0)`` described in
``docs/sdmx.md``.

Dimensions: ``INDICATOR`` (the plan's code written as an SDMX identifier, ``A.1(a)`` ->
``A_1_a``), ``REF_AREA`` (``WLD`` for the world, the regional group's code otherwise) and
``TIME_PERIOD`` (the year of the cycle's reporting deadline, when its data are frozen).
Measure: ``OBS_VALUE`` (percent 0-100, or a count). Attributes: ``UNIT_MEASURE`` (``PT``
or ``NUMBER``), ``REPORTING_CYCLE`` (the national report cycle) and ``COMMENT_DSET`` (the
demonstration-data notice, empty for real data). Pure: no Django.

Registered in the output registry as format ``sdmx-csv`` of the subjects ``evaluation``
(every indicator) and ``indicator-results`` (one), ``TIME_PERIOD`` from the evaluation's
cycles.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cpbmonitor.core.indicators import Evaluation, IndicatorResult
from cpbmonitor.core.outputs.registry import output

FORMAT = "sdmx-csv"
MEDIA_TYPE = "text/csv; charset=utf-8"
DATAFLOW = "CPBM:CPB_INDICATORS(1.0)"
WORLD = "WLD"
AREAS: Mapping[str, str] = {
    "global": WORLD,
    "AFR": "AFR",
    "ASP": "ASP",
    "CEE": "CEE",
    "GRULAC": "GRULAC",
    "WEOG": "WEOG",
}
UNITS: Mapping[str, str] = {"percent": "PT", "count": "NUMBER"}
COLUMNS = (
    "DATAFLOW",
    "INDICATOR",
    "REF_AREA",
    "TIME_PERIOD",
    "OBS_VALUE",
    "UNIT_MEASURE",
    "REPORTING_CYCLE",
    "COMMENT_DSET",
)


@dataclass(frozen=True)
class Observation:
    indicator: str
    area: str
    period: str
    value: float
    unit: str
    cycle: int


def indicator_id(code: str) -> str:
    """The plan's indicator code as an SDMX identifier: ``A.1(a)`` -> ``A_1_a``."""
    return re.sub(r"[^A-Za-z0-9]+", "_", code).strip("_")


def observations(result: IndicatorResult, periods: Mapping[int, str]) -> list[Observation]:
    """Every value of ``result``: each area (world first, then the regions) in the
    baseline cycle and in the current one. ``periods`` maps a cycle number to its
    ``TIME_PERIOD``; values of a cycle without one, and missing values, are left out."""
    found = []
    unit = UNITS[result.scale]
    for group in result.in_order():
        area = AREAS.get(group.group)
        pairs = ((group.baseline_cycle, group.baseline_value), (group.cycle, group.value))
        for cycle, value in pairs:
            if area is None or cycle is None or value is None or cycle not in periods:
                continue
            found.append(
                Observation(indicator_id(result.code), area, periods[cycle], value, unit, cycle)
            )
    return found


def to_sdmx_csv(items: Iterable[Observation], notice: str | None = None) -> bytes:
    """The observations as an SDMX-CSV 1.0 file (UTF-8, one header line)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for item in items:
        writer.writerow(
            [
                DATAFLOW,
                item.indicator,
                item.area,
                item.period,
                _number(item.value),
                item.unit,
                item.cycle,
                notice or "",
            ]
        )
    return buffer.getvalue().encode("utf-8")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(round(float(value), 4))


def periods_of(evaluation: Evaluation) -> dict[int, str]:
    """Each cycle of ``evaluation`` -> the year of its reporting deadline."""
    cycles = [c for c in (evaluation.baseline, evaluation.cycle) if c is not None]
    return {cycle.number: str(cycle.deadline.year) for cycle in cycles}


@output("evaluation", FORMAT)
def evaluation_sdmx(evaluation: Evaluation | None, notice: str | None = None) -> bytes:
    """Every indicator of ``evaluation`` (only the header when there is none)."""
    if evaluation is None:
        return to_sdmx_csv([], notice)
    periods = periods_of(evaluation)
    found = (item for result in evaluation.indicators for item in observations(result, periods))
    return to_sdmx_csv(found, notice)


@output("indicator-results", FORMAT)
def indicator_sdmx(
    evaluation: Evaluation | None, indicator: str, notice: str | None = None
) -> bytes:
    result = evaluation.indicator(indicator) if evaluation else None
    if evaluation is None or result is None:
        return to_sdmx_csv([], notice)
    return to_sdmx_csv(observations(result, periods_of(evaluation)), notice)
