"""The world map: shipped outlines keyed by ISO code, one pattern per category."""

from __future__ import annotations

import re

from cpbmonitor.core.maps import Category, load_map, world_map

CATEGORIES = [Category("met", "meets it"), Category("not", "does not <meet> it")]


def test_outlines_are_keyed_by_iso_code() -> None:
    world = load_map()
    assert {"br", "ng", "fr", "de", "cn", "us"} <= set(world.countries)
    assert "aq" not in world.countries  # Antarctica left out
    name, path = world.countries["br"]
    assert name == "Brazil" and path.startswith("M")
    assert "Natural Earth" in world.source


def test_each_country_gets_its_category_and_a_title() -> None:
    svg = world_map(
        {"br": "met", "ng": "not", "de": "met", "zz": "met"},
        CATEGORIES,
        chart_id="m",
        title="A.1(a) <cycle 5>",
    )
    assert svg.count('class="country map-cat-0"') == 2  # br, de (zz has no outline)
    assert svg.count('class="country map-cat-1"') == 1
    assert "<title>Brazil: meets it</title>" in svg
    assert "<title>France: no data</title>" in svg
    # counts in the description: zz is counted as a Party with that category
    assert re.search(r'<desc id="m-desc">meets it: 3; does not &lt;meet&gt; it: 1</desc>', svg)
    assert "A.1(a) &lt;cycle 5&gt;" in svg and "<cycle 5>" not in svg
    # the second category is a hatching pattern, not only a colour
    assert '<pattern id="m-p1"' in svg and 'fill="url(#m-p1)"' in svg
