"""Shared fixtures: the real BCH formats (from ../shared) and the two cycles."""

from __future__ import annotations

import datetime as dt

import pytest

from cpbmonitor.core.formats import Questionnaire, load_bch_format
from cpbmonitor.core.indicators import CycleInfo, Settings
from tests.paths import FORMATS

C4 = CycleInfo(4, "cpbNationalReport4", dt.date(2019, 10, 1))
C5 = CycleInfo(5, "cpbNationalReport5", dt.date(2026, 2, 28))
TINY = Settings(min_denominator=1)
"""The hand-built datasets have a handful of Parties: their statuses are tested with the
few-data threshold off (``test_few_data`` tests it on)."""


@pytest.fixture(scope="session")
def real_formats() -> dict[int, Questionnaire]:
    """Cycle number -> the BCH's own format definition (shared reference data)."""
    return {
        4: load_bch_format(FORMATS / "cpbNationalReport4.json", "cpbNationalReport4"),
        5: load_bch_format(FORMATS / "cpbNationalReport5.json", "cpbNationalReport5"),
    }
