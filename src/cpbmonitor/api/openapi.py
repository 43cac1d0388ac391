"""The OpenAPI description made true to what the API answers (``make test`` checks it
with Schemathesis):

- one security scheme, ``BearerToken``; public reads accept a token but need none
  (``security: [{}, {BearerToken: []}]``), writes need one;
- every operation that reads a token documents 401, every write 403, every operation
  with parameters or a body 404 and 422 and every operation with a body 400, each
  with the one error body (``ErrorOut``: ``detail`` text, then ``problems``).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from ninja import NinjaAPI, Schema

SCHEME = "BearerToken"
BEARER = {
    "type": "http",
    "scheme": "bearer",
    "description": "An API token (`Authorization: Bearer <key>`), created on the token "
    "page of national reporting (`/reporting/tokens/`).",
}
OPTIONAL_AUTH = {"OptionalToken"}
ERROR_BODY = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
REFUSALS = {
    "401": "No token, or a token that is not valid (or has expired or been revoked).",
    "403": "The token's user holds no role allowed to do this (checked before the body).",
    "400": "The body is not JSON.",
    "404": "Nothing at this address, or no plan version, cycle or government as named.",
    "422": "Parameters or body not valid: `detail` says why, `problems` lists each one.",
}


def _refusal(code: str) -> dict[str, Any]:
    return {"description": REFUSALS[code], "content": ERROR_BODY}


def _describe_operation(operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    names = {name for item in operation.get("security", []) for name in item}
    if names:
        optional = names <= OPTIONAL_AUTH
        operation["security"] = [{}, {SCHEME: []}] if optional else [{SCHEME: []}]
        responses.setdefault("401", _refusal("401"))
        if not optional:
            responses.setdefault("403", _refusal("403"))
    if operation.get("parameters") or operation.get("requestBody"):
        responses.setdefault("404", _refusal("404"))
        responses.setdefault("422", _refusal("422"))
    if operation.get("requestBody"):
        responses.setdefault("400", _refusal("400"))


def describe(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` (django-ninja's description) with the security and refusals above."""
    for methods in schema.get("paths", {}).values():
        for operation in methods.values():
            if isinstance(operation, dict):
                _describe_operation(operation)
    components = schema.setdefault("components", {})
    components["securitySchemes"] = {SCHEME: BEARER}
    return schema


class IndexOut(Schema):
    docs: str
    openapi: str
    tokens: str
    endpoints: list[str]


def index(api: NinjaAPI) -> dict[str, Any]:
    """The answer of ``/api/v1/``: links to the docs, the description, the token page
    and every endpoint (from the description itself, so it cannot fall behind)."""
    root = reverse("api-v1:index")
    paths = api.get_openapi_schema(path_prefix=root.rstrip("/"))["paths"]
    return {
        "docs": reverse("api-v1:openapi-view"),
        "openapi": reverse("api-v1:openapi-json"),
        "tokens": reverse("reporting:tokens"),
        "endpoints": sorted(path for path in paths if path != root),
    }
