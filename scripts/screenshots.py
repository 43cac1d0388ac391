"""Screenshots of the main pages of a running platform, for the README (docs/screenshots).

    .venv/bin/cpb run &            # demonstration data on first start
    .venv/bin/python scripts/screenshots.py [--url http://127.0.0.1:8000] [--out docs/screenshots]

Drives Debian's Chromium (/usr/bin/chromium, or CPB_CHROMIUM) through Playwright. Each
picture is saved with a palette of 256 colours (a third of the size, text as sharp).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any, NamedTuple

from PIL import Image
from playwright.sync_api import Page, sync_playwright


class Shot(NamedTuple):
    name: str
    """The file name, without ``.png``."""
    path: str
    width: int
    """The width of the browser window and of the picture."""
    height: int
    """The height of the picture, at most (never more than the page)."""
    start: str = ""
    """A CSS selector: the picture starts just above this element (default: the top)."""


RECORD = "/records/decision/id/demo-dec-eu-0001"
"""A demonstration decision with a linked risk assessment report (the detail page)."""
PAGES = [
    Shot("home", "/", 1280, 2000),
    Shot("home-fr", "/fr/", 1280, 900),
    Shot("home-mobile", "/", 390, 1400),
    Shot("goal", "/goals/A.1/", 1280, 1500),
    Shot("goal-milestones", "/goals/A.1/", 1280, 700, start="section.milestones"),
    Shot("indicator", "/indicators/A.1(a)/", 1280, 1800),
    Shot("party", "/parties/br/", 1280, 1200),
    Shot("question", "/questions/5/Q007/", 1280, 1500),
    Shot("plan-compare", "/plan/compare/draft-2019/draft-2020/", 1280, 1100),
    Shot("capacity", "/capacity/", 1280, 1600),
    Shot("records", "/records/decision/", 1280, 1200),
    Shot("record", RECORD, 1280, 900),
    Shot("evaluation", "/evaluation/", 1280, 1100),
]
MARGIN = 16
"""Pixels kept above the element a picture starts at."""
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def clip(page: Page, shot: Shot) -> dict[str, Any]:
    """The part of the loaded ``page`` that ``shot`` shows."""
    top = 0
    if shot.start:
        box = page.locator(shot.start).first.bounding_box()
        if box is None:
            raise SystemExit(f"{shot.path}: no {shot.start} on the page")
        top = max(0, int(box["y"]) - MARGIN)
    full = page.evaluate("document.documentElement.scrollHeight")
    return {"x": 0, "y": top, "width": shot.width, "height": min(shot.height, full - top)}


def capture(page: Page, shot: Shot, folder: Path) -> Path:
    """Save ``shot`` of the loaded ``page`` as ``folder/<name>.png``, with 256 colours."""
    target = folder / f"{shot.name}.png"
    page.screenshot(path=str(target), full_page=True, clip=clip(page, shot))
    with Image.open(target) as picture:
        reduced = picture.convert("RGB").quantize(
            256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
    reduced.save(target, optimize=True)
    return target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    executable = os.environ.get("CPB_CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        for shot in PAGES:
            page = browser.new_page(viewport={"width": shot.width, "height": 900})
            response = page.goto(args.url + shot.path)
            if response is None or not response.ok:
                status = response.status if response else "no response"
                raise SystemExit(f"{args.url}{shot.path}: {status}")
            print(f"wrote {capture(page, shot, args.out)}")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
