"""Screenshots of the main pages, with made-up values (so the demo banner shows).

Written to ``tmp_path``; ``CPB_SCREENSHOTS=docs/screenshots`` writes the README's copies:

    CPB_SCREENSHOTS=docs/screenshots .venv/bin/python -m pytest tests/browser/test_screenshots.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PAGES = [  # name, path, viewport width, height of the picture
    ("home", "/", 1280, 2000),
    ("home-fr", "/fr/", 1280, 900),
    ("home-mobile", "/", 390, 1400),
    ("goal", "/goals/A.1/", 1280, 1500),
    ("indicator", "/indicators/A.1(a)/", 1280, 1800),
    ("party", "/parties/br/", 1280, 1200),
    ("question", "/questions/5/Q007/", 1280, 1500),
    ("plan-compare", "/plan/compare/draft-2019/draft-2020/", 1280, 1100),
]


@pytest.fixture
def rich(settings):
    settings.PORTAL_RESULTS_SOURCE = "tests.portal.fakes.RichSource"
    settings.CPB_DEMO_DATA = True


@pytest.mark.parametrize(("name", "path", "width", "height"), PAGES)
def test_screenshot(browser, live_server, live_world, rich, tmp_path, name, path, width, height):
    folder = Path(os.environ.get("CPB_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        base_url=live_server.url,
        device_scale_factor=1,
    )
    page = context.new_page()
    response = page.goto(path)
    assert response.status == 200
    target = folder / f"{name}.png"
    height = min(height, page.evaluate("document.documentElement.scrollHeight"))
    clip = {"x": 0, "y": 0, "width": width, "height": height}
    page.screenshot(path=str(target), full_page=True, clip=clip)
    context.close()
    assert target.stat().st_size > 10_000
