"""`cpb plan`: the plan versions as data - list, show, check, export, diff."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from cpbmonitor import conf
from cpbmonitor.cli.errors import fail
from cpbmonitor.cli.linkages import linkages_command
from cpbmonitor.core.outputs import formats_for, render
from cpbmonitor.core.plan import PlanDataError, PlanVersion, available_versions, load_plan
from cpbmonitor.core.plan.check import check_plan, titles
from cpbmonitor.core.plan.crosswalk import diff_lines, load_crosswalk
from cpbmonitor.core.plan.loader import load_plan_file
from cpbmonitor.core.plan.model import APPLIES_TO_LABELS, Goal, Indicator, Objective

app = typer.Typer(
    help="The Implementation Plan and Capacity-Building Action Plan as data.", no_args_is_help=True
)
console = Console()
app.command("linkages")(linkages_command)

DEFAULT_PLAN = conf.default("CPB_PLAN_VERSION")
PlanOption = typer.Option(DEFAULT_PLAN, "--plan", "-p", help="Plan version id.")


def _load(version: str) -> PlanVersion:
    try:
        return load_plan(version)
    except PlanDataError as error:
        fail(str(error))


def _load_file(path: Path) -> PlanVersion:
    try:
        return load_plan_file(path)
    except PlanDataError as error:
        fail(str(error))


@app.command("list")
def list_versions() -> None:
    """List the plan versions."""
    table = Table("id", "title", "document", "goals", "objectives", "indicators", "CB plan")
    for version in available_versions():
        plan = _load(version)
        table.add_row(
            plan.id,
            plan.title,
            f"{plan.source.document} ({plan.source.date})",
            str(sum(1 for _ in plan.goals())),
            str(sum(1 for _ in plan.objectives())),
            str(sum(1 for _ in plan.indicators())),
            "yes" if plan.has_capacity_building else "no",
        )
    console.print(table)


@app.command("show")
def show(
    code: str = typer.Argument(None, help="A goal, objective or indicator code, e.g. A.1(a)."),
    plan_id: str = PlanOption,
) -> None:
    """Show the tree of a plan version, or one goal, objective or indicator."""
    plan = _load(plan_id)
    if code is None:
        console.print(plan_tree(plan))
        return
    try:
        item = plan.find(code)
    except KeyError:
        fail(f"{plan.id} has no goal, objective or indicator '{code}'")
    if isinstance(item, Goal):
        console.print(goal_tree(plan, item))
    elif isinstance(item, Objective):
        console.print(objective_tree(plan, item))
    else:
        console.print(indicator_tree(plan, item))


def plan_tree(plan: PlanVersion) -> Tree:
    root = Tree(f"[bold]{escape(plan.title)}[/] ({plan.id})")
    for section in plan.sections:
        branch = root.add(f"[bold]{section.code}. {escape(section.title)}[/]")
        for goal in section.goals:
            branch.children.append(goal_tree(plan, goal))
    return root


def goal_tree(plan: PlanVersion, goal: Goal) -> Tree:
    tree = Tree(f"[bold cyan]{goal.code}[/] {escape(goal.title)}")
    if goal.applies_to != "all":
        tree.add(f"[italic]applies to: {APPLIES_TO_LABELS[goal.applies_to]}[/]")
    objectives = tree.add("[bold]Objectives[/]")
    for objective in goal.objectives:
        measured_by = [i.code for i in goal.indicators if objective.code in i.objectives]
        links = ", ".join(measured_by) or "[red]no indicator[/]"
        objectives.add(f"{objective.code} {escape(objective.text)}  [dim]<- {links}[/]")
    indicators = tree.add("[bold]Indicators[/]")
    for indicator in goal.indicators:
        indicators.add(_indicator_label(indicator))
    outcomes = tree.add("[bold]Outcomes[/]")
    for text in goal.outcomes:
        outcomes.add(escape(text))
    if plan.has_capacity_building:
        shared = (
            f" [dim](shared set {goal.capacity_building_set})[/]"
            if goal.capacity_building_set
            else ""
        )
        key_areas = tree.add(f"[bold]Key areas for capacity-building[/]{shared}")
        for area in plan.key_areas_of(goal):
            key_areas.add(f"{area.code} {escape(area.text)}")
        activities = tree.add(f"[bold]Capacity-building activities[/]{shared}")
        for activity in plan.activities_of(goal):
            activities.add(f"{activity.code} {escape(activity.text)}")
    return tree


def _indicator_label(indicator: Indicator) -> str:
    links = ", ".join(indicator.objectives) or "[red]no objective[/]"
    note = f" [dim italic]({escape(indicator.link_note)})[/]" if indicator.link_note else ""
    return f"{indicator.code} {escape(indicator.text)}  [dim]-> {links}[/]{note}"


def objective_tree(plan: PlanVersion, objective: Objective) -> Tree:
    goal = plan.goal_of(objective.code)
    tree = Tree(f"[bold cyan]{objective.code}[/] {escape(objective.text)}")
    tree.add(f"goal {goal.code} {escape(goal.title)}")
    measured = tree.add("[bold]measured by[/]")
    for indicator in goal.indicators:
        if objective.code in indicator.objectives:
            measured.add(_indicator_label(indicator))
    return tree


def indicator_tree(plan: PlanVersion, indicator: Indicator) -> Tree:
    goal = plan.goal_of(indicator.code)
    tree = Tree(f"[bold cyan]{indicator.code}[/] {escape(indicator.text)}")
    tree.add(f"goal {goal.code} {escape(goal.title)}")
    measures = tree.add("[bold]measures[/]")
    for objective in goal.objectives:
        if objective.code in indicator.objectives:
            measures.add(f"{objective.code} {escape(objective.text)}")
    if indicator.link_note:
        tree.add(f"[italic]link note: {escape(indicator.link_note)}[/]")
    return tree


@app.command("check")
def check(
    plan_id: str = typer.Option(None, "--plan", "-p", help="One version (default: all)."),
    file: Path = typer.Option(None, "--file", help="Check a plan file outside the package."),
) -> None:
    """Report consistency findings about the drafts (exit 1 only if a data file is invalid)."""
    if file is not None:
        plans = [_load_file(file)]
    else:
        plans = [_load(version) for version in ([plan_id] if plan_id else available_versions())]
    for plan in plans:
        findings = check_plan(plan)
        console.rule(f"[bold]{plan.id}[/]: {len(findings)} findings")
        grouped = defaultdict(list)
        for finding in findings:
            grouped[finding.kind].append(finding)
        for kind, title in titles().items():
            items = grouped.get(kind, [])
            mark = "[green]none[/]" if not items else f"[yellow]{len(items)}[/]"
            console.print(f"[bold]{title}[/]: {mark}")
            for finding in items:
                console.print(f"  - {escape(finding.message)}")


@app.command("export")
def export_plan(
    plan_id: str = PlanOption,
    fmt: str = typer.Option("json", "--format", "-f", help="json, csv, xlsx or md."),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
) -> None:
    """Export a plan version."""
    if fmt not in formats_for("plan"):
        fail(f"unknown format '{fmt}' (use one of: {', '.join(formats_for('plan'))})")
    content = render("plan", fmt, _load(plan_id))
    if output is None:
        if fmt == "xlsx":
            fail("XLSX is binary: give a file with -o")
        typer.echo(content.decode(), nl=False)
        return
    output.write_bytes(content)
    console.print(f"wrote {output}")


@app.command("diff")
def diff(
    old: str = typer.Argument("draft-2019", help="The older version."),
    new: str = typer.Argument("draft-2020", help="The newer version."),
) -> None:
    """The curated crosswalk between two versions, with word-level differences."""
    old_plan, new_plan = _load(old), _load(new)
    try:
        crosswalk = load_crosswalk(old_plan, new_plan)
    except PlanDataError as error:
        fail(str(error))
    for line in diff_lines(crosswalk, old_plan, new_plan):
        console.print(line, highlight=False)
