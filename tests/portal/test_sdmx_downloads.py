"""SDMX-CSV beside CSV, XLSX and JSON on the indicator page, and from the API (item 21):
the observations parse against the data structure and are the evaluation's values."""

from __future__ import annotations

import pytest

from cpbmonitor.core.outputs.sdmx import indicator_id
from cpbmonitor.services.evaluation import current_evaluation
from tests.core.outputs.sdmx_structure import read_checked

pytestmark = pytest.mark.django_db


def _expected(results) -> list[tuple[str, str, str, float]]:
    area = {"global": "WLD"}
    periods = {4: "2019", 5: "2026"}  # the years of the two cycles' deadlines
    found = []
    for result in results:
        for g in result.in_order():
            for cycle, value in ((g.baseline_cycle, g.baseline_value), (g.cycle, g.value)):
                if value is not None:
                    found.append(
                        (
                            indicator_id(result.code),
                            area.get(g.group, g.group),
                            periods[cycle],
                            value,
                        )
                    )
    return found


def _shown(rows) -> list[tuple[str, str, str, float]]:
    return [(r["INDICATOR"], r["REF_AREA"], r["TIME_PERIOD"], float(r["OBS_VALUE"])) for r in rows]


def test_indicator_page_offers_sdmx_csv(client, world):
    page = client.get("/indicators/A.1(a)/").content.decode()
    assert 'href="/indicators/A.1(a)/data.sdmx-csv"' in page and ">SDMX-CSV</a>" in page
    response = client.get("/indicators/A.1(a)/data.sdmx-csv")
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="cpb-indicator-A.1-a.sdmx.csv"' in response["Content-Disposition"]
    rows = read_checked(response.content)
    result = current_evaluation().indicator("A.1(a)")
    assert _shown(rows) == _expected([result])
    assert ("A_1_a", "WLD", "2026", 100.0) in _shown(rows)  # 3 of 3 in cycle 5


def test_api_gives_every_indicator_as_sdmx_csv(client, world):
    response = client.get("/api/v1/plans/draft-2020/indicators/sdmx")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = read_checked(response.content)
    assert _shown(rows) == _expected(current_evaluation().indicators)
    assert len({r["INDICATOR"] for r in rows}) > 10
    assert client.get("/api/v1/plans/draft-1999/indicators/sdmx").status_code == 404
