"""`cpb plan linkages`: the links of a plan version and of each goal to the Kunming-Montreal
Global Biodiversity Framework and the Sustainable Development Goals (registered on the
`plan` group by ``cli/plan.py``)."""

from __future__ import annotations

import typer
from rich.console import Console

from cpbmonitor import conf
from cpbmonitor.cli.errors import fail
from cpbmonitor.cli.output import OutputFormat, emit
from cpbmonitor.core.plan import PlanDataError, load_plan
from cpbmonitor.core.plan.linkages import LinkagesError, load_linkages

COLUMNS = ("goal", "framework", "target", "title", "basis", "paragraph", "note")
TABLE_COLUMNS = ("goal", "framework", "target", "basis", "paragraph", "note")
PLAN_LEVEL = "plan"
"""The ``goal`` column of a link the seed states for the plan as a whole."""


def linkages_command(
    plan_id: str = typer.Option(
        conf.default("CPB_PLAN_VERSION"), "--plan", "-p", help="Plan version id."
    ),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f"),
) -> None:
    """Links to the Kunming-Montreal Global Biodiversity Framework and the Sustainable
    Development Goals: the plan's own (goal 'plan') and each goal's, with their basis
    (seed, seed-plan-level, or the project's reading)."""
    try:
        plan = load_plan(plan_id)
        linkages = load_linkages(plan)
    except (PlanDataError, LinkagesError) as error:
        fail(str(error))
    rows = [link.as_row(PLAN_LEVEL) for link in linkages.for_plan()]
    for goal in plan.goals():
        rows += [link.as_row(goal.code) for link in linkages.for_goal(goal.code)]
    if not rows:
        typer.echo(f"Plan version {plan.id} records no linkages (its seed states none).")
        return
    if fmt is not OutputFormat.table:
        emit(fmt, rows, COLUMNS)
        return
    console = Console()
    emit(fmt, rows, TABLE_COLUMNS, title=f"Linkages of {plan.id}", console=console)
    targets = [
        {"framework": t.framework, "target": t.code, "title": t.title} for t in linkages.targets
    ]
    emit(fmt, targets, ("framework", "target", "title"), title="Targets", console=console)
