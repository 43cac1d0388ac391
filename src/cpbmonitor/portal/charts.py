"""Server-side SVG charts: grouped horizontal bars, drawn as inline, accessible SVG.

Each category (a region, an answer option) gets its label on its own line and one bar
per series (baseline and current, previous and this cycle), each bar followed by its
number. The ``<title>`` and ``<desc>`` carry the chart's name and every number in words,
so a screen reader reads the data without the picture. Colours come from the page's CSS
classes (``series-0``, ``series-1``...), so no inline style is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH = 640
VALUE_ROOM = 84
LABEL_HEIGHT = 18
BAR_HEIGHT = 14
BAR_GAP = 4
GROUP_GAP = 12
LEGEND_HEIGHT = 26
LABEL_CHARS = 90


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]


def bar_chart(
    *,
    chart_id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    fmt: Callable[[float], str] = str,
    maximum: float | None = None,
) -> SafeString:
    """The SVG of a grouped bar chart; ``fmt`` formats a value for display."""
    present = [v for s in series for v in s.values if v is not None]
    top = maximum or max([*present, 0]) or 1
    scale = (WIDTH - VALUE_ROOM) / top
    parts: list[str] = [_legend(series)]
    y = LEGEND_HEIGHT
    for index, category in enumerate(categories):
        parts.append(_label(category, y))
        y += LABEL_HEIGHT
        for number, serie in enumerate(series):
            parts.append(_bar(serie, number, serie.values[index], y, scale, fmt))
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
    height = y
    description = _description(categories, series, fmt)
    return svg_picture("chart", WIDTH, height, chart_id, title, description, parts)


def svg_picture(
    css_class: str,
    width: float,
    height: float,
    chart_id: str,
    title: str,
    description: str,
    parts: Sequence[str],
) -> SafeString:
    """The ``<svg>`` around ``parts`` (already escaped SVG), as an image named by its
    ``<title>`` and described by its ``<desc>`` (ids from ``chart_id``)."""
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="{}" viewBox="0 0 {} {}" '
        'role="img" aria-labelledby="{}-title {}-desc" focusable="false">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        css_class,
        width,
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
        mark_safe("".join(parts)),
    )


def _legend(series: Sequence[Series]) -> str:
    items = []
    x = 0
    for number, serie in enumerate(series):
        items.append(
            format_html(
                '<rect class="series-{}" x="{}" y="4" width="12" height="12" rx="2"/>'
                '<text class="legend" x="{}" y="15">{}</text>',
                number,
                x,
                x + 18,
                serie.name,
            )
        )
        x += 30 + 8 * len(serie.name)
    return "".join(items)


def _label(category: str, y: int) -> str:
    shown = category if len(category) <= LABEL_CHARS else category[: LABEL_CHARS - 1] + "…"
    return format_html('<text class="category" x="0" y="{}">{}</text>', y + 13, shown)


def _bar(
    serie: Series,
    number: int,
    value: float | None,
    y: int,
    scale: float,
    fmt: Callable[[float], str],
) -> str:
    if value is None:
        return format_html(
            '<text class="value missing" x="0" y="{}">{}</text>', y + 11, _("no data")
        )
    width = max(value * scale, 1 if value else 0)
    return format_html(
        '<rect class="series-{}" x="0" y="{}" width="{}" height="{}" rx="2">'
        "<title>{}: {}</title></rect>"
        '<text class="value" x="{}" y="{}">{}</text>',
        number,
        y,
        f"{width:.1f}",
        BAR_HEIGHT,
        serie.name,
        fmt(value),
        f"{width + 6:.1f}",
        y + 11,
        fmt(value),
    )


def _description(
    categories: Sequence[str], series: Sequence[Series], fmt: Callable[[float], str]
) -> str:
    missing = _("no data")
    lines = []
    for index, category in enumerate(categories):
        values = ", ".join(
            f"{serie.name} {fmt(v) if (v := serie.values[index]) is not None else missing}"
            for serie in series
        )
        lines.append(f"{category}: {values}")
    return escape("; ".join(lines))
