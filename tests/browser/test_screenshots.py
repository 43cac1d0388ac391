"""Screenshots of the main pages, with made-up values (so the demo banner shows).

Written to ``tmp_path``; ``CPB_SCREENSHOTS=docs/screenshots`` writes the README's copies:

    CPB_SCREENSHOTS=docs/screenshots .venv/bin/python -m pytest tests/browser/test_screenshots.py
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from tests.paths import REPO


def _load_script_pages() -> list[tuple[str, str, int, int]]:
    """The pages of ``scripts/screenshots.py`` (one list for the script and this test)."""
    spec = importlib.util.spec_from_file_location(
        "screenshots", REPO / "scripts" / "screenshots.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.PAGES)


PAGES = _load_script_pages()


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
