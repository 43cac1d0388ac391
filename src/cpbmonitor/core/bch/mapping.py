"""BCH records to the project's record types, as written in ``data/records.yaml``.

The file lists, per BCH schema, the project's record type and where each field comes
from: a path into the BCH document (``name``, ``government.identifier``), a property of
the index entry (``$identifier``, ``$government``, ``$created``, ``$updated``) or a
constant, with a conversion (``text`` picks the English text of a language map, ``code``
the identifier of a term, ``codes`` those of a list of terms, ``date``, ``bool``) and an
optional table of values (BCH term -> project value). It also lists the schemas of the
records that are only counted per government (indicator A.2(b)). The file is validated
on load; ``map_record`` turns one document into the record type's model (which
validates it again, as a file import would).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from cpbmonitor.core.bch.index import IndexEntry
from cpbmonitor.core.records import RECORD_TYPES, RecordModel
from cpbmonitor.core.records.errors import RecordProblem
from cpbmonitor.core.yamlfile import Location, load_model

MAPPING_FILE = Path(__file__).parent / "data" / "records.yaml"
META = ("$identifier", "$government", "$created", "$updated")
Conversion = Literal["raw", "text", "code", "codes", "texts", "date", "bool"]


class FieldRule(BaseModel):
    """Where one field of the record comes from: a ``path``, or a ``value``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str | None = None
    """Dotted path into the BCH document, or one of ``$identifier``, ``$government``,
    ``$created``, ``$updated`` (the index entry)."""
    value: Any = None
    """A constant, when there is no ``path``."""
    convert: Conversion = "raw"
    values: dict[str, Any] | None = None
    """BCH value -> project value; a value not listed is kept as it is."""
    default: Any = None
    """When the path leads nowhere."""

    @model_validator(mode="after")
    def _one_source(self) -> FieldRule:
        if (self.path is None) == (self.value is None):
            raise ValueError("give either 'path' or 'value'")
        if self.path and self.path.startswith("$") and self.path not in META:
            raise ValueError(f"unknown entry property {self.path!r} (known: {', '.join(META)})")
        return self


class RecordMapping(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    bch_schema: str = Field(alias="schema", min_length=1)
    record_type: str
    fields: dict[str, FieldRule]


class CountedSchema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    bch_schema: str = Field(alias="schema", min_length=1)
    kind: str = Field(min_length=1, pattern=r"^[a-z-]+$")
    """The name the counts are kept under (``virtual-library-resource``)."""


class MappingFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    records: list[RecordMapping]
    counted: list[CountedSchema] = Field(default_factory=list)

    def record_schema(self, schema: str) -> RecordMapping | None:
        return next((m for m in self.records if m.bch_schema == schema), None)


def _unique_schemas(mapping: MappingFile) -> list[tuple[Location, str]]:
    problems: list[tuple[Location, str]] = []
    lists: dict[str, list[str]] = {
        "records": [m.bch_schema for m in mapping.records],
        "counted": [c.bch_schema for c in mapping.counted],
    }
    for name, schemas in lists.items():
        for number, schema in enumerate(schemas):
            if schema in schemas[:number]:
                problems.append(((name, number, "schema"), f"schema {schema} given twice"))
    return problems


def _fields_fit_types(mapping: MappingFile) -> list[tuple[Location, str]]:
    """Each mapping names a record type, maps only its fields, and all required ones."""
    problems: list[tuple[Location, str]] = []
    for number, item in enumerate(mapping.records):
        kind = RECORD_TYPES.get(item.record_type)
        where: Location = ("records", number)
        if kind is None:
            known = ", ".join(RECORD_TYPES)
            problems.append(((*where, "record_type"), f"unknown record type (known: {known})"))
            continue
        for name in item.fields:
            if name not in kind.fields:
                problems.append(((*where, "fields", name), f"not a field of {kind.name}"))
        required = [n for n, f in kind.model.model_fields.items() if f.is_required()]
        missing = [n for n in required if n not in item.fields]
        if missing:
            message = f"required fields of {kind.name} not mapped: {', '.join(missing)}"
            problems.append(((*where, "fields"), message))
    return problems


def load_mapping(path: Path = MAPPING_FILE) -> MappingFile:
    return load_model(path, MappingFile, [_unique_schemas, _fields_fit_types])


@cache
def shipped_mapping() -> MappingFile:
    return load_mapping()


# ---------------------------------------------------------------- converting


def _text(raw: Any) -> Any:
    if isinstance(raw, dict):
        return raw.get("en") or next((v for v in raw.values() if isinstance(v, str)), None)
    return raw


def _code(raw: Any) -> Any:
    if isinstance(raw, list):  # a list of terms where one is expected: the first
        raw = raw[0] if raw else None
    if isinstance(raw, dict):
        raw = raw.get("identifier", raw.get("value"))
    return raw.strip() if isinstance(raw, str) else raw


def _codes(raw: Any) -> list[Any]:
    items = raw if isinstance(raw, list) else [] if raw is None else [raw]
    return [_code(item) for item in items]


def _texts(raw: Any) -> list[Any]:
    items = raw if isinstance(raw, list) else [] if raw is None else [raw]
    return [_text(item) for item in items]


def _date(raw: Any) -> Any:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, str) and len(raw) >= 10:
        return raw[:10]
    return raw


def _bool(raw: Any) -> Any:
    value = _code(raw)
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


CONVERSIONS: dict[str, Callable[[Any], Any]] = {
    "raw": lambda raw: raw,
    "text": _text,
    "code": _code,
    "codes": _codes,
    "texts": _texts,
    "date": _date,
    "bool": _bool,
}


def _at(document: Mapping[str, Any], path: str) -> Any:
    node: Any = document
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def _entry_value(entry: IndexEntry, path: str) -> Any:
    return {
        "$identifier": entry.identifier,
        "$government": entry.government,
        "$created": entry.created,
        "$updated": entry.updated,
    }[path]


def field_value(rule: FieldRule, document: Mapping[str, Any], entry: IndexEntry) -> Any:
    if rule.path is None:
        return rule.value
    raw = _entry_value(entry, rule.path) if rule.path in META else _at(document, rule.path)
    value = CONVERSIONS[rule.convert](raw)
    if rule.values is not None:
        value = (
            [_translate(rule, v) for v in value]
            if isinstance(value, list)
            else _translate(rule, value)
        )
    return rule.default if value in (None, "", []) else value


def _translate(rule: FieldRule, value: Any) -> Any:
    assert rule.values is not None
    return rule.values.get(value, value) if isinstance(value, str) else value


def map_record(
    mapping: RecordMapping, document: Mapping[str, Any], entry: IndexEntry, source: str
) -> RecordModel | list[RecordProblem]:
    """The record the BCH ``document`` is, or the problems (naming the field and value)."""
    model = RECORD_TYPES[mapping.record_type].model
    data = {name: field_value(rule, document, entry) for name, rule in mapping.fields.items()}
    data = {name: value for name, value in data.items() if value is not None}
    try:
        return model.model_validate(data)
    except ValidationError as error:
        name = f"{mapping.record_type} {entry.identifier}"
        return [
            RecordProblem(
                source,
                name,
                ".".join(str(p) for p in e["loc"]) or None,
                None if isinstance(e.get("input"), dict) else e.get("input"),
                e["msg"].removeprefix("Value error, "),
            )
            for e in error.errors()
        ]
