"""Every record page as every kind of user, against one table; and the policy rows.

Reading is public. Registering and changing records: a national focal point for records
whose governments are all its own, the Secretariat and administrators for every record;
national authorized users and anonymous visitors never. A GET is refused with 403, or a
redirect to sign in; a POST is refused when it changes nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import URLPattern, reverse

from cpbmonitor.core.records import ComplianceIssue, ComplianceReview, ReportFunding
from cpbmonitor.records.models import Record
from cpbmonitor.reporting.models import Role
from cpbmonitor.reporting.policy import ANY, OWN, TABLE, Act
from cpbmonitor.services import records as services
from tests.records.factories import activity, decision, lmo
from tests.reporting.conftest import people  # noqa: F401

ANONYMOUS = "anonymous"
IDENTITIES = (ANONYMOUS, "fp-br", "au-br", "fp-ng", "secretariat", "admin")
EVERYONE = frozenset(IDENTITIES)
SECRETARIAT = frozenset({"secretariat", "admin"})
BRAZIL = SECRETARIAT | {"fp-br"}
ANY_FOCAL_POINT = BRAZIL | {"fp-ng"}

DECISION_FORM = {
    "identifier": "DEC-BR-NEW",
    "government": "br",
    "valid_from": "2021-02-03",
    "title": "A new decision",
    "decision_type": "transit",
    "lmos": "LMO-1",
}

# (case, URL name, record the URL names (or a type), method, form, allowed identities)
CASES = [
    ("index", "records:index", None, "get", None, EVERYONE),
    ("list", "records:list", "decision", "get", None, EVERYONE),
    ("download", "records:download", "decision/csv", "get", None, EVERYONE),
    ("detail", "records:detail", "DEC-BR-1", "get", None, EVERYONE),
    ("find", "records:find", "DEC-BR-1", "get", None, EVERYONE),
    ("create form", "records:create", "decision", "get", None, ANY_FOCAL_POINT),
    ("create br decision", "records:create", "decision", "post", DECISION_FORM, BRAZIL),
    ("create lmo form", "records:create", "lmo", "get", None, SECRETARIAT),
    ("edit br decision form", "records:edit", "DEC-BR-1", "get", None, BRAZIL),
    ("edit br decision", "records:edit", "DEC-BR-1", "post", "changed", BRAZIL),
    ("end br decision form", "records:end", "DEC-BR-1", "get", None, BRAZIL),
    ("end br decision", "records:end", "DEC-BR-1", "post", {"valid_to": "2024-01-01"}, BRAZIL),
    ("edit activity of br", "records:edit", "CBA-BR", "get", None, BRAZIL),
    ("edit activity of br and ng", "records:edit", "CBA-1", "get", None, SECRETARIAT),
    ("edit lmo", "records:edit", "LMO-1", "get", None, SECRETARIAT),
    # a Party never records its own compliance or funding
    ("create review form", "records:create", "compliance-review", "get", None, SECRETARIAT),
    ("create funding form", "records:create", "gef-funding", "get", None, SECRETARIAT),
    ("edit br review", "records:edit", "CCR-BR", "get", None, SECRETARIAT),
    ("end br review", "records:end", "CCR-BR", "post", {"valid_to": "2024-01-01"}, SECRETARIAT),
    ("edit br issue", "records:edit", "CC-BR", "get", None, SECRETARIAT),
    ("edit br funding", "records:edit", "GEF-BR-5", "get", None, SECRETARIAT),
]


@pytest.fixture
def records(world):
    services.store_records(
        [
            lmo("LMO-1"),
            decision("DEC-BR-1"),
            activity("CBA-1"),
            activity("CBA-BR", level="national", governments=["br"], regions=[]),
            ComplianceReview(
                identifier="CCR-BR",
                government="br",
                subject="Review of the fourth report",
                conclusion="non-compliance",
                valid_from=dt.date(2020, 6, 1),
            ),
            ComplianceIssue(
                identifier="CC-BR", government="br", subject="s", valid_from=dt.date(2019, 1, 1)
            ),
            ReportFunding(
                identifier="GEF-BR-5", government="br", cycle=5, valid_from=dt.date(2024, 1, 1)
            ),
        ],
        source="setup",
    )
    return {row.identifier: row for row in Record.objects.all()}


def _url(name: str, target: str | None, records: dict[str, Record]) -> str:
    """``target``: a stored record's identifier, a record type, or nothing."""
    row = records.get(target or "")
    if row is None:
        return reverse(name, args=target.split("/") if target else [])
    key = row.identifier if name == "records:find" else row.pk
    return reverse(name, args=[row.record_type, key])


def _form(body) -> dict[str, str]:
    if body != "changed":
        return body
    return {
        "government": "br",
        "valid_from": "2019-06-01",
        "title": "Changed title",
        "decision_type": "transit",
        "lmos": "LMO-1",
    }


def _changed(case: str) -> bool:
    if case == "create br decision":
        return Record.objects.filter(identifier="DEC-BR-NEW").exists()
    row = Record.objects.get(identifier="CCR-BR" if case == "end br review" else "DEC-BR-1")
    if case == "edit br decision":
        return row.title == "Changed title"
    return row.valid_to == dt.date(2024, 1, 1)


@pytest.mark.parametrize("identity", IDENTITIES)
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_permission(client, people, records, case, identity):  # noqa: F811
    name, url_name, target, method, body, allowed = case
    user = people.get(identity)
    if user is not None:
        client.force_login(user)
    url = _url(url_name, target, records)
    if method == "get":
        response = client.get(url)
        assert response.status_code < 500
        login = reverse("reporting:login")
        refused = response.status_code in (403, 404) or (
            response.status_code == 302 and response["Location"].startswith(login)
        )
    else:
        response = client.post(url, _form(body))
        assert response.status_code < 500
        refused = not _changed(name)
    assert refused == (identity not in allowed), (name, identity, response.status_code)


def test_the_table_covers_every_page():
    from cpbmonitor.records import urls

    pages = {p.name for p in urls.urlpatterns if isinstance(p, URLPattern)}
    assert pages == {url_name.split(":")[1] for _, url_name, *_ in CASES}


def test_policy_rows_of_record_actions():
    for act in (Act.RECORD_CREATE, Act.RECORD_EDIT):
        assert TABLE[act] == {Role.FOCAL_POINT: OWN, Role.SECRETARIAT: ANY, Role.ADMIN: ANY}
