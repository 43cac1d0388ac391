"""`cpb scorecard`: one Party on every binary indicator, beside its region and the world."""

from __future__ import annotations

from typing import Any

import typer
from rich.console import Console

from cpbmonitor import conf
from cpbmonitor.cli.db import use_database
from cpbmonitor.cli.errors import fail
from cpbmonitor.cli.output import OutputFormat, emit
from cpbmonitor.core.indicators import Evaluation

app = typer.Typer(help="A Party's scorecard on the plan's indicators.")
console = Console()


@app.callback(invoke_without_command=True)
def scorecard(
    party: str = typer.Option(..., "--party", help="ISO code of the government, e.g. br."),
    plan_id: str = typer.Option(conf.default("CPB_PLAN_VERSION"), "--plan", "-p"),
    cycle: int = typer.Option(conf.default("CPB_DEFAULT_CYCLE"), "--cycle", "-c"),
    baseline: int = typer.Option(conf.default("CPB_DEFAULT_BASELINE"), "--baseline", "-b"),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f"),
) -> None:
    """Whether the Party meets each binary indicator, now and at the baseline."""
    use_database()
    from cpbmonitor.national_reports.models import Party
    from cpbmonitor.national_reports.models.parties import UnknownGovernment
    from cpbmonitor.services.evaluation import evaluate_stored

    try:
        government = Party.objects.resolve(party)
    except UnknownGovernment as error:
        fail(str(error))
    evaluation = evaluate_stored(plan_id, cycle, baseline)
    rows = scorecard_rows(evaluation, government.iso2, government.region or None)
    columns = ["indicator", "current", "baseline", "region_value", "global_value"]
    title = f"{government.name} ({government.iso2}, {government.region or 'no region'})"
    emit(fmt, rows, columns, title=title, console=console)


def _verdict(meets: bool | None) -> str:
    return {True: "meets", False: "does not meet", None: "not in population"}[meets]


def scorecard_rows(
    evaluation: Evaluation, government: str, region: str | None
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for score in evaluation.party_scores(government):
        result = evaluation.result(score.indicator)
        rows.append(
            {
                "indicator": score.indicator,
                "current": _verdict(score.current),
                "baseline": _verdict(score.baseline),
                "region_value": result.groups[region].value if region else None,
                "global_value": result.groups["global"].value,
            }
        )
    return rows
