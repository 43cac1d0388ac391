from django.apps import AppConfig


class EvaluationsConfig(AppConfig):
    name = "cpbmonitor.evaluations"
    label = "evaluations"
    verbose_name = "Evaluation runs"
    default_auto_field = "django.db.models.BigAutoField"
