"""Screenshots of the main pages, with made-up values (so the demo banner shows), taken
the way ``scripts/screenshots.py`` takes them (its page list and its ``capture``).

Written to ``tmp_path``; ``CPB_SCREENSHOTS=some/folder`` keeps them. The README's copies
come from the script, run against a server with the demonstration data.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image

from tests.national_reports.factories import make_party
from tests.paths import REPO


def _load_script() -> ModuleType:
    """``scripts/screenshots.py`` (one page list for the script and this test)."""
    spec = importlib.util.spec_from_file_location(
        "screenshots", REPO / "scripts" / "screenshots.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT = _load_script()


@pytest.fixture
def rich(settings):
    settings.CPB_RESULTS_SOURCE = "tests.portal.fakes.RichSource"
    settings.CPB_DEMO_DATA = True


@pytest.fixture
def demo_records(live_world):
    """Demonstration records and milestones for the tiny world and the European Union,
    whose first decision is the record page of the script."""
    from cpbmonitor.services.milestones import load_demo_milestones
    from cpbmonitor.services.records import load_demo_records

    make_party("eu")
    load_demo_records()
    load_demo_milestones()


def test_the_new_pages_are_listed() -> None:
    names = [shot.name for shot in SCRIPT.PAGES]
    assert len(names) == len(set(names)) == 13
    assert {"capacity", "records", "record", "evaluation", "goal-milestones"} <= set(names)


@pytest.mark.parametrize("shot", SCRIPT.PAGES, ids=[shot.name for shot in SCRIPT.PAGES])
def test_screenshot(browser, live_server, demo_records, rich, tmp_path, shot):
    folder = Path(os.environ.get("CPB_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        viewport={"width": shot.width, "height": 900},
        base_url=live_server.url,
        device_scale_factor=1,
    )
    page = context.new_page()
    response = page.goto(shot.path)
    assert response.status == 200
    target = SCRIPT.capture(page, shot, folder)
    context.close()
    assert target.stat().st_size > 10_000
    with Image.open(target) as picture:
        assert picture.mode == "P" and picture.width == shot.width
        assert 300 <= picture.height <= shot.height
        assert len(picture.getcolors(256) or []) > 8, "not blank"
