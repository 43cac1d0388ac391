"""Indicator results for a chosen cycle and baseline, and the Party scorecard, on the
tiny registry of the portal tests (see ``tests/portal/conftest.py``):

A.1(a) (fully or partially in place): cycle 5 full, partial, full -> 3 of 3 (100 %);
cycle 4 partial, partial, full, full -> 4 of 4 (100 %).
"""

from __future__ import annotations

import pytest

from tests.portal.conftest import _fresh_cache, world  # noqa: F401

API = "/api/v1"


def world_of(response, code: str = "A.1(a)") -> dict:
    assert response.status_code == 200, response.content
    indicator = next(row for row in response.json() if row["code"] == code)
    return next(g for g in indicator["groups"] if g["group"] == "global")


def test_cycle_against_a_chosen_baseline(client, world):  # noqa: F811
    chosen = world_of(client.get(f"{API}/plans/draft-2020/indicators?cycle=5&baseline=4"))
    assert (chosen["numerator"], chosen["denominator"], chosen["value"]) == (3, 3, 100)
    assert (chosen["baseline_value"], chosen["change"]) == (100, 0)
    assert world_of(client.get(f"{API}/plans/draft-2020/indicators?cycle=5")) == chosen
    assert world_of(client.get(f"{API}/plans/draft-2020/indicators")) == chosen


def test_an_earlier_cycle_alone(client, world):  # noqa: F811
    four = world_of(client.get(f"{API}/plans/draft-2020/indicators?cycle=4"))
    assert (four["numerator"], four["denominator"], four["value"]) == (4, 4, 100)
    assert four["baseline_value"] is None and four["change"] is None


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("cycle=3", "cycle 3 is not measured by the methodology of draft-2020 (cycles: 4, 5)"),
        ("cycle=4&baseline=5", "the baseline must be an earlier cycle than 4"),
        ("baseline=4", "give the cycle measured with its baseline"),
    ],
)
def test_cycles_outside_the_methodology_are_refused(client, world, query, message):  # noqa: F811
    response = client.get(f"{API}/plans/draft-2020/indicators?{query}")
    assert response.status_code == 422
    assert response.json()["detail"] == message


def test_party_scorecard(client, world):  # noqa: F811
    response = client.get(f"{API}/parties/br/scorecard")
    assert response.status_code == 200, response.content
    rows = {(r["cycle"], r["indicator"]): r for r in response.json()}
    assert rows[(5, "A.1(a)")]["met"] is True
    assert rows[(4, "A.1(a)")]["world_value"] == 100
    assert set(rows[(5, "A.1(a)")]) == {"cycle", "indicator", "met", "region_value", "world_value"}
    assert client.get(f"{API}/parties/zz/scorecard").status_code == 404


def test_the_choices_are_documented(client, world):  # noqa: F811
    spec = client.get(f"{API}/openapi.json").json()
    parameters = spec["paths"][f"{API}/plans/{{plan_id}}/indicators"]["get"]["parameters"]
    described = {p["name"]: p.get("description", "") for p in parameters}
    assert "baseline" in described["baseline"] and "cycle" in described["cycle"]
    assert f"{API}/parties/{{code}}/scorecard" in spec["paths"]


def test_every_change_carries_its_comparability(client, world):  # noqa: F811
    """A.1(a) reads crosswalked questions (Q014 -> Q007); A.1(c)'s fourth-report question
    is a declared stand-in, so its change is not counted."""
    response = client.get(f"{API}/plans/draft-2020/indicators?cycle=5&baseline=4")
    a1a = world_of(response)
    assert (a1a["comparability"], a1a["comparability_label"]) == (
        "crosswalked",
        "crosswalked question",
    )
    assert a1a["comparability_reason"] == "the crosswalk links the questions, options unchanged"
    assert a1a["few_data"] is True  # 3 Parties, under the threshold of 10
    a1c = world_of(response, "A.1(c)")
    assert (a1c["comparability"], a1c["comparability_label"]) == (
        "stand-in",
        "stand-in question",
    )
    assert a1c["comparability_reason"].startswith("cycle 4: the crosswalk links the two staff")
    assert a1c["status"] != "improved" and a1c["status"] != "declined"


def test_the_few_data_threshold_is_a_setting(client, world, settings):  # noqa: F811
    """3 Parties are few data under the default threshold of 10, enough under 3."""
    settings.CPB_MIN_DENOMINATOR = 3
    a1a = world_of(client.get(f"{API}/plans/draft-2020/indicators?cycle=5&baseline=4"))
    assert a1a["few_data"] is False
    series = client.get(f"{API}/plans/draft-2020/series?cycles=4,5").json()
    assert series["settings"]["min_denominator"] == 3
