"""`cpb parties`: load and list the governments (Parties and non-Parties to the Protocol)."""

from __future__ import annotations

from pathlib import Path

import typer

from cpbmonitor.cli.db import use_database
from cpbmonitor.cli.errors import fail
from cpbmonitor.cli.output import OutputFormat, emit
from cpbmonitor.core.indicators.inputs import REGIONS

app = typer.Typer(help="Parties: load the list of governments, list them.", no_args_is_help=True)

COLUMNS = (
    "iso2",
    "iso3",
    "name",
    "region",
    "cp_party",
    "cp_party_since",
    "sp_party",
    "sp_party_since",
    "gef_eligible",
)


@app.command("load")
def load(
    file: Path = typer.Argument(None, help="A parties CSV file (default: the shipped list)."),
    reset: bool = typer.Option(
        False, "--reset", help="Also reset edited GEF-eligibility flags to the file's values."
    ),
) -> None:
    """Load (or update) the list of governments. Safe to run again."""
    use_database()
    from cpbmonitor.services.parties import PartiesFileError, load_parties, read_parties

    try:
        records = read_parties(file)
    except PartiesFileError as error:
        fail(str(error))
    result = load_parties(records, reset=reset)
    typer.echo(
        f"{len(records)} governments: {result.created} added, {result.updated} updated, "
        f"{result.unchanged} unchanged."
    )


@app.command("list")
def list_parties(
    region: str = typer.Option(None, "--region", help="AFR, ASP, CEE, GRULAC or WEOG."),
    protocol_only: bool = typer.Option(
        False, "--protocol", help="Only Parties to the Cartagena Protocol."
    ),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f"),
) -> None:
    """List the governments."""
    if region is not None and region.upper() not in REGIONS:
        fail(f"unknown region {region!r} (use one of: {', '.join(REGIONS)})")
    use_database()
    from cpbmonitor.national_reports.models import Party

    if not Party.objects.exists():
        fail("no governments loaded: run `cpb parties load`")
    parties = Party.objects.listing(region=region, protocol_only=protocol_only)
    rows = [{c: getattr(p, c) for c in COLUMNS} | {"region": p.region or None} for p in parties]
    for row in rows:
        for key in ("cp_party_since", "sp_party_since"):
            row[key] = row[key].isoformat() if row[key] else None
    emit(fmt, rows, COLUMNS, title=f"{len(rows)} governments")
