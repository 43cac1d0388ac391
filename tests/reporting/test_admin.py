"""The admin pages of reporting render, and a token added there shows its key once."""

from __future__ import annotations

from django.urls import reverse

from cpbmonitor.reporting.demo import DemoLogin, format_logins
from cpbmonitor.reporting.models import ApiToken


def test_admin_pages_and_token_creation(client, people, draft):
    client.force_login(people["admin"])
    for model in ("membership", "reportdraft", "apitoken"):
        assert client.get(reverse(f"admin:reporting_{model}_changelist")).status_code == 200
    assert (
        client.get(reverse("admin:reporting_reportdraft_change", args=[draft.pk])).status_code
        == 200
    )
    response = client.post(
        reverse("admin:reporting_apitoken_add"),
        {"user": people["fp-br"].pk, "name": "from admin", "active": "on"},
        follow=True,
    )
    text = response.content.decode()
    assert "The token&#x27;s key (shown only now): cpb_" in text
    key = text.split("(shown only now): ")[1][:47]
    assert ApiToken.objects.authenticate(key).name == "from admin"


def test_format_logins():
    text = format_logins([DemoLogin("fp-br", "pw", "national focal point", "br")])
    assert text.split() == ["fp-br", "pw", "national", "focal", "point", "(br)"]
