from django.apps import AppConfig


class BchConfig(AppConfig):
    name = "cpbmonitor.bch"
    label = "bch"
    verbose_name = "Harvesting from the BCH"
    default_auto_field = "django.db.models.BigAutoField"
