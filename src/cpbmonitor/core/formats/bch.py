"""Import the BCH report analyzer's questionnaire JSON (a list of sections).

The structure is described in the project's data-format docs: sections
``{key, title, questions}``; questions ``{key, number, section, title, type, multiple,
mandatory, options, validations, questions}``. Malformed input raises ``FormatError``
naming the file, the section or question key and the field.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from cpbmonitor.core.formats.errors import FormatError
from cpbmonitor.core.formats.model import (
    QUESTION_TYPES,
    TRIGGERS,
    VALUE_KINDS,
    Condition,
    FormatSection,
    Option,
    Question,
    Questionnaire,
    QuestionType,
    Trigger,
)
from cpbmonitor.core.jsonfile import JsonInputError, load_json


class _Where:
    """Where in the input we are, for error messages."""

    def __init__(self, source: str, item: str) -> None:
        self.source = source
        self.item = item

    def error(self, field: str, message: str) -> FormatError:
        return FormatError(self.source, self.item, field, message)

    def at(self, item: str) -> _Where:
        return _Where(self.source, item)


def load_bch_format(path: str | Path, schema: str) -> Questionnaire:
    """Read a BCH questionnaire JSON file into a ``Questionnaire``."""
    return parse_bch_format(read_bch_json(path), schema, source=str(path))


def read_bch_json(path: str | Path) -> object:
    """The decoded JSON of a format file (a byte-order mark allowed; too large or too deeply
    nested input refused with a ``FormatError``)."""
    path = Path(path)
    try:
        return load_json(path)
    except JsonInputError as exc:
        raise FormatError(str(path), "(file)", "-", exc.detail) from None


def parse_bch_format(data: object, schema: str, source: str = "<data>") -> Questionnaire:
    """Turn already-decoded BCH questionnaire JSON into a ``Questionnaire``."""
    where = _Where(source, "(file)")
    if not isinstance(data, list):
        raise where.error("-", "expected a list of sections")
    sections = tuple(_section(raw, where.at(f"section #{i + 1}")) for i, raw in enumerate(data))
    _check_unique(sections, where)
    return Questionnaire(schema, sections)


def _check_unique(sections: Sequence[FormatSection], where: _Where) -> None:
    seen: set[str] = set()
    for question in (q for s in sections for top in s.questions for q in top.walk()):
        if question.key in seen:
            raise where.at(f"question {question.key}").error("key", "duplicate key")
        seen.add(question.key)


def _mapping(raw: object, where: _Where) -> Mapping[str, Any]:
    if not isinstance(raw, dict):
        raise where.error("-", f"expected an object, got {type(raw).__name__}")
    return cast(Mapping[str, Any], raw)


def _text(raw: Mapping[str, Any], name: str, where: _Where, default: str | None = None) -> str:
    value = raw.get(name, default)
    if not isinstance(value, str):
        raise where.error(name, "missing or not a string")
    return value


def _flag(raw: Mapping[str, Any], name: str, where: _Where) -> bool:
    value = raw.get(name, False)
    if not isinstance(value, bool):
        raise where.error(name, f"expected true or false, got {value!r}")
    return value


def _list(raw: Mapping[str, Any], name: str, where: _Where) -> list[Any]:
    value = raw.get(name) or []
    if not isinstance(value, list):
        raise where.error(name, "expected a list")
    return value


def _section(raw: object, where: _Where) -> FormatSection:
    data = _mapping(raw, where)
    key = _text(data, "key", where)
    where = where.at(f"section {key}")
    questions = tuple(
        _question(q, where.at(f"section {key} question #{i + 1}"), None, key)
        for i, q in enumerate(_list(data, "questions", where))
    )
    return FormatSection(key=key, title=_text(data, "title", where, ""), questions=questions)


def _question(raw: object, where: _Where, parent: str | None, section: str) -> Question:
    """A question of the section keyed ``section``. The BCH's own ``section`` property is
    not read: in six places of the fourth and fifth formats it names another section."""
    data = _mapping(raw, where)
    key = _text(data, "key", where)
    where = where.at(f"question {key}")
    kind = _text(data, "type", where)
    if kind not in QUESTION_TYPES:
        raise where.error("type", f"unknown question type {kind!r}")
    subs = tuple(
        _question(q, where.at(f"question {key} sub-question #{i + 1}"), key, section)
        for i, q in enumerate(_list(data, "questions", where))
    )
    return Question(
        key=key,
        number=_text(data, "number", where, ""),
        section=section,
        title=_text(data, "title", where, ""),
        type=cast(QuestionType, kind),
        multiple=_flag(data, "multiple", where),
        mandatory=_flag(data, "mandatory", where),
        options=tuple(_option(o, where) for o in _list(data, "options", where)),
        questions=subs,
        validations=tuple(_condition(v, key, where) for v in _list(data, "validations", where)),
        parent=parent,
    )


def _option(raw: object, where: _Where) -> Option:
    data = _mapping(raw, where)
    value = _text(data, "value", where)
    extra = data.get("type")
    if extra not in (None, "lstring", "int"):
        raise where.error(f"options[{value}].type", f"unknown option type {extra!r}")
    return Option(
        value=value,
        title=_text(data, "title", where, ""),
        exclusive=_flag(data, "exclusive", where),
        takes_text=extra == "lstring",
        takes_number=extra == "int",
    )


def _condition(raw: object, controller: str, where: _Where) -> Condition:
    data = _mapping(raw, where)
    dependent = _text(data, "question", where)
    field = f"validations[{dependent}]"
    kind = _text(data, "type", where)
    if kind not in VALUE_KINDS and not kind.startswith("&"):
        raise where.error(f"{field}.type", f"unknown rule type {kind!r}")
    trigger = _text(data, "trigger", where, "enable")
    if trigger not in TRIGGERS:
        raise where.error(f"{field}.trigger", f"unknown trigger {trigger!r}")
    values = data.get("values")
    if values is not None and not (
        isinstance(values, list) and all(isinstance(v, str) for v in values)
    ):
        raise where.error(f"{field}.values", "expected a list of strings")
    base = data.get("baseQuestion")
    if base is not None and not isinstance(base, str):
        raise where.error(f"{field}.baseQuestion", "expected a string")
    return Condition(
        controller=controller,
        dependent=dependent,
        kind=kind,
        values=None if values is None else tuple(values),
        trigger=cast(Trigger, trigger),
        base_question=base,
    )
