"""The records API: public reads with filters and pages, token writes under the roles of
the record pages, all or nothing, problems in one list.

Stored records (the tiny world: br GRULAC, ng AFR):

    LMO-1       lmo, from 2019-01-01
    DEC-BR-1    decision br, 2019-06-01, LMO-1
    DEC-NG-1    decision ng, 2020-05-01, demonstration
    DEC-BR-2    decision br, 2021-01-01 to 2023-01-01 (ended)
    CBA-1       capacity-building activity covering br and ng

-> decisions newest first: DEC-BR-2, DEC-NG-1, DEC-BR-1; br: DEC-BR-2, DEC-BR-1;
   AFR: DEC-NG-1; on 2023-06-01: DEC-NG-1, DEC-BR-1 (DEC-BR-2 ended); on 2019-12-31:
   DEC-BR-1.
"""

from __future__ import annotations

import datetime as dt

import pytest

from cpbmonitor.records.models import Record
from cpbmonitor.reporting.models import ApiToken
from cpbmonitor.services import records as services
from tests.records.factories import activity, decision, lmo
from tests.reporting.conftest import people  # noqa: F401

API = "/api/v1/records"
DEC_BR_1 = {
    "identifier": "DEC-BR-1",
    "government": "br",
    "title": "Decision DEC-BR-1",
    "decision_type": "transit",
    "lmos": ["LMO-1"],
    "risk_assessment": None,
    "valid_from": "2019-06-01",
    "valid_to": None,
    "demonstration": False,
}


def new_decision(identifier: str, government: str = "br", **fields) -> dict:
    values = {
        "identifier": identifier,
        "government": government,
        "title": f"Decision {identifier}",
        "decision_type": "transit",
        "lmos": ["LMO-1"],
        "valid_from": "2022-03-04",
    }
    return values | fields


@pytest.fixture
def stored(world):
    services.store_records(
        [
            lmo("LMO-1"),
            decision("DEC-BR-1"),
            decision("DEC-NG-1", "ng", valid_from=dt.date(2020, 5, 1), demonstration=True),
            decision(
                "DEC-BR-2", valid_from=dt.date(2021, 1, 1), valid_to=dt.date(2023, 1, 1), lmos=[]
            ),
            activity("CBA-1"),
        ],
        source="setup",
    )


@pytest.fixture
def tokens(people, stored):  # noqa: F811
    return {name: ApiToken.objects.issue(user, "test")[1] for name, user in people.items()}


def call(client, method, path, token=None, body=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    kwargs = {"content_type": "application/json", "data": body} if method != "get" else {}
    return getattr(client, method)(API + path, headers=headers, **kwargs)


def identifiers(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["identifier"] for item in response.json()["items"]]


def stored_decisions() -> list[str]:
    return sorted(Record.objects.of_type("decision").values_list("identifier", flat=True))


# -- reading ---------------------------------------------------------------------------------


def test_types_with_counts_and_fields(client, stored):
    types = {t["name"]: t for t in client.get(f"{API}/types").json()}
    assert (types["decision"]["count"], types["decision"]["demonstration"]) == (3, 1)
    assert (types["lmo"]["count"], types["cb-activity"]["count"], types["contact"]["count"]) == (
        1,
        1,
        0,
    )
    assert types["decision"]["by_government"] and not types["lmo"]["by_government"]
    fields = types["decision"]["fields"]
    assert [f["name"] for f in fields] == list(DEC_BR_1)
    assert {f["name"]: (f["kind"], f["required"]) for f in fields}["lmos"] == ("list", False)
    assert {f["name"]: f["required"] for f in fields}["decision_type"] is True


def test_list_filters_and_pages(client, stored):
    everything = client.get(f"{API}/decision").json()
    assert [i["identifier"] for i in everything["items"]] == ["DEC-BR-2", "DEC-NG-1", "DEC-BR-1"]
    assert (everything["count"], everything["limit"], everything["offset"]) == (3, 50, 0)
    assert everything["demonstration"] is True
    assert everything["items"][2] == DEC_BR_1
    assert everything["items"][1]["demonstration"] is True
    brazil = client.get(f"{API}/decision?government=BRA")
    assert identifiers(brazil) == ["DEC-BR-2", "DEC-BR-1"]
    assert brazil.json()["demonstration"] is False
    assert identifiers(client.get(f"{API}/decision?region=AFR")) == ["DEC-NG-1"]
    assert identifiers(client.get(f"{API}/decision?on=2023-06-01")) == ["DEC-NG-1", "DEC-BR-1"]
    assert identifiers(client.get(f"{API}/decision?on=2019-12-31")) == ["DEC-BR-1"]
    assert identifiers(client.get(f"{API}/decision?search=nigeria")) == ["DEC-NG-1"]
    page = client.get(f"{API}/decision?limit=2&offset=1").json()
    assert [i["identifier"] for i in page["items"]] == ["DEC-NG-1", "DEC-BR-1"]
    assert page["count"] == 3
    assert identifiers(client.get(f"{API}/cb-activity?government=ng")) == ["CBA-1"]


def test_list_refusals(client, stored):
    assert client.get(f"{API}/decision?limit=501").status_code == 422
    assert client.get(f"{API}/decision?limit=500").status_code == 200
    assert client.get(f"{API}/decision?limit=0").status_code == 422
    assert client.get(f"{API}/decision?region=EUROPE").status_code == 422
    assert client.get(f"{API}/decision?on=2023-02-30").status_code == 422
    unknown = client.get(f"{API}/decision?government=zz")
    assert unknown.json() == {"detail": "unknown government code 'zz'"}
    missing = client.get(f"{API}/permit")
    assert missing.status_code == 404 and "no record type 'permit'" in missing.json()["detail"]


def test_one_record(client, stored):
    assert client.get(f"{API}/decision/DEC-BR-1").json() == DEC_BR_1
    assert client.get(f"{API}/lmo/LMO-1").json() == {
        "identifier": "LMO-1",
        "name": "Maize LMO-1",
        "organism": "maize",
        "traits": ["insect resistance"],
        "developer": "",
        "adverse_effects": False,
        "valid_from": "2019-01-01",
        "valid_to": None,
        "demonstration": False,
    }
    assert client.get(f"{API}/decision/DEC-XX-9").status_code == 404
    assert client.get(f"{API}/lmo/DEC-BR-1").status_code == 404


# -- registering -----------------------------------------------------------------------------


def test_a_focal_point_registers_a_list_of_its_records(client, tokens, people):  # noqa: F811
    body = [new_decision("DEC-BR-3"), new_decision("DEC-BR-4", lmos="LMO-1", valid_to="2024-1-1")]
    response = call(client, "post", "/decision", tokens["fp-br"], body)
    assert response.status_code == 422  # valid_to is not written YYYY-MM-DD
    body[1]["valid_to"] = "2024-01-01"
    response = call(client, "post", "/decision", tokens["fp-br"], body)
    assert response.status_code == 201, response.content
    assert response.json()["created"] == 2
    assert response.json()["items"][1] == new_decision(
        "DEC-BR-4", risk_assessment=None, valid_to="2024-01-01", demonstration=False
    )
    row = Record.objects.get(identifier="DEC-BR-4")
    assert (row.source, row.updated_by, row.valid_to) == (
        "api",
        people["fp-br"],
        dt.date(2024, 1, 1),
    )
    one = call(client, "post", "/decision", tokens["secretariat"], new_decision("DEC-NG-2", "ng"))
    assert one.status_code == 201 and one.json()["created"] == 1


def test_problems_are_listed_and_nothing_is_written(client, tokens):
    body = [
        new_decision("DEC-BR-3"),
        new_decision("DEC-BR-4", decision_type="sale", colour="red"),
        new_decision("DEC-BR-3"),
    ]
    response = call(client, "post", "/decision", tokens["fp-br"], body)
    assert response.status_code == 422
    assert response.json()["detail"] == "invalid records"
    problems = response.json()["problems"]
    assert problems[0] == {
        "record": "record 2 (DEC-BR-4)",
        "field": "decision_type",
        "value": "sale",
        "message": "must be one of 'intentional-introduction', 'direct-use-food-feed-processing',"
        " 'contained-use', 'transit', 'domestic-use' or 'other'",
    }
    assert problems[1] == {
        "record": "record 2 (DEC-BR-4)",
        "field": "colour",
        "value": None,
        "message": "unknown field of a decision record",
    }
    assert problems[2]["record"] == "record 3 (DEC-BR-3)"
    assert problems[2]["message"] == "the same identifier as record 1 (DEC-BR-3)"
    assert len(problems) == 3
    assert stored_decisions() == ["DEC-BR-1", "DEC-BR-2", "DEC-NG-1"]


def test_links_and_governments_are_checked_all_or_nothing(client, tokens):
    body = [
        new_decision("DEC-BR-3"),
        new_decision("DEC-BR-5", lmos=["LMO-1", "LMO-9"], risk_assessment="RA-1"),
        new_decision("DEC-FR-1", "fr"),
    ]
    response = call(client, "post", "/decision", tokens["secretariat"], body)
    assert response.status_code == 422
    found = {
        (p["record"], p["field"], p["value"], p["message"]) for p in response.json()["problems"]
    }
    assert found == {
        ("decision DEC-FR-1", "government", "fr", "unknown government (not a loaded Party)"),
        ("decision DEC-BR-5", "risk_assessment", "RA-1", "names no risk-assessment record"),
        ("decision DEC-BR-5", "lmos", "LMO-9", "names no lmo record"),
    }
    assert stored_decisions() == ["DEC-BR-1", "DEC-BR-2", "DEC-NG-1"]


def test_stored_identifiers_and_empty_bodies_are_refused(client, tokens):
    body = [new_decision("DEC-BR-3"), new_decision("DEC-BR-1")]
    response = call(client, "post", "/decision", tokens["fp-br"], body)
    assert response.status_code == 422
    assert response.json()["problems"] == [
        {
            "record": "decision DEC-BR-1",
            "field": "identifier",
            "value": "DEC-BR-1",
            "message": "already stored: change it with PUT, or choose a new identifier",
        }
    ]
    assert Record.objects.filter(identifier="DEC-BR-3").count() == 0
    not_records = "must be a record (an object of fields) or a non-empty list of records"
    for body, record, message in (
        ([], "", not_records),
        ('"DEC-BR-3"', "", not_records),  # a JSON string
        ([5], "record 1", "must be an object of fields"),
    ):
        response = call(client, "post", "/decision", tokens["fp-br"], body)
        assert response.status_code == 422, (body, response.content)
        problem = response.json()["problems"][0]
        assert (problem["record"], problem["message"]) == (record, message)


def test_who_may_register(client, tokens):
    brazil = new_decision("DEC-BR-3")
    assert call(client, "post", "/decision", None, brazil).status_code == 401
    assert call(client, "post", "/decision", tokens["au-br"], brazil).status_code == 403
    assert call(client, "post", "/decision", tokens["fp-ng"], brazil).status_code == 403
    mixed = [brazil, new_decision("DEC-NG-3", "ng")]
    refused = call(client, "post", "/decision", tokens["fp-br"], mixed)
    assert (refused.status_code, refused.json()["detail"]) == (
        403,
        "not allowed to write decision DEC-NG-3: it concerns governments other than your own",
    )
    an_lmo = {
        "identifier": "LMO-2",
        "name": "Soy",
        "organism": "soybean",
        "valid_from": "2020-01-01",
    }
    assert call(client, "post", "/lmo", tokens["fp-br"], an_lmo).status_code == 403
    assert call(client, "post", "/lmo", tokens["admin"], an_lmo).status_code == 201
    assert stored_decisions() == ["DEC-BR-1", "DEC-BR-2", "DEC-NG-1"]


def test_a_focal_point_never_records_its_own_compliance_or_funding(client, tokens):
    review = {
        "identifier": "CCR-BR",
        "government": "br",
        "subject": "Review of the fourth report",
        "conclusion": "in-compliance",
        "valid_from": "2020-06-01",
    }
    refused = call(client, "post", "/compliance-review", tokens["fp-br"], review)
    assert (refused.status_code, refused.json()["detail"]) == (
        403,
        "not allowed to register compliance reviews",
    )
    funding = {"identifier": "GEF-BR-5", "government": "br", "cycle": 5, "valid_from": "2024-1-1"}
    assert call(client, "post", "/gef-funding", tokens["fp-br"], funding).status_code == 403
    assert call(client, "post", "/compliance-review", tokens["admin"], review).status_code == 201


# -- changing and ending ---------------------------------------------------------------------


def test_replace_a_record(client, tokens, people):  # noqa: F811
    changed = new_decision("DEC-BR-1", title="Maize for feed", decision_type="domestic-use")
    response = call(client, "put", "/decision/DEC-BR-1", tokens["fp-br"], changed)
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Maize for feed"
    row = Record.objects.get(identifier="DEC-BR-1")
    assert (row.title, row.data["decision_type"], row.valid_from) == (
        "Maize for feed",
        "domestic-use",
        dt.date(2022, 3, 4),
    )
    assert row.updated_by == people["fp-br"]
    without_identifier = {k: v for k, v in changed.items() if k != "identifier"}
    response = call(client, "put", "/decision/DEC-BR-1", tokens["secretariat"], without_identifier)
    assert response.status_code == 200


def test_replace_refusals(client, tokens):
    other = new_decision("DEC-BR-9")
    response = call(client, "put", "/decision/DEC-BR-1", tokens["fp-br"], other)
    assert response.status_code == 422
    assert response.json()["problems"][0]["field"] == "identifier"
    bad = new_decision("DEC-BR-1", lmos=["LMO-9"])
    response = call(client, "put", "/decision/DEC-BR-1", tokens["fp-br"], bad)
    assert response.json()["problems"] == [
        {
            "record": "decision DEC-BR-1",
            "field": "lmos",
            "value": "LMO-9",
            "message": "names no lmo record",
        }
    ]
    to_nigeria = new_decision("DEC-BR-1", "ng")
    assert call(client, "put", "/decision/DEC-BR-1", tokens["fp-br"], to_nigeria).status_code == 403
    same = new_decision("DEC-BR-1")
    assert call(client, "put", "/decision/DEC-BR-1", tokens["fp-ng"], same).status_code == 403
    assert call(client, "put", "/decision/DEC-BR-1", tokens["au-br"], same).status_code == 403
    assert call(client, "put", "/decision/DEC-BR-1", None, same).status_code == 401
    assert call(client, "put", "/decision/DEC-BR-7", tokens["admin"], same).status_code == 404
    assert Record.objects.get(identifier="DEC-BR-1").title == "Decision DEC-BR-1"


def test_end_a_record(client, tokens):
    response = call(
        client, "post", "/decision/DEC-BR-1/end", tokens["fp-br"], {"valid_to": "2024-01-01"}
    )
    assert response.status_code == 200, response.content
    assert response.json()["valid_to"] == "2024-01-01"
    assert Record.objects.get(identifier="DEC-BR-1").valid_to == dt.date(2024, 1, 1)
    early = call(
        client, "post", "/decision/DEC-BR-1/end", tokens["fp-br"], {"valid_to": "2019-01-01"}
    )
    assert early.status_code == 422
    problem = early.json()["problems"][0]
    assert (problem["field"], problem["value"]) == ("valid_to", "2019-01-01")
    assert "before valid_from" in problem["message"]
    activity_end = {"valid_to": "2020-03-03"}
    assert (
        call(client, "post", "/cb-activity/CBA-1/end", tokens["fp-br"], activity_end).status_code
        == 403
    )
    assert (
        call(
            client, "post", "/cb-activity/CBA-1/end", tokens["secretariat"], activity_end
        ).status_code
        == 200
    )
    assert (
        call(client, "post", "/decision/DEC-NG-1/end", tokens["fp-br"], activity_end).status_code
        == 403
    )


def test_records_are_never_deleted(client, tokens):
    response = call(client, "delete", "/decision/DEC-BR-1", tokens["admin"])
    assert response.status_code == 405
    assert Record.objects.filter(identifier="DEC-BR-1").exists()


def test_openapi_describes_the_records_endpoints(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    paths = spec["paths"]
    assert set(paths["/api/v1/records/{type_name}"]) == {"get", "post"}
    assert set(paths["/api/v1/records/{type_name}/{identifier}"]) == {"get", "put"}
    assert set(paths["/api/v1/records/{type_name}/{identifier}/end"]) == {"post"}
    listing = paths["/api/v1/records/{type_name}"]["get"]
    assert {p["name"] for p in listing["parameters"]} == {
        "type_name",
        "government",
        "region",
        "on",
        "search",
        "limit",
        "offset",
    }
    assert listing["description"].startswith("The stored records of one type")
    post = paths["/api/v1/records/{type_name}"]["post"]
    assert set(post["responses"]) == {"201", "400", "401", "403", "404", "422"}
    body = post["requestBody"]["content"]["application/json"]["schema"]["oneOf"]
    titles = [schema["title"] for schema in body[0]["oneOf"]]
    assert "decision record" in titles and "cb-activity record" in titles
    assert "ProblemOut" in spec["components"]["schemas"]
    items = spec["components"]["schemas"]["RecordPageOut"]["properties"]["items"]
    assert len(items["items"]["oneOf"]) == len(titles)
