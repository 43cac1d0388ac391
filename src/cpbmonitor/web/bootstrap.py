"""Start Django on demand, so that commands without a database never import it.

CLI commands that touch the database call :func:`setup_django` first (inside the
command, not at import time) and :func:`require_current_schema` before reading.
"""

from __future__ import annotations

import os

SETTINGS_MODULE = "cpbmonitor.web.settings"


class SchemaOutOfDate(RuntimeError):
    """The database has migrations still to apply."""


def setup_django() -> None:
    """Configure Django once per process (a no-op when it already is)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    from django.apps import apps

    if apps.ready:
        return
    import django

    django.setup()


def pending_migrations() -> list[str]:
    """Names (``app.migration``) of the migrations not yet applied to the database."""
    setup_django()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def require_current_schema() -> None:
    """Raise :class:`SchemaOutOfDate` unless every migration is applied."""
    pending = pending_migrations()
    if pending:
        raise SchemaOutOfDate(
            f"the database schema is not up to date ({len(pending)} migration(s) to apply): "
            "run `cpb db migrate`"
        )
