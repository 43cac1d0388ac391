"""The token page: a signed-in user creates an API token with a name and an expiry
(the key shown once, only its digest stored), sees its last use, and revokes it."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from cpbmonitor.reporting.models import ApiToken

URL = "/reporting/tokens/"


def create(client, name: str = "My script", days: str = "30"):
    return client.post(URL, {"name": name, "days": days})


def test_the_page_needs_a_signed_in_user(client, people):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("reporting:login"))


def test_create_use_and_revoke_a_token(client, people):
    client.force_login(people["fp-br"])
    before = timezone.now()
    page = create(client).content.decode()
    key = re.search(r'<code id="new-token">(cpb_[\w-]+)</code>', page).group(1)
    token = ApiToken.objects.get(user=people["fp-br"])
    assert token.name == "My script" and token.digest == hashlib.sha256(key.encode()).hexdigest()
    assert key not in str(vars(token))  # only the digest is stored
    expected = before + dt.timedelta(days=30)
    assert abs((token.expires_at - expected).total_seconds()) < 60
    assert "shown only once" in page

    again = client.get(URL).content.decode()
    assert key not in again and token.prefix in again and "Never used" in again
    api = client.get("/api/v1/drafts", headers={"Authorization": f"Bearer {key}"})
    assert api.status_code == 200
    assert "Never used" not in client.get(URL).content.decode()

    client.post(URL, {"revoke": token.pk})
    token.refresh_from_db()
    assert not token.active
    assert (
        client.get("/api/v1/drafts", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    )
    assert "Revoked" in client.get(URL).content.decode()


def test_an_expired_token_is_refused(client, people):
    token, key = ApiToken.objects.issue(people["fp-br"], "old", days=1)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(1))
    assert (
        client.get("/api/v1/drafts", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    )


def test_nobody_revokes_another_users_token(client, people):
    token, _ = ApiToken.objects.issue(people["fp-ng"], "theirs", days=30)
    client.force_login(people["fp-br"])
    assert client.post(URL, {"revoke": token.pk}).status_code == 404
    token.refresh_from_db()
    assert token.active
    assert "theirs" not in client.get(URL).content.decode()


@pytest.mark.parametrize(("name", "days"), [("", "30"), ("x", "7"), ("x" * 101, "30")])
def test_a_token_needs_a_name_and_a_listed_expiry(client, people, name, days):
    client.force_login(people["fp-br"])
    response = create(client, name, days)
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_the_page_in_french(client, people):
    client.force_login(people["fp-br"])
    page = client.get("/fr" + URL).content.decode()
    assert "Jetons d’API" in page and "Créer le jeton" in page
