"""A fake BCH serving fifth national reports built from the tests' report documents."""

from __future__ import annotations

from typing import Any

import pytest

from cpbmonitor.core.bch.settings import BchSettings
from tests.bch.fake import FakeBch, install
from tests.national_reports.documents import SCHEMA, document
from tests.reporting.conftest import people  # noqa: F401  (the pages' users)

# Five Parties and non-Parties of the tiny world, first published on these dates
# (the fifth report's deadline is 2026-02-28: ng is late).
FIRST_PUBLISHED = {
    "br": "2026-01-10T09:00:00Z",
    "eu": "2026-01-20T09:00:00Z",
    "ng": "2026-03-05T09:00:00Z",
    "sl": "2026-02-01T09:00:00Z",
    "ar": "2026-02-10T09:00:00Z",
}


def identifier(government: str) -> str:
    return f"NR5-{government.upper()}"


def publish(
    fake: FakeBch, government: str, when: str, created: str | None = None, **changes: Any
) -> dict[str, Any]:
    """Publish (or revise) the report of ``government`` as of ``when``."""
    data = document(government, identifier=identifier(government), submitted=when, **changes)
    fake.publish(
        data,
        identifier=identifier(government),
        schema=SCHEMA,
        government=government,
        created=created or when,
        updated=when,
    )
    return data


@pytest.fixture
def fake(httpserver) -> FakeBch:  # type: ignore[no-untyped-def]
    bch = FakeBch()
    for government, when in FIRST_PUBLISHED.items():
        publish(bch, government, when)
    bch.url = install(httpserver, bch)  # type: ignore[attr-defined]
    return bch


@pytest.fixture
def bch_settings(fake: FakeBch) -> BchSettings:
    """Two index rows per page, quick retries."""
    return BchSettings(url=fake.url, page_size=2, backoff=0.01, max_backoff=5, concurrency=2)  # type: ignore[attr-defined]
