"""The API under attack (issue 16): racing draft creation, encoded scripts, huge paging
parameters, and the role checked before the body."""

from __future__ import annotations

import html
import threading

import pytest
from django.db import connection

from cpbmonitor.reporting import editing
from cpbmonitor.reporting.models import ApiToken, ReportDraft
from cpbmonitor.services import drafts as workflow
from tests.api.test_api import call
from tests.reporting.conftest import cycle5, draft, people  # noqa: F401

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def tokens(people):  # noqa: F811
    return {name: ApiToken.objects.issue(user, "test")[1] for name, user in people.items()}


# -- 1. creating the same draft at once ------------------------------------------------------


def test_a_lost_race_returns_the_draft_the_winner_created(client, tokens, cycle5, monkeypatch):  # noqa: F811
    """The second request checked for an open draft before the first committed, so its
    insert breaks the one-open-draft constraint: it gets the winner's draft, not a 500."""
    first = call(client, "post", "/drafts", tokens["fp-br"], government="br", cycle="5")
    assert first.status_code == 201
    monkeypatch.setattr(workflow, "open_draft", lambda government, cycle: None)
    second = call(client, "post", "/drafts", tokens["au-br"], government="br", cycle="5")
    assert second.status_code == 200, second.content
    assert second.json()["id"] == first.json()["id"]
    assert ReportDraft.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers: the race needs PostgreSQL (CPB_DATABASE_URL)",
)
def test_six_threads_creating_one_draft(world):
    from django.test import Client

    from tests.reporting.conftest import ROLES, make_user

    user = make_user("fp-br", *ROLES["fp-br"])
    key = ApiToken.objects.issue(user, "race")[1]
    statuses: list[int] = []
    barrier = threading.Barrier(6)

    def create() -> None:
        try:
            barrier.wait()
            for _ in range(5):
                statuses.append(
                    call(
                        Client(raise_request_exception=False),
                        "post",
                        "/drafts",
                        key,
                        government="br",
                        cycle="5",
                    ).status_code
                )
        finally:
            connection.close()

    threads = [threading.Thread(target=create) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(statuses) == 30 and set(statuses) <= {200, 201}
    assert statuses.count(201) == 1
    assert ReportDraft.objects.count() == 1


# -- 4. encoded scripts ----------------------------------------------------------------------


def escaped(text: str, times: int) -> str:
    for _ in range(times):
        text = html.escape(text)
    return text


@pytest.mark.parametrize("times", [1, 2, 5, 6])
def test_escaped_scripts_are_never_decoded_into_markup(times):
    payload = escaped(SCRIPT, times)
    cleaned = editing.clean_text(payload + " ok")
    assert "<" not in cleaned and cleaned == payload + " ok"  # kept as written, not decoded


def test_stripping_tags_cannot_assemble_a_new_one():
    assert editing.clean_text("<<b>script>alert(1)<</b>/script>") == ""
    assert editing.clean_text("a < b & c &amp; d") == "a < b & c &amp; d"
    assert editing.clean_text("Laws<script>x</script> <b>and</b> decrees") == "Laws and decrees"


def test_a_five_times_escaped_script_never_comes_back_live(client, tokens, draft):  # noqa: F811
    payload = escaped(SCRIPT, 5)
    saved = call(
        client,
        "patch",
        f"/drafts/{draft.pk}/answers",
        tokens["fp-br"],
        version=draft.version,
        answers={"Q008_a": {"en": payload}},
    )
    assert saved.status_code == 200, saved.content
    assert saved.json()["answers"]["Q008_a"] == {"en": payload}
    got = call(client, "get", f"/drafts/{draft.pk}", tokens["fp-br"])
    assert "<script" not in got.content.decode() and "\\u003cscript" not in got.content.decode()
    client.force_login(draft.created_by)
    page = client.get(f"/reporting/drafts/{draft.pk}/step/1/").content.decode()
    assert "<script>alert" not in page


# -- 7. paging parameters --------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "offset=9223372036854775808",
        "offset=1000001",
        "limit=9223372036854775808",
        "offset=-1",
    ],
)
def test_huge_paging_parameters_are_refused_with_422(client, world, query):
    response = client.get(f"/api/v1/records/cb-resource?{query}")
    assert response.status_code == 422, response.content
    body = response.json()
    name = query.split("=")[0]
    assert isinstance(body["detail"], str) and name in body["detail"]
    assert body["problems"][0]["field"] == f"query.{name}"


@pytest.mark.parametrize(
    "path", ["/drafts/9223372036854775808", "/reports/9223372036854775808", "/drafts/0"]
)
def test_huge_identifiers_are_refused_not_500(client, tokens, path):
    response = call(client, "get", path, tokens["admin"])
    assert response.status_code in (404, 422), response.content


# -- 9. the role before the body -------------------------------------------------------------


def test_another_governments_focal_point_gets_403_whatever_the_body(client, tokens, draft):  # noqa: F811
    url = f"/drafts/{draft.pk}/answers"
    assert call(client, "patch", url, tokens["fp-ng"], answers="not an object").status_code == 403
    for action in ("submit", "publish", "return", "reopen"):
        response = client.post(
            f"/api/v1/drafts/{draft.pk}/{action}",
            data="{not json",
            content_type="application/json",
            headers={"Authorization": f"Bearer {tokens['fp-ng']}"},
        )
        assert response.status_code == 403, (action, response.content)


def test_no_role_to_create_gets_403_whatever_the_body(client, tokens, cycle5):  # noqa: F811
    assert call(client, "post", "/drafts", tokens["secretariat"], cycle=[]).status_code == 403
    assert call(client, "post", "/milestones", tokens["fp-br"], plan=1).status_code == 403
    assert call(client, "put", "/milestones/1", tokens["fp-br"], plan=1).status_code == 403
    records = call(client, "post", "/records/decision", tokens["au-br"])
    assert records.status_code == 403
