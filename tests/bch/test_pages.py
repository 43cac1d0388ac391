"""The BCH sync's pages: the Secretariat (and administrators) only, every page and role;
what they show, escaped."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cpbmonitor.bch.models import QuarantinedDocument
from cpbmonitor.core.bch.settings import BchSettings
from cpbmonitor.services.bch import sync
from tests.bch.conftest import publish
from tests.bch.fake import FakeBch

IDENTITIES = ("anonymous", "fp-br", "au-br", "fp-ng", "secretariat", "admin")
ALLOWED = {"secretariat", "admin"}


@pytest.fixture
def quarantined(fake: FakeBch, bch_settings: BchSettings) -> QuarantinedDocument:
    publish(fake, "sl", "2026-02-01T09:00:00Z", answers={"Q007": {"value": "<script>x</script>"}})
    sync(bch_settings, ["cpbNationalReport5"])
    return QuarantinedDocument.objects.get()


@pytest.mark.parametrize("identity", IDENTITIES)
@pytest.mark.parametrize("page", ["runs", "quarantine", "document"])
def test_only_the_secretariat_sees_the_pages(
    client,
    people,
    quarantined,
    page: str,
    identity: str,
) -> None:
    if identity != "anonymous":
        client.force_login(people[identity])
    args = [quarantined.pk] if page == "document" else []
    response = client.get(reverse(f"bch:{page}", args=args))
    if identity in ALLOWED:
        assert response.status_code == 200
    elif identity == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("reporting:login"))
    else:
        assert response.status_code == 403


def test_pages_show_runs_and_refused_documents_escaped(
    client,
    people,
    quarantined,
) -> None:
    client.force_login(people["secretariat"])
    runs = client.get(reverse("bch:runs")).content.decode()
    assert "cpbNationalReport5" in runs
    assert "1 document refused, in quarantine" in runs
    listed = client.get(reverse("bch:quarantine")).content.decode()
    assert "NR5-SL" in listed and "<script>x" not in listed and "&lt;script&gt;x" in listed
    shown = client.get(reverse("bch:document", args=[quarantined.pk])).content.decode()
    assert "&quot;Q007&quot;" in shown and "<script>x" not in shown
    french = client.get("/fr" + reverse("bch:runs")).content.decode()
    assert "quarantaine" in french
