"""Downloads of one indicator's results: a registry of formats, each a writer to bytes.

Every format holds the same rows (``COLUMNS``). When the data are demonstration data
(:func:`cpbmonitor.portal.conf.demo_data`), each says so in its own way:

- JSON: ``"demonstration": true`` and a ``"notice"`` beside ``"rows"`` (``"demonstration":
  false`` and no notice otherwise); the rows keep their shape;
- CSV: a first line ``# <notice>`` before the header (skip lines starting with ``#``);
- XLSX: the notice in the first row of the sheet and in the printed page header;
- SDMX-CSV: the notice in the ``COMMENT_DSET`` attribute of every observation.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from cpbmonitor.core.indicators import IndicatorResult
from cpbmonitor.core.plan import Indicator
from cpbmonitor.portal.conf import demo_data

COLUMNS = (
    "indicator",
    "group",
    "numerator",
    "denominator",
    "value",
    "baseline_value",
    "change",
    "status",
    "comparability",
    "comparability_reason",
    "few_data",
    "unit",
    "note",
)

Writer = Callable[[Indicator, IndicatorResult | None, str | None], bytes]
"""``(indicator, result, notice)`` -> the file; ``notice`` is set for demonstration data."""
FORMATS: dict[str, tuple[Writer, str]] = {}
NOTICE_FILL = PatternFill("solid", start_color="FFF4CE")


def writes(fmt: str, content_type: str) -> Callable[[Writer], Writer]:
    def register(function: Writer) -> Writer:
        FORMATS[fmt] = (function, content_type)
        return function

    return register


def demo_notice() -> str | None:
    """The notice every download carries when the data are demonstration data: the
    words ``cpb evaluate`` prints (``core.demo.LABEL``), in the page's language."""
    if not demo_data():
        return None
    return _("Demonstration data: generated, not real national reports.")


def rows(result: IndicatorResult | None) -> list[dict[str, object]]:
    if result is None:
        return []
    return [
        {
            "indicator": result.code,
            "group": v.group,
            "numerator": v.numerator,
            "denominator": v.denominator,
            "value": v.value,
            "baseline_value": v.baseline_value,
            "change": v.change,
            "status": v.state,
            "comparability": v.comparability,
            "comparability_reason": v.comparability_reason,
            "few_data": v.few_data or v.baseline_few_data,
            "unit": result.scale,
            "note": v.note,
        }
        for v in result.in_order()
    ]


@writes("csv", "text/csv; charset=utf-8")
def to_csv(indicator: Indicator, result: IndicatorResult | None, notice: str | None) -> bytes:
    buffer = io.StringIO()
    if notice:
        buffer.write(f"# {notice}\n")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(result))
    return buffer.getvalue().encode("utf-8")


@writes("json", "application/json")
def to_json(indicator: Indicator, result: IndicatorResult | None, notice: str | None) -> bytes:
    document: dict[str, object] = {
        "indicator": indicator.code,
        "text": indicator.text,
        "demonstration": notice is not None,
    }
    if notice:
        document["notice"] = notice
    document["rows"] = rows(result)
    return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")


@writes("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
def to_xlsx(indicator: Indicator, result: IndicatorResult | None, notice: str | None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = indicator.code.replace("(", " ").replace(")", "")[:31]
    if notice:
        sheet.append([notice])
        sheet["A1"].font = Font(bold=True)
        sheet["A1"].fill = NOTICE_FILL
        sheet.oddHeader.center.text = notice
        workbook.properties.description = notice
    sheet.append([indicator.code, indicator.text])
    sheet.append(list(COLUMNS))
    for row in rows(result):
        sheet.append([row[column] for column in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@writes("sdmx-csv", "text/csv; charset=utf-8")
def to_sdmx(indicator: Indicator, result: IndicatorResult | None, notice: str | None) -> bytes:
    """SDMX-CSV 1.0 (``docs/sdmx.md``): the world and each region, every cycle."""
    from cpbmonitor.services.sdmx import sdmx_csv

    return sdmx_csv([result] if result is not None else [], notice)


def render(fmt: str, indicator: Indicator, result: IndicatorResult | None) -> tuple[bytes, str]:
    writer, content_type = FORMATS[fmt]
    return writer(indicator, result, demo_notice()), content_type
