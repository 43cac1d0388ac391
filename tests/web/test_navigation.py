"""The public portal leads to sign-in, national reporting and the API; ``/api/v1/``
answers with links to the docs, the schema and the endpoints."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("home", "links"),
    [
        (
            "/",
            [
                ('href="/reporting/"', "National reporting"),
                ('href="/api/v1/"', "API"),
                ('href="/reporting/login/?next=/"', "Sign in"),
            ],
        ),
        (
            "/fr/",
            [
                ('href="/fr/reporting/"', "Rapports nationaux en ligne"),
                ('href="/api/v1/"', "API"),
                ('href="/fr/reporting/login/?next=/fr/"', "Se connecter"),
            ],
        ),
    ],
)
def test_navigation_links_to_reporting_sign_in_and_the_api(client: Client, home, links) -> None:
    page = client.get(home).content.decode()
    nav = page[page.index('class="main-nav"') : page.index("</nav>", page.index("main-nav"))]
    for href, text in links:
        assert f"<a {href}>{text}</a>" in nav or f"<a {href} " in nav, (href, nav)
        assert text in nav


def test_signed_in_users_see_their_tokens_and_no_sign_in_link(client: Client, people) -> None:
    client.force_login(people["fp-br"])
    page = client.get("/").content.decode()
    assert 'href="/reporting/tokens/"' in page and "Sign in" not in page


def test_api_root_answers_with_links(client: Client) -> None:
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["docs"] == "/api/v1/docs" and body["openapi"] == "/api/v1/openapi.json"
    assert body["tokens"] == "/reporting/tokens/"
    assert {"/api/v1/parties", "/api/v1/drafts", "/api/v1/records/types"} <= set(body["endpoints"])
    assert "/api/v1/" not in body["endpoints"]
