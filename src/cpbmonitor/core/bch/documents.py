"""A national report fetched from the BCH, as the input of the report import.

The document endpoint answers the document itself, or the document wrapped with its
metadata (``{"identifier", "submittedOn", "publishedOn", "body"}``). Either way the sync
hands the import the wrapped shape, taking missing dates from the index entry (the
version's date is its last change, ``updatedDate_dt``). The BCH's first publication
(``createdDate_dt``) is what timeliness is judged on; see ``first_published``.
"""

from __future__ import annotations

from typing import Any

from cpbmonitor.core.bch.index import IndexEntry, solr_datetime


def body_of(data: dict[str, Any]) -> dict[str, Any]:
    """The document itself, wrapped or not."""
    body = data.get("body")
    if "header" not in data and isinstance(body, dict):
        return body
    return data


def wrapped(data: dict[str, Any], entry: IndexEntry) -> dict[str, Any]:
    """The fetched ``data`` in the wrapped shape the import reads, dated from ``entry``
    where the answer carries no dates."""
    body = body_of(data)
    meta = data if body is not data else {}
    version = solr_datetime(entry.updated)
    return {
        "identifier": meta.get("identifier") or entry.identifier,
        "submittedOn": meta.get("submittedOn") or version,
        "publishedOn": meta.get("publishedOn") or version,
        "body": body,
    }


def mismatch(data: dict[str, Any], entry: IndexEntry) -> str | None:
    """Why the fetched document is not the one the index lists (``None`` when it is)."""
    header = body_of(data).get("header")
    if not isinstance(header, dict):
        return None  # the import reports the missing header
    identifier, schema = header.get("identifier"), header.get("schema")
    if identifier not in (None, entry.identifier):
        return (
            f"the document's header names identifier {identifier!r}, the index {entry.identifier!r}"
        )
    if schema not in (None, entry.schema):
        return f"the document's header names schema {schema!r}, the index {entry.schema!r}"
    return None
