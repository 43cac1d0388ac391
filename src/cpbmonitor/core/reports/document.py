"""A national report document as the BCH stores it, parsed into typed answers.

A document is ``{"header": {...}, "government": {"identifier": "br"}, "Q007": ...}``,
bare or wrapped as the BCH API returns it (``{"identifier", "submittedOn",
"publishedOn", "body": {...}}``). Answer shapes: ``{"value": v}`` (optionally with
``additionalInformation``), a list of such objects, a language map ``{"en": "..."}``,
or an integer. Answers nested under a sub-section key are flattened to their own keys.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from cpbmonitor.core.reports.errors import ReportInputError

ANSWER_KEY = re.compile(r"^Q\d")
META_KEYS = frozenset({"header", "government"})


@dataclass(frozen=True)
class Answer:
    key: str
    values: tuple[str, ...] = ()
    """Chosen option values or term identifiers."""
    text: dict[str, str] | None = None
    """Multilingual text (language -> text)."""
    number: int | None = None
    additional: dict[str, dict[str, str]] = field(default_factory=dict)
    """Chosen value -> its additional text (language -> text)."""
    listed: bool = False
    """The BCH stores this answer as a list (multiple choice)."""


@dataclass(frozen=True)
class ReportDocument:
    schema: str
    identifier: str
    government: str
    submitted_on: dt.datetime | None = None
    published_on: dt.datetime | None = None
    answers: dict[str, Answer] = field(default_factory=dict)
    languages: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    """Top-level properties that are neither metadata nor answers, kept for writing back."""

    def answer(self, key: str) -> Answer | None:
        return self.answers.get(key)

    def to_bch(self, wrapped: bool = False) -> dict[str, Any]:
        """The document in the BCH's JSON shape (wrapped with its metadata if asked)."""
        body: dict[str, Any] = {
            "header": {
                "identifier": self.identifier,
                "schema": self.schema,
                "languages": list(self.languages),
            },
            "government": {"identifier": self.government},
        }
        body.update(self.extra)
        body.update({key: answer_to_bch(a) for key, a in self.answers.items()})
        if not wrapped:
            return body
        return {
            "identifier": self.identifier,
            "submittedOn": _format_datetime(self.submitted_on),
            "publishedOn": _format_datetime(self.published_on),
            "body": body,
        }


# ---------------------------------------------------------------- writing back


def _choice_to_bch(answer: Answer, value: str) -> dict[str, Any]:
    item: dict[str, Any] = {"value": value}
    extra = answer.additional.get(value)
    if extra is not None:
        bare = extra.get("")
        item["additionalInformation"] = dict(extra) if bare is None else _scalar(bare)
    return item


def _scalar(text: str) -> int | str:
    return int(text) if re.fullmatch(r"-?\d+", text) else text


def answer_to_bch(answer: Answer) -> Any:
    if answer.number is not None:
        return answer.number
    if answer.text is not None:
        return dict(answer.text)
    items = [_choice_to_bch(answer, v) for v in answer.values]
    return items if answer.listed or len(items) != 1 else items[0]


def _format_datetime(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Context:
    file: str
    government: str | None = None
    identifier: str | None = None

    def error(self, message: str, question: str | None = None, value: object = None) -> Exception:
        return ReportInputError(
            message,
            file=self.file,
            government=self.government,
            identifier=self.identifier,
            question=question,
            value=value,
        )


def parse_datetime(raw: object, ctx: _Context, name: str) -> dt.datetime | None:
    """An ISO date or date-time (``Z`` allowed) as an aware UTC datetime."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, dt.datetime):
        parsed = raw
    elif isinstance(raw, dt.date):
        parsed = dt.datetime(raw.year, raw.month, raw.day)
    elif isinstance(raw, str):
        try:
            parsed = dt.datetime.fromisoformat(raw.strip())
        except ValueError:
            raise ctx.error(f"{name} is not an ISO date", value=raw) from None
    else:
        raise ctx.error(f"{name} is not a date", value=raw)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def _language_map(raw: object, ctx: _Context, key: str) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in raw.items()
    ):
        raise ctx.error("expected a text per language", question=key, value=raw)
    return dict(raw)


def _additional(raw: object, ctx: _Context, key: str) -> dict[str, str]:
    if isinstance(raw, bool) or not isinstance(raw, int | str | dict):
        raise ctx.error("unreadable additionalInformation", question=key, value=raw)
    if isinstance(raw, dict):
        return _language_map(raw, ctx, key)
    return {"": str(raw)}


def _choice_item(raw: object, ctx: _Context, key: str) -> tuple[str, dict[str, str] | None]:
    if isinstance(raw, bool):
        return ("true" if raw else "false"), None
    if not isinstance(raw, dict):
        raise ctx.error("expected {'value': ...}", question=key, value=raw)
    value = raw.get("value", raw.get("identifier"))
    if isinstance(value, bool):
        value = "true" if value else "false"
    if not isinstance(value, str):
        raise ctx.error("choice without a string value", question=key, value=raw)
    extra = raw.get("additionalInformation")
    return value, None if extra is None else _additional(extra, ctx, key)


def _choices(key: str, items: list[Any], ctx: _Context, listed: bool) -> Answer:
    parsed = [_choice_item(item, ctx, key) for item in items]
    additional = {v: extra for v, extra in parsed if extra is not None}
    return Answer(key, tuple(v for v, _ in parsed), additional=additional, listed=listed)


def _is_nested(raw: dict[str, Any]) -> bool:
    return bool(raw) and all(ANSWER_KEY.match(k) for k in raw)


AnswerParser = Callable[[str, Any, _Context], Iterator[Answer]]


def _parse_list(key: str, raw: Any, ctx: _Context) -> Iterator[Answer]:
    yield _choices(key, raw, ctx, listed=True)


def _parse_object(key: str, raw: Any, ctx: _Context) -> Iterator[Answer]:
    value = raw.get("value")
    if len(raw) == 1 and type(value) is str:  # the commonest shape, read directly
        yield Answer(key, (value,))
    elif "value" in raw or "identifier" in raw:
        yield _choices(key, [raw], ctx, listed=False)
    elif _is_nested(raw):  # a sub-section holding its sub-questions' answers
        for sub_key, sub_raw in raw.items():
            yield from parse_answer(sub_key, sub_raw, ctx)
    else:
        yield Answer(key, text=_language_map(raw, ctx, key))


def _parse_scalar(key: str, raw: Any, ctx: _Context) -> Iterator[Answer]:
    if isinstance(raw, bool):
        yield _choices(key, [raw], ctx, listed=False)
    elif isinstance(raw, int):
        yield Answer(key, number=raw)
    else:
        raise ctx.error("unreadable answer", question=key, value=raw)


SHAPES: dict[type, AnswerParser] = {
    list: _parse_list,
    dict: _parse_object,
    bool: _parse_scalar,
    int: _parse_scalar,
}


def parse_answer(key: str, raw: Any, ctx: _Context) -> Iterator[Answer]:
    """The answer(s) stored under ``key``: several when a sub-section nests its own."""
    parser = SHAPES.get(type(raw))
    if parser is None:
        raise ctx.error("unreadable answer", question=key, value=raw)
    yield from parser(key, raw, ctx)


def _unwrap(data: Mapping[str, Any], ctx: _Context) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
    if "body" in data and "header" not in data:
        body = data["body"]
        if not isinstance(body, dict):
            raise ctx.error("'body' is not an object", value=body)
        return body, data
    return data, {}


def _government(raw: object, ctx: _Context) -> str:
    code = raw.get("identifier") if isinstance(raw, dict) else raw
    if not isinstance(code, str) or not code.strip():
        raise ctx.error("missing government identifier", value=raw)
    return code.strip().lower()


def parse_document(data: object, file: str = "<data>") -> ReportDocument:
    """A ``ReportDocument`` from decoded BCH JSON (bare or wrapped)."""
    ctx = _Context(file)
    if not isinstance(data, dict):
        raise ctx.error("a document must be a JSON object")
    body, meta = _unwrap(data, ctx)
    header = body.get("header")
    if not isinstance(header, dict):
        raise ctx.error("missing 'header'")
    identifier = header.get("identifier") or meta.get("identifier")
    government = _government(body.get("government"), ctx)
    ctx = _Context(file, government, identifier if isinstance(identifier, str) else None)
    schema = header.get("schema")
    if not isinstance(schema, str) or not isinstance(identifier, str):
        raise ctx.error("header needs a string 'schema' and 'identifier'")
    answers = {
        a.key: a
        for key, raw in body.items()
        if ANSWER_KEY.match(key)
        for a in parse_answer(key, raw, ctx)
    }
    return ReportDocument(
        schema=schema,
        identifier=identifier,
        government=government,
        submitted_on=parse_datetime(meta.get("submittedOn"), ctx, "submittedOn"),
        published_on=parse_datetime(meta.get("publishedOn"), ctx, "publishedOn"),
        answers=answers,
        languages=tuple(str(x) for x in header.get("languages") or ()),
        extra={k: v for k, v in body.items() if k not in META_KEYS and not ANSWER_KEY.match(k)},
    )
