from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "cpbmonitor.registry"
    label = "registry"
    verbose_name = "Registry of Parties and national reports"
    default_auto_field = "django.db.models.BigAutoField"
