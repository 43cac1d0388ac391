"""A world map of Parties by category (an answer, a status), as accessible SVG.

The outlines (``data/countries-110m.json``, see ``data/SOURCES.md``) are SVG paths keyed
by ISO alpha-2 code. Each category is drawn with its own fill pattern (solid, hatching,
dots, cross-hatching, none), so the map reads without colour; the CSS classes
``map-cat-<n>`` may add colour. Every country is a ``<path>`` with a ``<title>`` (name and
category); the ``<desc>`` counts the countries per category. The table beside the map on
a page lists every Party (small island States are too small for this scale).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources

PATTERNS: tuple[str, ...] = (
    # solid
    "",
    # diagonal hatching
    '<path d="M0 6L6 0" stroke="currentColor" stroke-width="1.6"/>',
    # dots
    '<circle cx="3" cy="3" r="1.4" fill="currentColor"/>',
    # cross-hatching
    '<path d="M0 0L6 6M0 6L6 0" stroke="currentColor" stroke-width="1"/>',
    # horizontal lines
    '<path d="M0 3H6" stroke="currentColor" stroke-width="1.4"/>',
)


@dataclass(frozen=True)
class Category:
    key: str
    label: str


@dataclass(frozen=True)
class MapData:
    width: float
    height: float
    countries: Mapping[str, tuple[str, str]]
    """ISO alpha-2 code -> (name, SVG path)."""
    source: str


@cache
def load_map() -> MapData:
    text = resources.files("cpbmonitor.core.maps.data").joinpath("countries-110m.json")
    data = json.loads(text.read_text(encoding="utf-8"))
    countries = {code: (c["name"], c["d"]) for code, c in data["countries"].items()}
    return MapData(data["width"], data["height"], countries, data["source"])


def _defs(chart_id: str, count: int) -> str:
    patterns = []
    for n in range(count):
        body = PATTERNS[n % len(PATTERNS)]
        if not body:
            continue
        patterns.append(
            f'<pattern id="{chart_id}-p{n}" class="map-cat-{n}" width="6" height="6" '
            f'patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="white"/>'
            f"{body}</pattern>"
        )
    return f"<defs>{''.join(patterns)}</defs>"


def _fill(chart_id: str, n: int) -> str:
    return "currentColor" if not PATTERNS[n % len(PATTERNS)] else f"url(#{chart_id}-p{n})"


def world_map(
    values: Mapping[str, str],
    categories: Sequence[Category],
    *,
    chart_id: str,
    title: str,
    no_data: str = "no data",
) -> str:
    """The SVG of the world with each country of ``values`` (code -> category key) filled
    with its category's pattern; other countries are outlined only."""
    world = load_map()
    index = {c.key: n for n, c in enumerate(categories)}
    label = {c.key: c.label for c in categories}
    shapes = []
    for code, (name, d) in world.countries.items():
        key = values.get(code)
        words = f"{name}: {label.get(key, no_data) if key else no_data}"
        if key in index:
            n = index[key]
            fill = _fill(chart_id, n)
            css = f"country map-cat-{n}"
        else:
            fill, css = "none", "country map-none"
        shapes.append(
            f'<path class="{css}" d="{d}" fill="{fill}" stroke="currentColor" '
            f'stroke-width="0.3"><title>{escape(words)}</title></path>'
        )
    legend_y = world.height + 8
    legend = []
    for n, category in enumerate(categories):
        x = 8 + (n % 3) * 236
        y = legend_y + (n // 3) * 20
        legend.append(
            f'<rect class="map-cat-{n}" x="{x}" y="{y}" width="14" height="14" '
            f'fill="{_fill(chart_id, n)}" stroke="currentColor" stroke-width="0.8"/>'
            f'<text class="legend" x="{x + 20}" y="{y + 12}">{escape(category.label)}</text>'
        )
    rows = (len(categories) + 2) // 3
    height = legend_y + rows * 20 + 4
    counts = {c.key: 0 for c in categories}
    for key in values.values():
        if key in counts:
            counts[key] += 1
    description = "; ".join(f"{label[k]}: {n}" for k, n in counts.items())
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="world-map" '
        f'viewBox="0 0 {world.width:g} {height:g}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f"{_defs(chart_id, len(categories))}<g>{''.join(shapes)}</g>{''.join(legend)}</svg>"
    )
