from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def create_cache_table(using: str = "default", **kwargs: Any) -> None:
    """The database cache's table (``CACHES``), made with the schema wherever it is made:
    ``cpb db migrate``, ``cpb run``, the tests' databases (a no-op with Redis)."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class NationalReportsConfig(AppConfig):
    name = "cpbmonitor.national_reports"
    label = "national_reports"
    verbose_name = "National reports: Parties, reporting cycles and formats, reports and answers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(create_cache_table, sender=self)
