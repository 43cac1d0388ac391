from django.apps import AppConfig


class MilestonesConfig(AppConfig):
    name = "cpbmonitor.milestones"
    label = "milestones"
    verbose_name = "Milestones of the Implementation Plan"
    default_auto_field = "django.db.models.BigAutoField"
