"""Reading JSON input that nobody checked: bounded in size and depth, read as a stream.

``json_items`` yields the documents of a file holding one JSON object or a list of
them, one at a time, so that a large file is never held whole in memory. The file may
start with a UTF-8 byte-order mark. A file over ``max_bytes``, or a value nested deeper
than ``max_depth``, is refused with one ``JsonInputError`` (no ``RecursionError``): the
depth is counted while parsing, before anything deep is built.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import ijson

DEFAULT_MAX_BYTES = 100 * 1024 * 1024
"""The default size limit of an input file (100 MiB); the setting ``CPB_IMPORT_MAX_BYTES``
changes it for imports."""
MAX_DEPTH = 32
"""Deepest nesting of objects and lists accepted; a national report needs 5."""
OPENERS = {"start_map": dict, "start_array": list}
CLOSERS = frozenset({"end_map", "end_array"})


class JsonInputError(ValueError):
    """The input cannot be read; ``str(error)`` names the file and, where known, the item."""

    def __init__(self, file: str, message: str, position: int | None = None) -> None:
        self.file = file
        self.position = position
        self.detail = message
        where = f"{file}: item #{position}" if position else file
        super().__init__(f"{where}: {message}")


def check_size(path: Path, max_bytes: int | None) -> None:
    """Refuse a file larger than ``max_bytes`` (``None``: no limit)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise JsonInputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if max_bytes is not None and size > max_bytes:
        raise JsonInputError(
            str(path),
            f"the file has {size:,} bytes, over the limit of {max_bytes:,} bytes "
            "(setting CPB_IMPORT_MAX_BYTES)",
        )


def _skip_bom(handle: BinaryIO) -> None:
    if handle.read(len(codecs.BOM_UTF8)) != codecs.BOM_UTF8:
        handle.seek(0)


class _Builder:
    """Builds values from parser events, refusing nesting deeper than ``max_depth``.

    With ``stream_top_list``, the elements of a top-level list are handed out one by one
    instead of being collected.
    """

    def __init__(self, file: str, max_depth: int) -> None:
        self.file = file
        self.max_depth = max_depth
        self.stack: list[Any] = []
        self.keys: list[str | None] = []
        self.position = 0

    def feed(self, events: Iterator[tuple[str, Any]], stream_top_list: bool) -> Iterator[Any]:
        top_is_list = False
        for event, value in events:
            if event == "map_key":
                self.keys[-1] = value
                continue
            if event in OPENERS:
                if not self.stack and event == "start_array" and stream_top_list:
                    top_is_list = True
                self._open(OPENERS[event]())
                continue
            if event in CLOSERS:
                value = self.stack.pop()
                self.keys.pop()
            if not self.stack:
                if not top_is_list:
                    yield value
                continue
            if top_is_list and len(self.stack) == 1:
                self.position += 1
                yield value
                continue
            self._attach(value)

    def _open(self, container: Any) -> None:
        if len(self.stack) >= self.max_depth:
            raise JsonInputError(
                self.file,
                f"nested more than {self.max_depth} levels deep; refused",
                self.position + 1 if self.stack else None,
            )
        self.stack.append(container)
        self.keys.append(None)

    def _attach(self, value: Any) -> None:
        parent = self.stack[-1]
        if isinstance(parent, list):
            parent.append(value)
        else:
            parent[self.keys[-1]] = value


def _parse_error(exc: Exception) -> str:
    """The parser's message on one line (yajl adds a picture of the place)."""
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"cannot read JSON: {first.removeprefix('parse error: ').strip()}"


def _events(handle: BinaryIO) -> Iterator[tuple[str, Any]]:
    return ijson.basic_parse(handle, use_float=True)  # type: ignore[no-any-return]


def json_items(
    path: Path, max_bytes: int | None = DEFAULT_MAX_BYTES, max_depth: int = MAX_DEPTH
) -> Iterator[tuple[int, Any]]:
    """``(position, value)`` for each element of a top-level list (positions from 1), or
    ``(1, value)`` for a file holding a single value."""
    check_size(path, max_bytes)
    builder = _Builder(str(path), max_depth)
    try:
        with path.open("rb") as handle:
            _skip_bom(handle)
            values = builder.feed(_events(handle), stream_top_list=True)
            yield from enumerate(values, start=1)
    except OSError as exc:
        raise JsonInputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except ijson.JSONError as exc:
        raise JsonInputError(str(path), _parse_error(exc), builder.position + 1) from None


def load_json(
    path: Path, max_bytes: int | None = DEFAULT_MAX_BYTES, max_depth: int = MAX_DEPTH
) -> Any:
    """The whole JSON value of ``path``, bounded like ``json_items``."""
    check_size(path, max_bytes)
    builder = _Builder(str(path), max_depth)
    try:
        with path.open("rb") as handle:
            _skip_bom(handle)
            values = list(builder.feed(_events(handle), stream_top_list=False))
    except OSError as exc:
        raise JsonInputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except ijson.JSONError as exc:
        raise JsonInputError(str(path), _parse_error(exc)) from None
    if len(values) != 1:
        raise JsonInputError(str(path), "expected one JSON value")
    return values[0]
