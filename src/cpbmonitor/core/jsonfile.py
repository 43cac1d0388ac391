"""Reading JSON input that nobody checked: bounded in size and depth, read as a stream.

``json_items`` yields the documents of a file holding one JSON object or a list of
them, one at a time (ijson), so that a large file is never held whole in memory. The file
may start with a UTF-8 byte-order mark. A file over ``max_bytes``, or a value nested
deeper than ``max_depth``, is refused with one ``JsonInputError`` (no ``RecursionError``):
a first quick pass counts the depth of the brackets outside strings, before anything is
built.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path
from typing import Any, BinaryIO

import ijson

DEFAULT_MAX_BYTES = 100 * 1024 * 1024
"""The default size limit of an input file (100 MiB); the setting ``CPB_IMPORT_MAX_BYTES``
changes it for imports."""
MAX_DEPTH = 32
"""Deepest nesting of objects and lists accepted; a national report needs 5."""


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


STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
"""A complete JSON string (escapes included)."""
NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
DELTA = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
CHUNK = 1 << 20


def _brackets(handle: BinaryIO) -> Iterator[bytes]:
    """The brackets outside strings, chunk by chunk (a string cut by the end of a chunk
    is carried over to the next)."""
    carry = b""
    while chunk := handle.read(CHUNK):
        text = STRING.sub(b"", carry + chunk)
        cut = text.find(b'"')  # the start of a string that the next chunk ends
        text, carry = (text, b"") if cut < 0 else (text[:cut], text[cut:])
        yield text.translate(None, NOT_BRACKETS)
    yield carry.translate(None, NOT_BRACKETS)


def _too_deep(handle: BinaryIO, max_depth: int) -> int | None:
    """``None`` when no value nests deeper than ``max_depth`` (or the brackets do not
    balance: the parser then names the mistake); else the position (from 1) of the
    top-level list's element that does (counting the containers opened at the second
    level)."""
    depth = top_elements = 0
    for brackets in _brackets(handle):
        if not brackets:
            continue
        levels = list(accumulate(map(DELTA.__getitem__, brackets), initial=depth))
        if max(levels) > max_depth:
            first = next(i for i, level in enumerate(levels) if level > max_depth)
            opened = bytes(levels[: first + 1]).count(b"\x01\x02")
            return max(top_elements + opened, 1)
        if min(levels) < 0:
            return None
        top_elements += bytes(levels).count(b"\x01\x02")
        depth = levels[-1]
    return None


def _parse_error(exc: Exception) -> str:
    """The parser's message on one line (yajl adds a picture of the place)."""
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"cannot read JSON: {first.removeprefix('parse error: ').strip()}"


def _first_byte(handle: BinaryIO) -> bytes:
    """The first byte that is not white space (the handle is left where it was)."""
    here = handle.tell()
    head = handle.read(64).lstrip()
    handle.seek(here)
    return head[:1]


def _open_checked(path: Path, max_bytes: int | None, max_depth: int) -> BinaryIO:
    """The file, opened after the size and depth checks, past any byte-order mark."""
    check_size(path, max_bytes)
    handle = path.open("rb")
    try:
        _skip_bom(handle)
        start = handle.tell()
        position = _too_deep(handle, max_depth)
        if position is not None:
            handle.seek(start)
            if _first_byte(handle) != b"[":
                position = 1
            raise JsonInputError(
                str(path), f"nested more than {max_depth} levels deep; refused", position
            )
        handle.seek(start)
    except BaseException:
        handle.close()
        raise
    return handle


def json_items(
    path: Path, max_bytes: int | None = DEFAULT_MAX_BYTES, max_depth: int = MAX_DEPTH
) -> Iterator[tuple[int, Any]]:
    """``(position, value)`` for each element of a top-level list (positions from 1), or
    ``(1, value)`` for a file holding a single value. A first pass over the file checks
    the depth; the second builds one element at a time (ijson)."""
    position = 0
    try:
        with _open_checked(path, max_bytes, max_depth) as handle:
            prefix = "item" if _first_byte(handle) == b"[" else ""
            for position, value in enumerate(ijson.items(handle, prefix, use_float=True), 1):
                yield position, value
    except OSError as exc:
        raise JsonInputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except ijson.JSONError as exc:
        raise JsonInputError(str(path), _parse_error(exc), position + 1) from None


def load_json(
    path: Path, max_bytes: int | None = DEFAULT_MAX_BYTES, max_depth: int = MAX_DEPTH
) -> Any:
    """The whole JSON value of ``path``, bounded like ``json_items``."""
    try:
        with _open_checked(path, max_bytes, max_depth) as handle:
            values = list(ijson.items(handle, "", use_float=True))
    except OSError as exc:
        raise JsonInputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except ijson.JSONError as exc:
        raise JsonInputError(str(path), _parse_error(exc)) from None
    if len(values) != 1:
        raise JsonInputError(str(path), "expected one JSON value")
    return values[0]
