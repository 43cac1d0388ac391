"""Generate BCH national report documents (fifth report) for the tests.

``VALID_ANSWERS`` is complete for the tiny format (``fixtures/national_reports/format-tiny-...``):
every enabled mandatory question is answered.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.paths import FIXTURES

TINY_FORMAT = FIXTURES / "national_reports" / "format-tiny-cpbNationalReport5.json"
SCHEMA = "cpbNationalReport5"
RISK_ASSESSMENT = "7C980FF4-3C5B-4711-81F9-BA6F28C12598"

VALID_ANSWERS: dict[str, Any] = {
    "Q007": {"value": "implementation.partiallyInPlace"},
    "Q008": [
        {"value": "instrument.nationalBiosafetyLaws"},
        {"value": "instrument.nationalBiosafetyRegulations"},
    ],
    "Q008_a": {"en": "A biosafety act and two decrees.", "fr": "Une loi et deux décrets."},
    "Q009": {"value": "true.some", "additionalInformation": {"en": "In the agriculture plan."}},
    "Q122": {"value": "true"},
    "Q123": [{"value": RISK_ASSESSMENT}],
    "Q124": {"value": "false"},
}
VALID_VALUE_ROWS = 9
"""Answer rows of ``VALID_ANSWERS``: 1 + 2 + 2 languages + 1 + 1 + 1 + 1."""


def document(
    government: str = "br",
    *,
    identifier: str | None = None,
    submitted: str | None = "2025-06-01T10:00:00Z",
    answers: dict[str, Any] | None = None,
    drop: tuple[str, ...] = (),
    wrapped: bool = True,
) -> dict[str, Any]:
    """A BCH document, wrapped with its metadata as the BCH API returns it by default."""
    identifier = identifier or f"NR5-{government.upper()}-{(submitted or 'draft')[:10]}"
    body: dict[str, Any] = {
        "header": {"identifier": identifier, "schema": SCHEMA, "languages": ["en"]},
        "government": {"identifier": government},
    }
    merged = {**VALID_ANSWERS, **(answers or {})}
    body.update({k: v for k, v in merged.items() if k not in drop and v is not None})
    if not wrapped:
        return body
    return {
        "identifier": identifier,
        "submittedOn": submitted,
        "publishedOn": submitted,
        "body": body,
    }


def write(path: Path, *documents: dict[str, Any]) -> Path:
    data: Any = documents[0] if len(documents) == 1 else list(documents)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
