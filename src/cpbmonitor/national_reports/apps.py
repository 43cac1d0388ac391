from django.apps import AppConfig


class NationalReportsConfig(AppConfig):
    name = "cpbmonitor.national_reports"
    label = "national_reports"
    verbose_name = "National reports: Parties, reporting cycles and formats, reports and answers"
    default_auto_field = "django.db.models.BigAutoField"
