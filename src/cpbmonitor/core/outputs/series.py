"""Outputs of a ``Series``: subject ``series``, one row per indicator, group and cycle
(``SERIES_FIELDS``) in CSV, XLSX and JSON rows; ``json`` is the nested document (per
indicator, per group, the points with each change and its comparability). Subject
``indicator-series``: the rows of one indicator (the indicator page's series download)."""

from __future__ import annotations

import json

from cpbmonitor.core.indicators.series import (
    SERIES_FIELDS,
    Series,
    series_document,
    series_rows,
)
from cpbmonitor.core.outputs.registry import output, tabular
from cpbmonitor.core.outputs.table import Table


@tabular("series")
def series_table(series: Series) -> Table:
    return Table.of(SERIES_FIELDS, series_rows(series), title="Series")


@output("series", "json")
def series_json(series: Series) -> bytes:
    return json.dumps(series_document(series), ensure_ascii=False, indent=1).encode("utf-8")


@tabular("indicator-series")
def indicator_series_table(series: Series, indicator: str) -> Table:
    """The rows of one indicator, with the same columns as ``series``."""
    rows = [row for row in series_rows(series) if row["indicator"] == indicator]
    return Table.of(SERIES_FIELDS, rows, title=indicator, indicator=indicator)
