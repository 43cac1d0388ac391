"""`cpb evaluate --cycles 4,5,6` with a sixth cycle added as data only
(``fixtures/cycle6``, loaded through ``CPB_FORMATS_DIR``).

The world (``parties-tiny.csv``): br (GRULAC), ng (AFR), the EU (no region) are Parties
since 2003-2004, sl (AFR) since 2020 (so only in cycles 5 and 6); ar is no Party.
Reports (``fixtures/cycle6/reports-*.json``), worked out below:

- A.1(a) national measures fully or partially in place (Q014 / Q007 / Q207, renumbered):
  cycle 4 br eu of br eu ng = 2/3 = 66.67; cycle 5 br eu of 4 = 50; cycle 6 br eu ng of 4
  = 75. Crosswalked both times: -16.67 declined, then +25 improved; +8.33 since cycle 4.
- A.1(c) staff (Q018 permanent / Q011 qualified): 2/3 = 66.67, 3/4 = 75, 3/4 = 75. The
  fourth report's question is a declared stand-in: +8.33 not comparable; then the same
  question: 0 no change.
- B.2(c) external support (Q125 / Q113 / Q113 with the option true.partly added): 2/3,
  2/4 = 50, 2/4 = 50 (eu's true.partly counts under the sixth cycle's rule). 4 -> 5
  crosswalked, -16.67 declined; 5 -> 6 options changed: not comparable.
- B.2(d) support provided (Q127 with true.some / Q115 without): 2/3, 2/4, 2/4: 4 -> 5
  not comparable (options), 5 -> 6 the same question, 0 no change.
- B.3(a) (Q138, fifth report only; dropped from the sixth): 5 has br sl of 4 = 50;
  cycle 6 has no rule, so no change at all.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from tests.paths import FIXTURES

runner = CliRunner()
CYCLE6 = FIXTURES / "cycle6"


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


@pytest.fixture
def six(db, monkeypatch: pytest.MonkeyPatch) -> None:
    from cpbmonitor.services.cycles import sync_cycles
    from cpbmonitor.services.parties import load_parties, read_parties

    monkeypatch.setenv("CPB_FORMATS_DIR", str(CYCLE6))
    load_parties(read_parties(FIXTURES / "national_reports" / "parties-tiny.csv"))
    sync_cycles()
    files = [str(CYCLE6 / f"reports-{n}.json") for n in (4, 5, 6)]
    result = run("import", "reports", *files)
    assert result.exit_code == 0, result.output


def series(*extra: str) -> dict:
    result = run("evaluate", "--cycles", "4,5,6", "-f", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def world(document: dict, code: str) -> list[dict]:
    item = next(i for i in document["indicators"] if i["code"] == code)
    return item["groups"]["global"]


@pytest.mark.usefixtures("six")
def test_every_indicator_has_a_series_with_a_comparability_on_every_change() -> None:
    document = series("--min-denominator", "1")
    assert document["cycles"] == [4, 5, 6]
    assert len(document["indicators"]) == 48
    for item in document["indicators"]:
        for group, points in item["groups"].items():
            assert [p["cycle"] for p in points] == [4, 5, 6]
            for point in points[1:]:
                for change in (point["change_from_previous"], point["change_since_baseline"]):
                    assert change["comparability"] in (
                        "same",
                        "crosswalked",
                        "stand-in",
                        "not-comparable",
                    ), (item["code"], group)
                    assert change["comparability_reason"], (item["code"], group)


@pytest.mark.usefixtures("six")
def test_renumbered_question_is_crosswalked() -> None:
    a1a = world(series("--min-denominator", "1"), "A.1(a)")
    assert [p["value"] for p in a1a] == [66.67, 50.0, 75.0]
    assert [(p["numerator"], p["denominator"]) for p in a1a] == [(2, 3), (2, 4), (3, 4)]
    five, six = a1a[1]["change_from_previous"], a1a[2]["change_from_previous"]
    assert (five["change"], five["status"], five["comparability"]) == (
        -16.67,
        "declined",
        "crosswalked",
    )
    assert (six["change"], six["status"], six["comparability"]) == (25.0, "improved", "crosswalked")
    since = a1a[2]["change_since_baseline"]
    assert (since["from_cycle"], since["change"], since["status"]) == (4, 8.33, "improved")


@pytest.mark.usefixtures("six")
def test_stand_in_and_changed_options_are_not_counted() -> None:
    document = series("--min-denominator", "1")
    a1c = world(document, "A.1(c)")
    assert [p["value"] for p in a1c] == [66.67, 75.0, 75.0]
    first = a1c[1]["change_from_previous"]
    assert (first["change"], first["status"], first["comparability"]) == (
        8.33,
        "not comparable",
        "stand-in",
    )
    assert a1c[2]["change_from_previous"]["comparability"] == "same"
    assert a1c[2]["change_from_previous"]["status"] == "no change"
    b2c = world(document, "B.2(c)")
    assert [p["value"] for p in b2c] == [66.67, 50.0, 50.0]
    assert b2c[1]["change_from_previous"]["status"] == "declined"
    added = b2c[2]["change_from_previous"]
    assert (added["comparability"], added["status"]) == ("not-comparable", "not comparable")
    assert "true.partly" in added["comparability_reason"]
    b2d = world(document, "B.2(d)")
    assert b2d[1]["change_from_previous"]["comparability"] == "not-comparable"
    assert "true.some" in b2d[1]["change_from_previous"]["comparability_reason"]
    assert b2d[2]["change_from_previous"]["comparability"] == "same"


@pytest.mark.usefixtures("six")
def test_dropped_question_leaves_the_sixth_cycle_without_a_value() -> None:
    b3a = world(series("--min-denominator", "1"), "B.3(a)")
    assert [p["value"] for p in b3a] == [None, 50.0, None]
    last = b3a[2]["change_from_previous"]
    assert last["change"] is None and last["status"] is None
    assert last["comparability"] == "not-comparable"
    assert "Q138" in last["comparability_reason"]


@pytest.mark.usefixtures("six")
def test_few_data_by_default() -> None:
    # Three or four Parties are under the default threshold of 10: every change of a
    # percentage is "insufficient data" (or not comparable), none improved or declined.
    a1a = world(series(), "A.1(a)")
    assert all(p["few_data"] for p in a1a)
    assert a1a[2]["change_from_previous"]["status"] == "insufficient data"


@pytest.mark.usefixtures("six")
def test_csv_and_table_and_the_two_cycle_form_still_work() -> None:
    result = run("evaluate", "--cycles", "4,5,6", "-f", "csv", "--min-denominator", "1")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("indicator,goal,unit,group,cycle,numerator,denominator,value")
    assert len(lines) == 1 + 48 * 6 * 3
    table = run("evaluate", "--cycles", "4,5,6", "--min-denominator", "1")
    assert table.exit_code == 0, table.output
    assert "crosswalked question" in table.output and "same question and options" in table.output
    pair = run(
        "evaluate", "--cycle", "6", "--baseline", "5", "-f", "json", "--min-denominator", "1"
    )
    assert pair.exit_code == 0, pair.output
    rows = {(r["indicator"], r["group"]): r for r in json.loads(pair.output)["rows"]}
    assert rows[("A.1(a)", "global")]["change"] == 25.0
    assert rows[("A.1(a)", "global")]["comparability"] == "crosswalked"


@pytest.mark.usefixtures("six")
def test_bad_cycles_are_one_clear_error() -> None:
    result = run("evaluate", "--cycles", "4,five")
    assert result.exit_code != 0
    assert "'five' is not a cycle number" in result.output
    result = run("evaluate", "--cycles", "4,9")
    assert result.exit_code != 0
    assert "9" in result.output and "Traceback" not in result.output


@pytest.mark.usefixtures("six")
def test_progress_of_every_goal_and_objective_of_both_plan_versions() -> None:
    from cpbmonitor.core.plan import load_plan

    for version in ("draft-2020", "draft-2019"):
        plan = load_plan(version)
        for level, expected in (
            ("goals", [g.code for g in plan.goals()]),
            ("objectives", [o.code for o in plan.objectives()]),
        ):
            result = run("progress", "--plan", version, "--level", level, "-f", "json")
            assert result.exit_code == 0, result.output
            items = json.loads(result.output)
            assert [i["code"] for i in items] == expected
            assert all(i["status"] and i["reasons"] for i in items)
    # A.1(a), world, cycles 4 to 6 with the few-data threshold off: 66.67 -> 75 against
    # 96.3 expected on the line to 100% by 2030 (see tests/core/indicators/test_progress).
    result = run("progress", "--level", "indicators", "--min-denominator", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    a1a = next(
        i
        for i in json.loads(result.output)
        if i["indicator"] == "A.1(a)" and i["group"] == "global"
    )
    assert (a1a["status"], a1a["expected_value"], a1a["pace_ratio"]) == (
        "acceleration-needed",
        96.3,
        0.28,
    )
    table = run("progress")
    assert table.exit_code == 0 and "insufficient data" in table.output


def test_without_the_directory_there_is_no_sixth_cycle(monkeypatch: pytest.MonkeyPatch) -> None:
    from cpbmonitor.core.formats import cycles

    monkeypatch.delenv("CPB_FORMATS_DIR", raising=False)
    assert 6 not in [c.number for c in cycles()]
    monkeypatch.setenv("CPB_FORMATS_DIR", str(CYCLE6))
    assert [c.number for c in cycles()][-2:] == [5, 6]


def test_paths_exist() -> None:
    assert Path(CYCLE6 / "cycles.yaml").is_file()


@pytest.mark.usefixtures("six")
def test_api_series_and_progress(client) -> None:
    api = "/api/v1"
    body = client.get(f"{api}/plans/draft-2020/series?cycles=4,5,6").json()
    a1a = next(i for i in body["indicators"] if i["code"] == "A.1(a)")["groups"]["global"]
    assert [p["value"] for p in a1a] == [66.67, 50.0, 75.0]
    assert a1a[2]["change_from_previous"]["comparability"] == "crosswalked"
    assert client.get(f"{api}/plans/draft-2020/series?cycles=4,x").status_code == 400
    assert client.get(f"{api}/plans/nope/series").status_code == 404
    default = client.get(f"{api}/plans/draft-2020/series").json()
    assert default["cycles"] == [4, 5, 6]
    progress = client.get(f"{api}/plans/draft-2019/progress").json()
    from cpbmonitor.core.plan import load_plan

    assert [g["code"] for g in progress["goals"]] == [
        g.code for g in load_plan("draft-2019").goals()
    ]
    assert all(g["reasons"] for g in progress["goals"] + progress["objectives"])


def test_a_cycle_added_as_data_is_known_without_migrating(world, monkeypatch) -> None:
    """The world's cycles were synced before CPB_FORMATS_DIR named the sixth: importing
    its reports and evaluating it sync the list on the way."""
    from cpbmonitor.national_reports.models import NationalReport, ReportingCycle
    from cpbmonitor.national_reports.models.cycles import UnknownCycle
    from cpbmonitor.services.cycles import cycle

    assert not ReportingCycle.objects.filter(number=6).exists()
    with pytest.raises(UnknownCycle):
        cycle(6)
    monkeypatch.setenv("CPB_FORMATS_DIR", str(CYCLE6))
    result = run("import", "reports", str(CYCLE6 / "reports-6.json"))
    assert result.exit_code == 0, result.output
    assert NationalReport.objects.filter(cycle__number=6).count() == 4
    assert cycle(6).deadline.isoformat() == "2029-10-01"
    with pytest.raises(UnknownCycle, match="unknown reporting cycle '9'"):
        cycle(9)
