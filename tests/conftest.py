"""Shared test set-up: pytest-django runs on ``cpbmonitor.web.settings`` (see pyproject).

The database is SQLite in memory by default; with ``CPB_DATABASE_URL`` set (for instance
to the URL printed by ``.ci/postgres start``) the same tests run on PostgreSQL, in a
``test_``-prefixed database created and dropped by pytest-django.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cpbmonitor.web.settings")


@pytest.fixture
def world(db) -> None:
    """A tiny world: ar (not a Party), br, eu, ng (Parties), sl (Party from 2020-09-13),
    the reporting cycles, and the tiny fifth-report format imported."""
    from cpbmonitor.services.cycles import sync_cycles
    from cpbmonitor.services.formats import import_format
    from cpbmonitor.services.parties import load_parties, read_parties
    from tests.national_reports.documents import SCHEMA, TINY_FORMAT
    from tests.paths import FIXTURES

    load_parties(read_parties(FIXTURES / "national_reports" / "parties-tiny.csv"))
    sync_cycles()
    import_format(TINY_FORMAT, SCHEMA)
