"""`cpb run` (what `make run` does): prepare the database on first start, then serve.

Migrates the schema; on an empty database loads the Parties and the demonstration data;
creates one demonstration login per role; serves the platform at http://HOST:PORT/.
"""

from __future__ import annotations

import typer

from cpbmonitor.cli import db, demo, serve
from cpbmonitor.core.demo import DEFAULT_SEED

app = typer.Typer(help="Set up the database on first start and serve the platform.")


@app.callback(invoke_without_command=True)
def run(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(2, min=1, help="Worker processes."),
    no_demo: bool = typer.Option(False, "--no-demo", help="Do not load demonstration data."),
) -> None:
    """Migrate, load Parties and demonstration data on first start, then serve."""
    db.migrate()
    from cpbmonitor.national_reports.models import NationalReport, Party

    if not no_demo and not NationalReport.objects.exists():
        demo.load(seed=DEFAULT_SEED)
    elif not no_demo and _demo_without_records():
        demo.load_records(DEFAULT_SEED)  # a database filled before records existed
    elif not Party.objects.exists():
        from cpbmonitor.services.parties import load_parties, read_parties

        load_parties(read_parties())
    _print_demo_logins()
    serve.serve(host=host, port=port, workers=workers)


def _demo_without_records() -> bool:
    from cpbmonitor.national_reports.models import NationalReport
    from cpbmonitor.records.models import Record

    return NationalReport.objects.demonstration().exists() and not Record.objects.exists()


def _print_demo_logins() -> None:
    """One demonstration login per role, only while the database holds demonstration data
    (a production database never gets accounts with printed passwords)."""
    from cpbmonitor.national_reports.models import NationalReport
    from cpbmonitor.reporting.demo import create_demo_users, format_logins

    if not NationalReport.objects.demonstration().exists():
        return
    typer.echo("Demonstration logins (user, password, role); passwords change at every start:")
    typer.echo(format_logins(create_demo_users()))
