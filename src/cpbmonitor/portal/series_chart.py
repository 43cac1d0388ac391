"""A line chart over reporting cycles, as accessible SVG readable without colour.

Each line (a group: world and regions; or an indicator) has its own marker shape and dash
pattern and is labelled by name at its last point; each point has a ``<title>`` with its
value, and the ``<desc>`` lists every value. A change that is not comparable (a stand-in
question, changed options) is drawn as a thin dotted segment with a mark at its middle
and the reason in its ``<title>``; the table beside the chart says the same in words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString

from cpbmonitor.portal.charts import svg_picture

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 44, 96, 16, 44
DASHES = ("", "6 3", "2 3", "8 3 2 3", "10 4", "1 2")
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "star")


@dataclass(frozen=True)
class Line:
    name: str
    values: Sequence[float | None]
    breaks: Sequence[str | None] = ()
    """Per segment (between cycle i and i+1): why it is not comparable, or ``None``."""


def _polygon(points: list[tuple[float, float]]) -> str:
    head, *rest = points
    tail = "".join(f"L{px:.1f} {py:.1f}" for px, py in rest)
    return f'<path d="M{head[0]:.1f} {head[1]:.1f}{tail}Z"/>'


def _marker(shape: str, x: float, y: float) -> str:
    r = 4.0
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}"/>'
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}"/>'
    if shape == "triangle":
        return _polygon([(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)])
    if shape == "diamond":
        return _polygon([(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)])
    if shape == "cross":
        return (
            f'<path d="M{x - r:.1f} {y - r:.1f}L{x + r:.1f} {y + r:.1f}M{x - r:.1f} {y + r:.1f}'
            f'L{x + r:.1f} {y - r:.1f}" stroke-width="2" fill="none"/>'
        )
    return (
        f'<path d="M{x:.1f} {y - r - 1:.1f}L{x + 1.5:.1f} {y - 1.5:.1f}L{x + r + 1:.1f} {y:.1f}'
        f"L{x + 1.5:.1f} {y + 1.5:.1f}L{x:.1f} {y + r + 1:.1f}L{x - 1.5:.1f} {y + 1.5:.1f}"
        f'L{x - r - 1:.1f} {y:.1f}L{x - 1.5:.1f} {y - 1.5:.1f}Z"/>'
    )


def line_chart(
    *,
    chart_id: str,
    title: str,
    cycles: Sequence[str],
    lines: Sequence[Line],
    fmt: Callable[[float], str] = str,
    maximum: float | None = None,
    not_comparable: str = "not comparable",
) -> SafeString:
    """The SVG of ``lines`` over ``cycles`` (labels of the x axis, oldest first)."""
    present = [v for line in lines for v in line.values if v is not None]
    top = maximum if maximum is not None else max([*present, 1]) * 1.1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(cycles) - 1, 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        x = LEFT + (i * step if len(cycles) > 1 else plot_w / 2)
        return x, TOP + plot_h - (v / top) * plot_h if top else TOP + plot_h

    parts = [_axes(cycles, top, fmt, step, plot_w, plot_h)]
    for n, line in enumerate(lines):
        parts.append(_line(n, line, xy, fmt, not_comparable))
    description = "; ".join(
        f"{line.name}: "
        + ", ".join(
            f"{cycle} {fmt(v) if v is not None else '-'}"
            for cycle, v in zip(cycles, line.values, strict=True)
        )
        for line in lines
    )
    return svg_picture(
        "chart series-chart", WIDTH, HEIGHT, chart_id, title, escape(description), parts
    )


def _axes(
    cycles: Sequence[str],
    top: float,
    fmt: Callable[[float], str],
    step: float,
    plot_w: float,
    plot_h: float,
) -> str:
    parts = []
    for k in range(5):
        value = top * k / 4
        y = TOP + plot_h - plot_h * k / 4
        parts.append(
            format_html(
                '<line class="grid" x1="{}" y1="{}" x2="{}" y2="{}" stroke="currentColor" '
                'stroke-opacity="0.2"/><text class="axis" x="{}" y="{}" text-anchor="end">{}'
                "</text>",
                LEFT,
                f"{y:.1f}",
                LEFT + plot_w,
                f"{y:.1f}",
                LEFT - 6,
                f"{y + 4:.1f}",
                fmt(round(value, 2)),
            )
        )
    for i, cycle in enumerate(cycles):
        x = LEFT + (i * step if len(cycles) > 1 else plot_w / 2)
        parts.append(
            format_html(
                '<text class="axis" x="{}" y="{}" text-anchor="middle">{}</text>',
                f"{x:.1f}",
                TOP + plot_h + 18,
                cycle,
            )
        )
    return "".join(parts)


def _line(
    n: int,
    line: Line,
    xy: Callable[[int, float], tuple[float, float]],
    fmt: Callable[[float], str],
    not_comparable: str,
) -> str:
    dash = DASHES[n % len(DASHES)]
    shape = MARKERS[n % len(MARKERS)]
    width = 2.5 if n == 0 else 1.5
    segments, marks = [], []
    last: tuple[float, float] | None = None
    for i, value in enumerate(line.values):
        if value is None:
            last = None
            continue
        x, y = xy(i, value)
        if last is not None:
            broken = line.breaks[i - 1] if i - 1 < len(line.breaks) else None
            if broken:
                mx, my = (last[0] + x) / 2, (last[1] + y) / 2
                segments.append(
                    format_html(
                        '<g class="not-comparable"><line x1="{}" y1="{}" x2="{}" y2="{}" '
                        'stroke="currentColor" stroke-width="1" stroke-dasharray="1 3"/>'
                        '<text x="{}" y="{}" text-anchor="middle">≠</text>'
                        "<title>{}: {}</title></g>",
                        f"{last[0]:.1f}",
                        f"{last[1]:.1f}",
                        f"{x:.1f}",
                        f"{y:.1f}",
                        f"{mx:.1f}",
                        f"{my - 4:.1f}",
                        not_comparable,
                        broken,
                    )
                )
            else:
                segments.append(
                    format_html(
                        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="currentColor" '
                        'stroke-width="{}" stroke-dasharray="{}"/>',
                        f"{last[0]:.1f}",
                        f"{last[1]:.1f}",
                        f"{x:.1f}",
                        f"{y:.1f}",
                        width,
                        dash,
                    )
                )
        marks.append(
            format_html(
                '<g class="point">{}<title>{}: {}</title></g>',
                SafeString(_marker(shape, x, y)),
                line.name,
                fmt(value),
            )
        )
        if n == 0:
            marks.append(
                format_html(
                    '<text class="value" x="{}" y="{}" text-anchor="middle">{}</text>',
                    f"{x:.1f}",
                    f"{y - 9:.1f}",
                    fmt(value),
                )
            )
        last = (x, y)
    label = ""
    if last is not None:
        label = format_html(
            '<text class="legend" x="{}" y="{}">{}</text>',
            f"{last[0] + 10:.1f}",
            f"{last[1] + 4:.1f}",
            line.name,
        )
    return format_html(
        '<g class="line series-{}" fill="currentColor">{}{}{}</g>',
        n,
        SafeString("".join(segments)),
        SafeString("".join(marks)),
        label,
    )
