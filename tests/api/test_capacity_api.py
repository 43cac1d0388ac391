"""The capacity-building API gives exactly the JSON of ``cpb capacity needs|coverage|gaps``,
on the tiny world of ``tests/core/capacity/world.py`` (numbers worked out there)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from cpbmonitor.core.plan import load_plan
from cpbmonitor.services import records as services
from tests.core.capacity import world
from tests.records.factories import lmo

API = "/api/v1/capacity"
REGIONS = ["AFR", "ASP", "CEE", "GRULAC", "WEOG"]
runner = CliRunner()


@pytest.fixture
def tiny(db):
    world.store_in_database()


def cli_json(*args: str):
    result = runner.invoke(app, ["capacity", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def get(client, path: str):
    response = client.get(API + path)
    assert response.status_code == 200, response.content
    return response.json()


def test_needs_are_the_cli_rows(client, tiny):
    rows = get(client, "/needs?cycle=5")
    assert rows == cli_json("needs", "--cycle", "5")
    assert rows[0] == world.NEEDS_ROW_A
    assert [row["global"] for row in rows[:3]] == [2, 0, 3]  # (a), (b), (c)
    assert get(client, "/needs") == rows  # the fifth cycle by default
    compared = get(client, "/needs?compare=true")
    assert compared == cli_json("needs", "--compare")
    assert compared[2]["global"] == 3 and compared[2]["previous"]["global"] == 1


def test_coverage_and_gaps_are_the_cli_json(client, tiny):
    rows = get(client, "/coverage")
    assert rows == cli_json("coverage")
    cell = next(r for r in rows if r["code"] == "(a)" and r["group"] == "AFR")
    assert (cell["in_need"], cell["activities"], cell["uncovered"], cell["score"]) == (1, 0, 1, 0.5)
    later = get(client, "/coverage?from=2027-01-01&to=2027-12-31")
    assert later == cli_json("coverage", "--from", "2027-01-01", "--to", "2027-12-31")
    cell = next(r for r in later if r["code"] == "(a)" and r["group"] == "AFR")
    assert (cell["activities"], cell["uncovered"]) == (1, 0)  # a6, national ng, from 2027
    gaps = get(client, "/gaps?cycle=5&plan=draft-2020")
    assert gaps == cli_json("gaps")
    assert [(r["code"], r["region"]) for r in gaps["without_activity"]] == [
        ("(a)", "AFR"),
        ("(m)", "AFR"),
    ]
    assert [r["government"] for r in gaps["unreached_parties"]] == ["ng"]


def test_fourth_cycle_needs_of_the_demonstration_data_are_paragraph_37(client, db):
    assert runner.invoke(app, ["demo", "load"]).exit_code == 0
    response = client.get(f"{API}/needs?cycle=4")
    rows = response.json()
    assert rows == cli_json("needs", "--cycle", "4")
    survey = load_plan("draft-2020").needs
    assert [row["global"] for row in rows] == [area.parties for area in survey.areas]
    assert rows[0]["global"] == 66 and rows[11]["global"] == 41  # (a) and (l)
    assert response["X-Demonstration-Data"] == "true"


@pytest.mark.parametrize(
    ("path", "status", "detail"),
    [
        ("/needs?cycle=9", 404, "unknown reporting cycle '9' (known: interim, 1, 2, 3, 4, 5)"),
        ("/coverage?cycle=9", 404, "no reporting cycle 9"),
        ("/coverage?plan=draft-2099", 404, "no plan version 'draft-2099'"),
        ("/gaps?plan=draft-2019", 404, "plan draft-2019 has no Capacity-Building Action Plan"),
        (
            "/gaps?from=2025-01-01&to=2024-01-01",
            422,
            "the period ends (2024-01-01) before it starts (2025-01-01)",
        ),
    ],
)
def test_unknown_cycles_and_plans(client, tiny, path, status, detail):
    response = client.get(API + path)
    assert (response.status_code, response.json()["detail"]) == (status, detail)


def test_demonstration_figures_are_labelled(client, tiny):
    assert "X-Demonstration-Data" not in client.get(f"{API}/needs")
    services.store_records(
        [lmo("LMO-DEMO", valid_from=dt.date(2020, 1, 1), demonstration=True)], source="demo"
    )
    for path in ("/needs", "/coverage", "/gaps"):
        assert client.get(API + path)["X-Demonstration-Data"] == "true"


def test_openapi_describes_the_capacity_endpoints(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    for name in ("needs", "coverage", "gaps"):
        operation = spec["paths"][f"/api/v1/capacity/{name}"]["get"]
        assert operation["description"] and operation["tags"] == ["capacity-building"]
        assert {"200", "404"} <= set(operation["responses"])
    needs = spec["components"]["schemas"]["NeedsRowOut"]
    assert list(needs["properties"])[:8] == ["term", "area", "global", *REGIONS]
    coverage = spec["paths"]["/api/v1/capacity/coverage"]["get"]
    assert {p["name"] for p in coverage["parameters"]} == {"cycle", "plan", "from", "to"}
    assert set(spec["components"]["schemas"]["GapsOut"]["properties"]) == {
        "not_in_plan",
        "nothing_planned",
        "without_activity",
        "unreached_parties",
    }


def test_contribution_is_the_cli_json_with_its_caveat(client, tiny):
    data = get(client, "/contribution?cycle=5&baseline=4")
    assert data == cli_json("contribution", "--cycle", "5", "--baseline", "4")
    assert "association, not attribution" in data["caveat"]
    rows = {row["indicator"]: row for row in data["rows"]}
    # a2 (regional AFR, key area A.6-A.8 (3)) and a5 (regional GRULAC, A.7 (iii)) serve
    # A.6 to A.8 in the period after the fourth deadline; nothing targeted serves A.5
    assert rows["A.8(d)"]["activities"] == 2 and rows["A.5(a)"]["activities"] == 0
    assert set(rows) >= {"A.1(a)", "B.4(d)"} and "A.11(a)" not in rows
