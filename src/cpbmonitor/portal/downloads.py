"""Downloads of one indicator's results: a registry of formats, each a writer to bytes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from openpyxl import Workbook

from cpbmonitor.core.plan import Indicator
from cpbmonitor.portal.results import IndicatorResult

COLUMNS = (
    "indicator",
    "group",
    "numerator",
    "denominator",
    "value",
    "baseline_value",
    "change",
    "status",
    "unit",
)

Writer = Callable[[Indicator, IndicatorResult], bytes]
FORMATS: dict[str, tuple[Writer, str]] = {}


def writes(fmt: str, content_type: str) -> Callable[[Writer], Writer]:
    def register(function: Writer) -> Writer:
        FORMATS[fmt] = (function, content_type)
        return function

    return register


def rows(result: IndicatorResult) -> list[dict[str, object]]:
    return [
        {
            "indicator": result.code,
            "group": v.group,
            "numerator": v.numerator,
            "denominator": v.denominator,
            "value": v.value,
            "baseline_value": v.baseline_value,
            "change": v.change,
            "status": v.status,
            "unit": result.unit,
        }
        for v in result.in_order()
    ]


@writes("csv", "text/csv; charset=utf-8")
def to_csv(indicator: Indicator, result: IndicatorResult) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(result))
    return buffer.getvalue().encode("utf-8")


@writes("json", "application/json")
def to_json(indicator: Indicator, result: IndicatorResult) -> bytes:
    document = {"indicator": indicator.code, "text": indicator.text, "rows": rows(result)}
    return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")


@writes("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
def to_xlsx(indicator: Indicator, result: IndicatorResult) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = indicator.code.replace("(", " ").replace(")", "")[:31]
    sheet.append([indicator.code, indicator.text])
    sheet.append(list(COLUMNS))
    for row in rows(result):
        sheet.append([row[column] for column in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render(fmt: str, indicator: Indicator, result: IndicatorResult) -> tuple[bytes, str]:
    writer, content_type = FORMATS[fmt]
    return writer(indicator, result), content_type
