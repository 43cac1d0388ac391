"""Write docs/settings.md from the declared settings (``cpbmonitor.conf``).

python scripts/settings_doc.py > docs/settings.md
"""

from __future__ import annotations

from cpbmonitor.conf import SETTINGS


def main() -> None:
    print("# Settings\n")
    print(
        "Every setting is declared once, in `src/cpbmonitor/conf.py`, and read by the CLI,\n"
        "the pages, the API and the evaluation document alike: from Django settings when\n"
        "set there, else from the environment variable of the same name, else the default.\n"
        "This page is written from the declarations (`python scripts/settings_doc.py`); a\n"
        "test fails when a declared setting is missing here.\n"
    )
    print("| Setting | Default | What it does |")
    print("|---|---|---|")
    for item in SETTINGS.values():
        default = (
            f"`{item.default!r}`"
            if item.name != "PORTAL_CONTENT_SECURITY_POLICY"
            else "a strict policy"
        )
        print(f"| `{item.name}` | {default} | {' '.join(item.help.split())} |")


if __name__ == "__main__":
    main()
