"""`cpb demo load`: fill an empty database with generated national reports (labelled)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import TYPE_CHECKING

import typer

from cpbmonitor.cli.db import use_database
from cpbmonitor.cli.errors import fail, progress_bar
from cpbmonitor.core.demo import DEFAULT_SEED, DEMO_MARK, LABEL, DemoDataset, DemoParty

if TYPE_CHECKING:
    from cpbmonitor.services.parties import PartyRow
    from cpbmonitor.services.records import ImportSummary

app = typer.Typer(
    help="Demonstration data: generated, not real national reports.", no_args_is_help=True
)


@app.command("load")
def load(
    seed: int = typer.Option(DEFAULT_SEED, "--seed", help="Random seed (same seed, same data)."),
    scale: int = typer.Option(
        1,
        "--scale",
        min=1,
        max=1000,
        help="Also clone the reports under N-1 synthetic governments per government "
        "(N times the data, for measuring).",
    ),
) -> None:
    """Fill an EMPTY database with generated fourth- and fifth-cycle national reports of
    real Parties, labelled as demonstration data. Loads the list of governments first.
    Refuses when the database already holds national reports."""
    use_database()
    from django.db import DatabaseError

    from cpbmonitor.core.demo import generate_demo
    from cpbmonitor.national_reports.models import NationalReport
    from cpbmonitor.services.cycles import sync_cycles
    from cpbmonitor.services.parties import load_parties, read_parties
    from cpbmonitor.services.reports import prepare_import, rejection_message, write_import

    existing = NationalReport.objects.count()
    if existing:
        fail(
            f"the database already holds {existing} national report(s): demonstration data "
            "are loaded only into an empty database (use a new database, then "
            "`cpb db migrate` and `cpb demo load`)"
        )
    records = read_parties()
    load_parties(records)
    sync_cycles()
    demo_records = load_records(seed)
    dataset = generate_demo([demo_party(r) for r in records], seed)
    source = source_label(seed)
    with TemporaryDirectory(prefix="cpb-demo-") as tmp, progress_bar() as progress:
        paths = write_documents(dataset, Path(tmp))
        reading = progress.add_task("Validating", total=len(paths))
        plan = prepare_import(paths, tick=lambda: progress.advance(reading))
        if plan.rejected:  # a bug in the generator: nothing is written
            progress.stop()
            fail(rejection_message(plan))
        plan.ready = [dataclasses.replace(r, file=source) for r in plan.ready]
        writing = progress.add_task("Writing", total=len(plan.ready))
        try:
            result = write_import(plan, tick=lambda: progress.advance(writing))
        except DatabaseError as error:
            progress.stop()
            fail(f"database error, nothing was loaded: {error}")
    typer.echo(
        f"Loaded {result.created} national reports ({result.answers} answer values), seed {seed}."
    )
    typer.echo(
        f"{LABEL}. Identifiers start with 'demo-'; each stored body carries "
        f"'{DEMO_MARK}'; source: '{source}'."
    )
    typer.echo(f"Stored but flagged as from non-Parties: {', '.join(result.non_party)}")
    if scale > 1:
        scaled(scale)
    typer.echo(
        f"Loaded {demo_records.total} demonstration records (BCH, Compliance Committee, "
        "capacity-building), each labelled as demonstration data."
    )
    typer.echo("Every page and export of the platform says that these are demonstration data.")
    from cpbmonitor.cli.milestones import load_demo_milestones_message  # milestones

    typer.echo(load_demo_milestones_message())


def scaled(scale: int) -> None:
    """Clone the demonstration reports under synthetic governments (see ``scaled_demo``)."""
    from cpbmonitor.services.scaled_demo import scale_demo

    added = scale_demo(scale)
    typer.echo(
        f"Scale {scale}: added {added.reports} copies of the demonstration reports "
        f"({added.answers} answer values) under {added.governments} synthetic governments "
        "(codes <iso2>0001...; demonstration data, not real governments)."
    )


def load_records(seed: int) -> ImportSummary:
    """Replace the demonstration records by generated ones (real records are kept)."""
    from cpbmonitor.core.records.errors import RecordInputError
    from cpbmonitor.services.records import load_demo_records

    try:
        return load_demo_records(seed)
    except RecordInputError as error:  # a bug in the generator: nothing is written
        fail(str(error))


def demo_party(record: PartyRow) -> DemoParty:
    """The generator.s view of a stored government."""
    return DemoParty(
        iso2=record.iso2,
        name=record.name,
        region=record.region.value if record.region else None,
        cp_party=record.cp_party,
        cp_party_since=record.cp_party_since,
        gef_eligible=record.gef_eligible,
    )


def source_label(seed: int) -> str:
    return f"demonstration data (seed {seed})"


def write_documents(dataset: DemoDataset, folder: Path) -> list[Path]:
    """One BCH JSON file (wrapped document) per generated document."""
    paths = []
    for index, document in enumerate(dataset.documents):
        path = folder / f"{index:04d}-{document.identifier}.json"
        path.write_text(
            json.dumps(document.to_bch(wrapped=True), ensure_ascii=False), encoding="utf-8"
        )
        paths.append(path)
    return paths
