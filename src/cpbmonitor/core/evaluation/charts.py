"""Charts of the evaluation report, drawn with matplotlib (Agg, no display) to PNG bytes.

``goal_chart``: one chart per goal. For each indicator, the world's value at the
baseline (grey) and now (blue) as bars, and each regional group's current value as a
marker; indicators without a value say why (pending, not measurable, a count).

A chart is drawn once per data change: its PNG is kept under the fingerprint of what it
shows (``chart_fingerprint``), in memory and, when ``use_cache_directory`` names one (the
services layer does, under the data directory), on disk for the next process.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from cpbmonitor.core.indicators import GLOBAL, REGIONS, IndicatorResult

BASELINE_COLOUR = "#b7b7b7"
CURRENT_COLOUR = "#1f5f99"
REGION_STYLE: dict[str, tuple[str, str]] = {
    "AFR": ("o", "#d95f02"),
    "ASP": ("s", "#1b9e77"),
    "CEE": ("^", "#7570b3"),
    "GRULAC": ("D", "#e7298a"),
    "WEOG": ("v", "#66a61e"),
}
WIDTH = 0.36
DPI = 130


def _gap_label(result: IndicatorResult) -> str | None:
    world = result.overall
    if world.value is None and world.baseline_value is None:
        note = world.note or ""
        for start, label in (("pending", "pending"), ("not measurable", "not\nmeasurable")):
            if note.startswith(start):
                return label
        return "no data"
    if result.unit == "count":
        return "count:\nsee table"
    return None


CHART_VERSION = 1
"""Changes whenever the drawing changes, so that charts drawn before are not reused."""
_DRAWN: dict[str, bytes] = {}
_MAX_DRAWN = 256
_directory: Path | None = None


def use_cache_directory(path: Path | None) -> None:
    """Keep drawn charts in ``path`` too (``None``: in memory only)."""
    global _directory
    _directory = path


def chart_fingerprint(results: list[IndicatorResult], cycle: int, baseline: int | None) -> str:
    """What a goal chart shows, hashed: codes, units, gaps and every value it plots."""
    shown = [
        (
            r.code,
            r.unit,
            _gap_label(r),
            r.overall.value,
            r.overall.baseline_value,
            tuple(r.groups[region].value for region in REGIONS),
        )
        for r in results
    ]
    text = repr((CHART_VERSION, DPI, cycle, baseline, shown))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def goal_chart(results: list[IndicatorResult], cycle: int, baseline: int | None) -> bytes:
    """A PNG bar chart of ``results`` (the indicators of one goal), drawn once per data."""
    key = chart_fingerprint(results, cycle, baseline)
    png = _DRAWN.get(key)
    if png is None and _directory is not None:
        try:
            png = (_directory / f"{key}.png").read_bytes()
        except OSError:
            png = None
    if png is None:
        png = draw_goal_chart(results, cycle, baseline)
        _keep_on_disk(key, png)
    if len(_DRAWN) >= _MAX_DRAWN:
        _DRAWN.clear()
    _DRAWN[key] = png
    return png


def _keep_on_disk(key: str, png: bytes) -> None:
    if _directory is None:
        return
    try:
        _directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=_directory, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(png)
        os.replace(temporary, _directory / f"{key}.png")  # whole or not at all
    except OSError:
        pass  # a cache only: drawn again next time


def draw_goal_chart(results: list[IndicatorResult], cycle: int, baseline: int | None) -> bytes:
    """Draw the PNG bar chart of ``results``."""
    figure = Figure(figsize=(6.4, 3.1), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    for x, result in enumerate(results):
        gap = _gap_label(result)
        if gap is not None:
            axes.text(x, 4, gap, ha="center", va="bottom", fontsize=7, color="#666666")
            continue
        world = result.groups[GLOBAL]
        if world.baseline_value is not None:
            axes.bar(x - WIDTH / 2, world.baseline_value, WIDTH, color=BASELINE_COLOUR)
        if world.value is not None:
            axes.bar(x + WIDTH / 2, world.value, WIDTH, color=CURRENT_COLOUR)
        for i, region in enumerate(REGIONS):
            value = result.groups[region].value
            if value is not None:
                marker, colour = REGION_STYLE[region]
                offset = (i - 2) * 0.05
                axes.plot(
                    x + WIDTH / 2 + offset,
                    value,
                    marker,
                    color=colour,
                    markersize=4,
                    markeredgecolor="white",
                    markeredgewidth=0.4,
                )
    _legend(axes, cycle, baseline)
    axes.set_xticks(range(len(results)), [r.code for r in results], fontsize=8)
    axes.set_xlim(-0.7, max(len(results), 1) - 0.3)
    axes.set_ylim(0, 105)
    axes.set_ylabel("% of Parties (or records)", fontsize=8)
    axes.tick_params(axis="y", labelsize=8)
    axes.grid(axis="y", color="#e5e5e5", linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.subplots_adjust(left=0.09, right=0.99, top=0.97, bottom=0.22)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()


def _legend(axes: object, cycle: int, baseline: int | None) -> None:
    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    assert isinstance(axes, Axes)
    handles: list[Patch | Line2D] = []
    if baseline is not None:
        handles.append(Patch(color=BASELINE_COLOUR, label=f"World, cycle {baseline}"))
    handles.append(Patch(color=CURRENT_COLOUR, label=f"World, cycle {cycle}"))
    handles += [
        Line2D([], [], linestyle="", marker=m, color=c, markersize=4, label=region)
        for region, (m, c) in REGION_STYLE.items()
    ]
    axes.legend(
        handles=handles,
        fontsize=7,
        ncol=len(handles),
        loc="upper center",
        bbox_to_anchor=(0.5, -0.1),
        frameon=False,
        handletextpad=0.3,
        columnspacing=0.9,
    )
