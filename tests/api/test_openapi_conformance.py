"""The OpenAPI description is true: Schemathesis generates requests from it for every
operation (a bounded, derandomised run: at most ``EXAMPLES`` generated cases per
operation, without the coverage phase, whose boundary cases of the record bodies number
thousands), each sent anonymously and with a token, and every answer is no server error
and conforms to the description (status code, content type, body)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cpbmonitor.reporting.models import ApiToken
from cpbmonitor.web.wsgi import application
from tests.reporting.conftest import people  # noqa: F401

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
schema.config.phases.coverage.enabled = False
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = 12


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Requests go straight to the WSGI application, whose request signals close the
    database connection after each request (as in production); Django's own test client
    disconnects them, so that the test's transaction stays open (on PostgreSQL a closed
    connection ends it). Do the same here."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def admin_token(people) -> str:  # noqa: F811
    return ApiToken.objects.issue(people["admin"], "schemathesis")[1]


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_as_described(case, admin_token) -> None:
    case.headers = {k: v for k, v in (case.headers or {}).items() if k != "Authorization"}
    case.call_and_validate(checks=CHECKS)
    case.headers["Authorization"] = f"Bearer {admin_token}"
    case.call_and_validate(checks=CHECKS)


def test_public_reads_need_no_token_and_writes_do(client, db) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["components"]["securitySchemes"] == {
        "BearerToken": {
            "type": "http",
            "scheme": "bearer",
            "description": spec["components"]["securitySchemes"]["BearerToken"]["description"],
        }
    }
    for path in ("/api/v1/parties", "/api/v1/records/{type_name}", "/api/v1/milestones"):
        assert spec["paths"][path]["get"]["security"] == [{}, {"BearerToken": []}], path
    for path, method in (("/api/v1/drafts", "post"), ("/api/v1/milestones", "post")):
        operation = spec["paths"][path][method]
        assert operation["security"] == [{"BearerToken": []}]
        assert {"401", "403", "422"} <= set(operation["responses"])
    error = spec["components"]["schemas"]["ErrorOut"]["properties"]
    assert error["detail"]["type"] == "string" and error["problems"]["type"] == "array"


def test_the_docs_say_how_to_get_a_token(client, db) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert "/reporting/tokens/" in spec["info"]["description"]
    assert "Authorization: Bearer <key>" in spec["info"]["description"]
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
