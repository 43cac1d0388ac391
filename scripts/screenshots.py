"""Screenshots of the main pages of a running platform, for the README (docs/screenshots).

    .venv/bin/cpb run &            # demonstration data on first start
    .venv/bin/python scripts/screenshots.py [--url http://127.0.0.1:8000] [--out docs/screenshots]

Drives Debian's Chromium (/usr/bin/chromium, or CPB_CHROMIUM) through Playwright.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from playwright.sync_api import sync_playwright

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
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    executable = os.environ.get("CPB_CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        for name, path, width, height in PAGES:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(args.url + path)
            full = page.evaluate("document.documentElement.scrollHeight")
            clip = {"x": 0, "y": 0, "width": width, "height": min(height, full)}
            page.screenshot(path=str(args.out / f"{name}.png"), full_page=True, clip=clip)
            page.close()
            print(f"wrote {args.out / name}.png")
        browser.close()


if __name__ == "__main__":
    main()
