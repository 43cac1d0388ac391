"""The milestones API: anyone lists milestones with their status; only the Secretariat
and administrators add, replace and delete them (bearer token)."""

from __future__ import annotations

import pytest

from cpbmonitor.milestones.models import Milestone
from cpbmonitor.reporting.models import ApiToken
from tests.milestones.conftest import reports  # noqa: F401
from tests.reporting.conftest import people  # noqa: F401

API = "/api/v1/milestones"
BODY = {
    "plan": "draft-2020",
    "indicator": "A.1(a)",
    "group": "global",
    "target_value": 80,
    "target_date": "2030-12-31",
    "decision": "CP-11/3",
}


@pytest.fixture
def tokens(people):  # noqa: F811
    return {name: ApiToken.objects.issue(user, "test")[1] for name, user in people.items()}


def call(client, method, path="", token=None, body=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    kwargs = {} if method == "get" else {"content_type": "application/json", "data": body or {}}
    return getattr(client, method)(API + path, headers=headers, **kwargs)


def stored(**fields) -> Milestone:
    values = {**BODY, "target_date": "2030-12-31", **fields}
    return Milestone.objects.create(**values)


def test_anyone_lists_milestones_with_their_status(client, world) -> None:
    stored()
    stored(indicator="A.3(a)", group="AFR", target_value=90, demonstration=True)
    rows = call(client, "get").json()
    assert [(r["indicator"], r["group"], r["demonstration"]) for r in rows] == [
        ("A.1(a)", "global", False),
        ("A.3(a)", "AFR", True),
    ]
    # No report is loaded in this world: nothing to assess yet.
    assert rows[0]["status"] == "not assessable"
    assert rows[0]["note"] == "indicator results are not yet computed"
    assert call(client, "get", "?plan=draft-2019").json() == []
    assert call(client, "get", "?plan=draft-1999").status_code == 404


def test_the_list_assesses_against_the_stored_reports(client, reports) -> None:  # noqa: F811
    # A.1(a): 40 % on 2019-10-01, 60 % on 2026-02-28 -> 60 + 20 * 1767 / 2342 = 75.09 %.
    stored()
    (row,) = call(client, "get", "?plan=draft-2020").json()
    assert (row["latest_value"], row["baseline_value"], row["needed"]) == (60.0, 40.0, 20.0)
    assert (row["projected_value"], row["status"]) == (75.09, "off track")
    assert (row["latest_date"], row["baseline_date"]) == ("2026-02-28", "2019-10-01")


def test_anonymous_and_national_users_cannot_write(client, tokens) -> None:
    assert call(client, "post", body=BODY).status_code == 401
    refused = call(client, "post", token=tokens["fp-br"], body=BODY)
    assert refused.status_code == 403
    assert refused.json()["detail"] == (
        "only the Secretariat and administrators may change milestones"
    )
    row = stored()
    assert call(client, "put", f"/{row.pk}", tokens["au-br"], BODY).status_code == 403
    assert call(client, "delete", f"/{row.pk}", tokens["fp-ng"]).status_code == 403
    assert call(client, "delete", f"/{row.pk}").status_code == 401
    assert Milestone.objects.count() == 1


def test_the_secretariat_adds_replaces_and_deletes(client, tokens) -> None:
    created = call(client, "post", token=tokens["secretariat"], body=BODY)
    assert created.status_code == 201, created.content
    out = created.json()
    assert (out["indicator"], out["target_value"], out["decision"]) == ("A.1(a)", 80.0, "CP-11/3")
    assert out["status"] == "not assessable" and out["demonstration"] is False
    again = call(client, "post", token=tokens["secretariat"], body=BODY)
    assert again.status_code == 409
    assert again.json()["detail"] == (
        "a milestone of draft-2020 for A.1(a), global, 2030-12-31 exists"
    )
    path = f"/{out['id']}"
    replaced = call(client, "put", path, tokens["admin"], {**BODY, "target_value": 90})
    assert replaced.status_code == 200 and replaced.json()["target_value"] == 90.0
    assert call(client, "delete", path, tokens["secretariat"]).status_code == 204
    assert call(client, "delete", path, tokens["secretariat"]).status_code == 404
    assert Milestone.objects.count() == 0


def test_an_invalid_milestone_is_refused_with_its_problems(client, tokens) -> None:
    bad = {**BODY, "indicator": "A.1(z)", "target_value": 120, "group": "EUR"}
    response = call(client, "post", token=tokens["secretariat"], body=bad)
    assert response.status_code == 422
    assert response.json()["problems"] == [
        {
            "field": "indicator",
            "value": "A.1(z)",
            "message": "no such indicator in plan version draft-2020",
        },
        {
            "field": "group",
            "value": "EUR",
            "message": "is not one of global, AFR, ASP, CEE, GRULAC, WEOG",
        },
    ]
    over = call(client, "post", token=tokens["secretariat"], body={**BODY, "target_value": 120})
    assert over.json()["problems"][0]["message"] == "a percentage cannot exceed 100"
    assert Milestone.objects.count() == 0


def test_a_replacement_may_not_take_another_milestones_key(client, tokens) -> None:
    first, second = stored(), stored(target_date="2028-12-31")
    body = {**BODY, "target_date": "2030-12-31"}
    response = call(client, "put", f"/{second.pk}", tokens["secretariat"], body)
    assert response.status_code == 409
    second.refresh_from_db()
    assert str(second.target_date) == "2028-12-31" and first.pk != second.pk
