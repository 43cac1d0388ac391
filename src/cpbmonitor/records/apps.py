from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "cpbmonitor.records"
    label = "records"
    verbose_name = "BCH and capacity-building records"
    default_auto_field = "django.db.models.BigAutoField"
