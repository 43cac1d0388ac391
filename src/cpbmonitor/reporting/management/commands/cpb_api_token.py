"""``manage.py cpb_api_token USER [--name NAME]``: issue an API token and print its key."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cpbmonitor.reporting.models import ApiToken


class Command(BaseCommand):
    help = "Issue an API token for a user; the key is printed once and never stored."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("username")
        parser.add_argument("--name", default="")

    def handle(self, username, name, **options):  # type: ignore[no-untyped-def]
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user {username!r}")
        _, key = ApiToken.objects.issue(user, name)
        self.stdout.write(key)
