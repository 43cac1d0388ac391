"""At 390 px (a phone), no page is wider than the screen: wide tables scroll inside their
own region (item 20 of the hardening issue). A screenshot of each page is kept in
``tmp_path`` (``CPB_SCREENSHOTS=folder`` keeps them elsewhere)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PAGES = [
    "/",
    "/fr/",
    "/indicators/A.1(a)/",
    "/goals/A.1/",
    "/parties/",
    "/parties/br/",
    "/questions/5/Q007/",
    "/capacity/",
    "/plan/compare/draft-2019/draft-2020/",
    "/records/decision/",
    "/records/contact/",
]


@pytest.fixture
def with_records(live_world):
    """Demonstration records (long titles and government names in the filters)."""
    from cpbmonitor.services.records import load_demo_records
    from tests.national_reports.factories import make_party

    make_party("eu")
    make_party("gb", name="United Kingdom of Great Britain and Northern Ireland", region="WEOG")
    make_party("cd", name="Democratic Republic of the Congo (a long name in a select)")
    load_demo_records()


@pytest.mark.parametrize("url", PAGES)
def test_page_fits_390_pixels(browser, live_server, with_records, engine, url, tmp_path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url)
    page = context.new_page()
    page.goto(url)
    folder = Path(os.environ.get("CPB_SCREENSHOTS", tmp_path))
    name = url.strip("/").replace("/", "-").replace("(", "").replace(")", "") or "home"
    page.screenshot(path=str(folder / f"narrow-{name}.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > 391
                    && !e.closest('.table-scroll, .chart-figure, .heatmap-figure'))
            .map(e => e.tagName + '.' + e.className).slice(0, 5)"""
    )
    context.close()
    assert (width, wide) == (390, [])
