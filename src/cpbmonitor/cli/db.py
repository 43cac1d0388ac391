"""`cpb db`: create or upgrade the database schema, and say where the database is."""

from __future__ import annotations

import typer

from cpbmonitor.cli.errors import fail

app = typer.Typer(help="The database: create or upgrade the schema.", no_args_is_help=True)


@app.command("migrate")
def migrate() -> None:
    """Create the database, or bring its schema up to date (safe to run again)."""
    from cpbmonitor.web.bootstrap import setup_django

    setup_django()
    from django.core.management import call_command
    from django.db import DatabaseError

    from cpbmonitor.services.cycles import sync_cycles

    try:
        call_command("migrate", interactive=False, verbosity=0)
        cycles = sync_cycles()
    except DatabaseError as error:
        fail(f"cannot migrate the database: {error}")
    typer.echo(f"Database up to date ({database_label()}); {cycles} reporting cycles.")


@app.command("info")
def info() -> None:
    """Show which database is used and whether its schema is up to date."""
    from cpbmonitor.web.bootstrap import pending_migrations, setup_django

    setup_django()
    from django.db import DatabaseError

    try:
        pending = pending_migrations()
    except DatabaseError as error:
        fail(f"cannot reach the database ({database_label()}): {error}")
    typer.echo(f"database: {database_label()}")
    hint = " (run `cpb db migrate`)" if pending else ""
    typer.echo(f"pending migrations: {len(pending)}{hint}")


def database_label() -> str:
    """The database in use, without its password."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if "sqlite" in db["ENGINE"]:
        return f"SQLite {db['NAME']}"
    return f"PostgreSQL {db.get('USER')}@{db.get('HOST')}:{db.get('PORT')}/{db.get('NAME')}"


def use_database() -> None:
    """Start Django and check the schema; a user error when it needs `cpb db migrate`.

    Commands that read or write the database call this first.
    """
    from cpbmonitor.web.bootstrap import SchemaOutOfDate, require_current_schema, setup_django

    setup_django()
    from django.db import DatabaseError

    try:
        require_current_schema()
    except SchemaOutOfDate as error:
        fail(str(error))
    except DatabaseError as error:
        fail(f"cannot reach the database ({database_label()}): {error}")
