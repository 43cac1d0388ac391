"""Build ``core/maps/data/countries-110m.json`` from Natural Earth's 1:110m countries.

Input: ``countries-110m.json`` of the npm package ``world-atlas`` (TopoJSON of Natural
Earth's public-domain Admin 0 boundaries; get it with ``npm pack world-atlas``) and the
ISO 3166-1 table of the Debian ``iso-codes`` package (numeric -> alpha-2 codes).
Output: one SVG path per country, keyed by lower-case ISO alpha-2 code, projected
equirectangularly (longitude -180..180 -> x 0..720, latitude 84..-58 -> y 0..284;
Antarctica left out), coordinates rounded to 0.1.

    python scripts/build_world_map.py package/countries-110m.json \
        /usr/share/iso-codes/json/iso_3166-1.json
"""

from __future__ import annotations

import json
import sys
from itertools import pairwise
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src/cpbmonitor/core/maps/data/countries-110m.json"
WIDTH, NORTH, SOUTH = 720.0, 84.0, -58.0
SCALE = WIDTH / 360.0


def arcs_of(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring crossing the antimeridian (Russia's Chukotka, Fiji) kept on the side of
    most of its points, the rest clamped to the map's edge."""
    if all(abs(a[0] - b[0]) <= 180 for a, b in pairwise(points)):
        return points
    east = sum(lon > 0 for lon, _ in points) >= len(points) / 2
    return [
        (
            min(180.0, lon + 360)
            if east and lon < 0
            else max(-180.0, lon - 360)
            if not east and lon > 0
            else lon,
            lat,
        )
        for lon, lat in points
    ]


def project(lon: float, lat: float) -> tuple[float, float]:
    lat = max(SOUTH, min(NORTH, lat))
    return round((lon + 180) * SCALE, 1), round((NORTH - lat) * SCALE, 1)


def path(polygons: list[list[list[int]]], arcs: list[list[tuple[float, float]]]) -> str:
    parts = []
    for polygon in polygons:
        for indexes in polygon:
            points = []
            for lon, lat in unwrap(ring(indexes, arcs)):
                point = project(lon, lat)
                if not points or point != points[-1]:
                    points.append(point)
            if len(points) < 3:
                continue
            head, *rest = points
            parts.append(
                f"M{head[0]:g} {head[1]:g}" + "".join(f"L{x:g} {y:g}" for x, y in rest) + "Z"
            )
    return "".join(parts)


def main(topojson: str, iso: str) -> None:
    topology = json.loads(Path(topojson).read_text(encoding="utf-8"))
    codes = {
        c["numeric"]: c["alpha_2"].lower()
        for c in json.loads(Path(iso).read_text(encoding="utf-8"))["3166-1"]
    }
    arcs = arcs_of(topology)
    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = codes.get(str(geometry.get("id", "")))
        if code is None or code == "aq":
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        countries[code] = {"name": geometry["properties"]["name"], "d": path(polygons, arcs)}
    height = round((NORTH - SOUTH) * SCALE, 1)
    data = {
        "source": "Natural Earth 1:110m Admin 0 countries (public domain), v4.1.0, via the "
        "npm package world-atlas 2.0.2; projected equirectangularly by scripts/build_world_map.py",
        "width": WIDTH,
        "height": height,
        "countries": dict(sorted(countries.items())),
    }
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(countries)} countries, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(*sys.argv[1:3])
