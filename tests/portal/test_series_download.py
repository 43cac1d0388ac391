"""The indicator page's series download (``/indicators/<code>/series.<fmt>``, also
``/api/v1/tables/indicator-series``), on the sixth cycle added as data
(``fixtures/cycle6``; values worked out in ``tests/cli/test_series_cli.py``): A.1(a) is
66.67 % (2/3), 50 % (2/4), 75 % (3/4); 5 -> 6 reads the renumbered Q207 for Q007
(crosswalked), and 4 Parties are under the few-data threshold of 10."""

from __future__ import annotations

import csv
import io

import pytest

from tests.cli.test_series_cli import six  # noqa: F401 (the fixture)

pytestmark = pytest.mark.usefixtures("six")


def world_rows(content: bytes) -> list[dict[str, str]]:
    rows = csv.DictReader(io.StringIO(content.decode("utf-8")))
    return [r for r in rows if r["group"] == "global"]


def test_every_cycle_with_the_comparability_of_each_change(client) -> None:
    response = client.get("/indicators/A.1(a)/series.csv")
    assert response.status_code == 200
    assert 'filename="cpb-indicator-A.1-a-series.csv"' in response["Content-Disposition"]
    rows = world_rows(response.content)
    assert [(r["cycle"], r["value"]) for r in rows] == [
        ("4", "66.67"),
        ("5", "50.0"),
        ("6", "75.0"),
    ]
    last = rows[-1]
    assert (last["change"], last["comparability"], last["status"]) == (
        "25.0",
        "crosswalked",
        "insufficient data",
    )
    assert {r["indicator"] for r in csv.DictReader(io.StringIO(response.content.decode()))} == {
        "A.1(a)"
    }


def test_chosen_cycles_and_the_api_table(client) -> None:
    rows = world_rows(client.get("/indicators/A.1(a)/series.csv?cycles=5,6").content)
    assert [r["cycle"] for r in rows] == ["5", "6"]
    api = client.get("/api/v1/tables/indicator-series?indicator=A.1(a)&cycles=5,6&format=csv")
    assert world_rows(api.content) == rows
    bad = client.get("/indicators/A.1(a)/series.csv?cycles=5,x")
    assert bad.status_code == 400
    assert "'x' is not a cycle number" in bad.content.decode()
    assert client.get("/indicators/A.1(a)/series.sdmx.csv").status_code == 404


def test_the_page_links_to_it(client) -> None:
    page = client.get("/indicators/A.1(a)/").content.decode()
    for fmt in ("csv", "json", "xlsx"):
        assert f'href="/indicators/A.1(a)/series.{fmt}"' in page
