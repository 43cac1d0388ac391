"""A server-side SVG heat-map: rows × columns of cells, each coloured by a score in one of
a few classes, with its numbers written in the cell.

Colours are presentation attributes (``fill``), not inline styles, so the page's Content
Security Policy holds. Every cell carries a ``<title>`` with its numbers in words, the
legend is drawn in the picture and returned as text for the page, and the picture is
``role="img"`` with a title and description, so nothing is told by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from cpbmonitor.portal.charts import svg_picture

LABEL_WIDTH = 330
CELL_WIDTH = 96
CELL_HEIGHT = 38
HEADER_HEIGHT = 30
LEGEND_HEIGHT = 46
LABEL_CHARS = 46
INK = "#1b2a33"


@dataclass(frozen=True)
class ScoreClass:
    """Scores from ``lower`` (included) up to the next class's lower bound."""

    lower: float
    fill: str
    ink: str
    label: str


@dataclass(frozen=True)
class HeatCell:
    main: str
    """The number shown large."""
    detail: str
    """The smaller line under it."""
    score: float | None
    title: str
    """The cell's numbers in words (tooltip and screen readers)."""
    attributes: tuple[tuple[str, str], ...] = ()
    """Extra ``data-`` attributes of the cell's group, e.g. ``(("area", "(c)"),)``."""


@dataclass(frozen=True)
class HeatRow:
    label: str
    cells: Sequence[HeatCell]


def class_of(score: float | None, classes: Sequence[ScoreClass]) -> ScoreClass | None:
    if score is None:
        return None
    chosen = None
    for item in classes:
        if score >= item.lower:
            chosen = item
    return chosen


def heatmap(
    *,
    chart_id: str,
    title: str,
    description: str,
    columns: Sequence[str],
    rows: Sequence[HeatRow],
    classes: Sequence[ScoreClass],
    missing: ScoreClass,
    legend_title: str = "",
) -> SafeString:
    """The SVG of the heat-map; ``missing`` styles cells without a score; the legend
    starts with ``legend_title`` (what the scores are) when given."""
    width = LABEL_WIDTH + CELL_WIDTH * len(columns)
    parts = [_legend([*classes, missing], legend_title)]
    top = LEGEND_HEIGHT
    for index, column in enumerate(columns):
        x = LABEL_WIDTH + CELL_WIDTH * index + CELL_WIDTH / 2
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" font-size="13" font-weight="600" '
                'fill="{}">{}</text>',
                x,
                top + 20,
                INK,
                column,
            )
        )
    top += HEADER_HEIGHT
    for number, row in enumerate(rows):
        y = top + CELL_HEIGHT * number
        parts.append(_row_label(row.label, y))
        for index, cell in enumerate(row.cells):
            style = class_of(cell.score, classes) or missing
            parts.append(_cell(cell, LABEL_WIDTH + CELL_WIDTH * index, y, style))
    height = top + CELL_HEIGHT * len(rows) + 2
    return svg_picture("chart heatmap", width, height, chart_id, title, description, parts)


def _legend(classes: Sequence[ScoreClass], title: str = "") -> str:
    items = []
    x = 0
    if title:
        items.append(
            format_html(
                '<text class="legend-title" x="0" y="19" font-size="12" font-weight="600" '
                'fill="{}">{}</text>',
                INK,
                title,
            )
        )
        x = 12 + 7 * len(title)
    for item in classes:
        items.append(
            format_html(
                '<g class="legend-item"><rect x="{}" y="6" width="16" height="16" rx="2" '
                'fill="{}" stroke="#9aa8b1" stroke-width="0.5"/>'
                '<text x="{}" y="19" font-size="12" fill="{}">{}</text></g>',
                x,
                item.fill,
                x + 21,
                INK,
                item.label,
            )
        )
        x += 36 + 7 * len(item.label)
    return "".join(items)


def _row_label(label: str, y: float) -> str:
    shown = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
    return format_html(
        '<text x="0" y="{}" font-size="13" fill="{}">{}<title>{}</title></text>',
        y + CELL_HEIGHT / 2 + 4,
        INK,
        shown,
        label,
    )


def _cell(cell: HeatCell, x: float, y: float, style: ScoreClass) -> str:
    data = mark_safe(
        "".join(format_html(' data-{}="{}"', name, value) for name, value in cell.attributes)
    )
    middle = x + CELL_WIDTH / 2
    return format_html(
        '<g class="heat-cell"{}><title>{}</title>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#ffffff" stroke-width="2"/>'
        '<text class="heat-main" x="{}" y="{}" text-anchor="middle" font-size="15" '
        'font-weight="700" fill="{}">{}</text>'
        '<text class="heat-detail" x="{}" y="{}" text-anchor="middle" font-size="10.5" '
        'fill="{}">{}</text></g>',
        data,
        cell.title,
        x,
        y,
        CELL_WIDTH,
        CELL_HEIGHT,
        style.fill,
        middle,
        y + 17,
        style.ink,
        cell.main,
        middle,
        y + 31,
        style.ink,
        cell.detail,
    )
