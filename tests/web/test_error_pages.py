"""403, 404 and 500 answer with styled pages in the site's layout, in English and French,
never with Django's debug pages."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

LAYOUT = ('class="site-header"', 'class="main-nav"', "portal/portal.css", 'class="site-footer"')


def assert_in_layout(page: str, language: str) -> None:
    assert f'<html lang="{language}">' in page
    for piece in LAYOUT:
        assert piece in page
    assert "Traceback" not in page and "URLconf" not in page


@pytest.mark.parametrize(
    ("url", "language", "title"),
    [("/no-such-page/", "en", "Page not found"), ("/fr/no-such-page/", "fr", "Page introuvable")],
)
def test_not_found_page(client: Client, url: str, language: str, title: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    page = response.content.decode()
    assert_in_layout(page, language)
    assert f"<h1>{title}</h1>" in page


@pytest.mark.parametrize(
    ("prefix", "language", "title"), [("", "en", "Access denied"), ("/fr", "fr", "Accès refusé")]
)
def test_forbidden_page(client: Client, people, draft, prefix, language, title) -> None:
    from tests.reporting.conftest import PASSWORD

    client.login(username="fp-ng", password=PASSWORD)
    response = client.get(f"{prefix}/reporting/drafts/{draft.pk}/")
    assert response.status_code == 403
    page = response.content.decode()
    assert_in_layout(page, language)
    assert f"<h1>{title}</h1>" in page


@pytest.mark.parametrize(
    ("url", "language", "title"),
    [("/crash/", "en", "Server error"), ("/fr/crash/", "fr", "Erreur du serveur")],
)
def test_server_error_page(settings, url: str, language: str, title: str) -> None:
    settings.ROOT_URLCONF = "tests.web.crashing_urls"
    client = Client(raise_request_exception=False)
    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 500
    assert_in_layout(page, language)
    assert f"<h1>{title}</h1>" in page
    assert "deliberate failure" not in page
