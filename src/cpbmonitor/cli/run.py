"""`cpb run` (what `make run` does): prepare the database on first start, then serve.

Migrates the schema; on an empty database loads the Parties and the demonstration data;
creates one demonstration login per role; serves the platform at http://HOST:PORT/.
"""

from __future__ import annotations

import typer

from cpbmonitor.cli import db, demo, serve
from cpbmonitor.cli.errors import fail
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
        demo.load(seed=DEFAULT_SEED, scale=1)
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
    """One demonstration login per role, only outside production (``CPB_ENV=prod``) and
    while the database holds demonstration data: production never creates, resets nor
    prints a password."""
    from django.conf import settings
    from django.core.exceptions import ValidationError

    from cpbmonitor.national_reports.models import NationalReport
    from cpbmonitor.reporting.demo import create_demo_users, format_logins

    if not settings.CPB_DEMO_LOGINS or not NationalReport.objects.demonstration().exists():
        return
    try:
        logins = create_demo_users()
    except ValidationError as error:
        fail(f"CPB_DEMO_PASSWORD is refused: {' '.join(error.messages)}")
    typer.echo("Demonstration logins (user, password, role); passwords change at every start:")
    typer.echo(format_logins(logins))
