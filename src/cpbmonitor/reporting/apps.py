from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ReportingConfig(AppConfig):
    name = "cpbmonitor.reporting"
    label = "reporting"
    verbose_name = "Online national reporting"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_sync_groups, sender=self)


def _sync_groups(sender: object, using: str = "default", **kwargs: object) -> None:
    from cpbmonitor.reporting.roles import sync_role_groups

    sync_role_groups(using=using)
