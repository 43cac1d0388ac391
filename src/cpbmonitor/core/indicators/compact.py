"""A report's answers compiled once into the compact form the engine reads.

A national report is compiled when it is stored. Each answer is written as one text (its
values sorted and joined by ``SEPARATOR``) and identified by a 63-bit code (a hash of
that text; 0 is "not answered"). A report compiles to three blobs (``Compiled``): its
*codes*, one per question of a ``Layout`` (the question keys of the cycle's format, in
a fixed order) after a one-code header; the *texts* of those codes; and its *extras*,
the answers that have no slot (a question outside the layout, an empty set of values, a
value holding the separator), kept as they are.

Evaluating reads only the codes, laid end to end as one matrix (one row per report, one
column per question, no Python object per answer); a question's column is tested on
its distinct codes only (``columns.Columns``), and the rows holding a value come out
as a bit set in one NumPy pass. Texts are fetched and decoded once per process and
code (``VOCABULARY``); extras only when a question they hold is read.

The compact form is exact, and holds every answer whatever the methodology reads: only
a change of layout (the format's questions) or of ``ENCODING`` makes it stale; the
``Layout`` fingerprint stored beside it tells.
"""

from __future__ import annotations

import hashlib
import marshal
import struct
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

ENCODING = 2
"""Version of the blob's shape; part of every layout fingerprint."""
SEPARATOR = "\x1f"
"""Joins the values of one answer (the ASCII unit separator, never in a BCH value)."""
HEADER = struct.Struct("<BB6x")
"""Encoding and flags, padded to the size of one code (the codes stay aligned); the
number of slots is the layout's."""
SPECIAL = 1
"""Flag: a question of the layout is answered in the extras (read them for it)."""
CODE = np.dtype("<u8")

Values = tuple[str, ...]
VOCABULARY: dict[int, frozenset[str]] = {}
"""Code -> values, for every code decoded in this process (codes are hashes of the
texts, so an entry never changes)."""


@dataclass(frozen=True)
class Layout:
    """The questions whose answers have a slot, in order, and the fingerprint of it all."""

    keys: tuple[str, ...]
    index: Mapping[str, int] = field(init=False, repr=False, compare=False)
    fingerprint: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {key: i for i, key in enumerate(self.keys)})
        digest = hashlib.sha256(repr((ENCODING, self.keys)).encode("utf-8")).hexdigest()
        object.__setattr__(self, "fingerprint", f"v{ENCODING}-{digest[:24]}")

    @property
    def width(self) -> int:
        return len(self.keys)


def code_of(text: str) -> int:
    """The code of an answer's text: 63 bits of its BLAKE2 hash, never 0."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return (int.from_bytes(digest, "little") >> 1) or 1


@dataclass(frozen=True)
class Compiled:
    """One report compiled: its codes (with a header), the texts of those codes and its
    extras, three blobs stored side by side; evaluations read only ``codes``."""

    codes: bytes
    texts: bytes
    extras: bytes


def encode(answers: Mapping[str, Iterable[str]], layout: Layout) -> Compiled:
    """``answers`` (question key -> values) compiled with ``layout``."""
    codes = np.zeros(layout.width, dtype=CODE)
    texts: dict[int, str] = {}
    extras: dict[str, Values] = {}
    flags = 0
    for key, given in answers.items():
        values = tuple(sorted(given))
        slot = layout.index.get(key)
        if slot is None or not values or any(SEPARATOR in v for v in values):
            extras[key] = values
            flags |= SPECIAL if slot is not None else 0
            continue
        text = SEPARATOR.join(values)
        code = code_of(text)
        if texts.setdefault(code, text) != text:  # a hash collision: keep it exact
            extras[key] = values
            flags |= SPECIAL
            continue
        codes[slot] = code
    head = HEADER.pack(ENCODING, flags)
    return Compiled(head + codes.tobytes(), marshal.dumps(texts), marshal.dumps(extras))


Fetch = Callable[[Sequence[Any]], Mapping[Any, tuple[bytes, bytes]]]
"""Report keys -> their texts and extras blobs (from wherever the codes came from)."""


class CompactAnswers(Mapping[str, frozenset[str]]):
    """One report's compiled answers, read as question key -> values.

    ``columns.Columns`` reads many of them at once through ``CompactRows``; reading one
    answer at a time through the mapping works too (and gives the same values). The
    texts and extras are fetched (``fetch``, with ``key``) only when needed."""

    __slots__ = ("_extras", "codes_blob", "fetch", "key", "layout")

    def __init__(
        self,
        codes: bytes | memoryview,
        layout: Layout,
        fetch: Fetch | Compiled,
        key: Any = None,
    ) -> None:
        self.codes_blob = codes
        self.layout = layout
        self.fetch = fetch
        self.key = key
        self._extras: dict[str, Values] | None = None

    @property
    def flags(self) -> int:
        return int(self.codes_blob[1])

    @property
    def codes(self) -> np.ndarray:
        return np.frombuffer(self.codes_blob, dtype=CODE, offset=HEADER.size)

    def _load(self, texts: bytes | memoryview, extras: bytes | memoryview) -> None:
        for code, text in marshal.loads(texts).items():
            if code not in VOCABULARY:
                VOCABULARY[code] = frozenset(text.split(SEPARATOR))
        self._extras = marshal.loads(extras)

    def learn(self) -> None:
        """Add this report's texts to ``VOCABULARY`` (and keep its extras)."""
        learn([self])

    @property
    def extras(self) -> dict[str, Values]:
        if self._extras is None:
            self.learn()
        return self._extras  # type: ignore[return-value]

    def values_of(self, code: int) -> frozenset[str]:
        if code not in VOCABULARY:
            self.learn()
        return VOCABULARY[code]

    def __getitem__(self, key: str) -> frozenset[str]:
        slot = self.layout.index.get(key)
        if slot is not None:
            code = int(self.codes[slot])
            if code:
                return self.values_of(code)
        return frozenset(self.extras[key])

    def __iter__(self) -> Iterator[str]:
        keys = self.layout.keys
        yield from (keys[i] for i in np.flatnonzero(self.codes).tolist())
        yield from self.extras

    def __len__(self) -> int:
        return int(np.count_nonzero(self.codes)) + len(self.extras)

    def __bool__(self) -> bool:
        return bool(self.codes.any()) or bool(self.extras)

    def __repr__(self) -> str:
        return f"CompactAnswers({dict(self)!r})"


def learn(rows: Iterable[CompactAnswers]) -> None:
    """Read the texts and extras of ``rows``: one fetch per source, not one per row."""
    by_source: dict[int, list[CompactAnswers]] = {}
    for row in rows:
        if isinstance(row.fetch, Compiled):
            row._load(row.fetch.texts, row.fetch.extras)
        else:
            by_source.setdefault(id(row.fetch), []).append(row)
    for group in by_source.values():
        found = group[0].fetch([row.key for row in group])  # type: ignore[operator]
        for row in group:
            row._load(*found[row.key])


def decode(compiled: Compiled, layout: Layout) -> CompactAnswers:
    """The answers of one compiled report (made by ``encode`` with ``layout``)."""
    encoding, _ = HEADER.unpack_from(compiled.codes)
    if encoding != ENCODING or len(compiled.codes) != HEADER.size + 8 * layout.width:
        raise ValueError("compiled answers of another encoding or layout: recompile them")
    return CompactAnswers(compiled.codes, layout, compiled)


class CompactRows:
    """Many reports' compact answers (``None``: a Party that did not report) as one
    matrix of codes, read a question at a time for all of them."""

    def __init__(self, layout: Layout, rows: Sequence[CompactAnswers | None]) -> None:
        self.layout = layout
        self.rows = rows
        blank = bytes(HEADER.size + 8 * layout.width)
        joined = b"".join(blank if row is None else row.codes_blob for row in rows)
        table = np.frombuffer(joined, dtype=CODE).reshape(len(rows), 1 + layout.width)
        self.matrix = table[:, 1:]  # the header is one code wide
        self._special = [i for i, row in enumerate(rows) if row is not None and row.flags & SPECIAL]

    def codes(self, key: str) -> np.ndarray | None:
        """The column of codes of ``key``; ``None`` when some row answers it in its
        extras (read those rows as mappings)."""
        slot = self.layout.index.get(key)
        if slot is None:
            return None
        for i in self._special:
            if key in self.rows[i].extras:  # type: ignore[union-attr]
                return None
        return self.matrix[:, slot]

    def coded(self, column: np.ndarray) -> tuple[list[frozenset[str] | None], np.ndarray]:
        """The distinct answers of ``column`` (``None``: not answered) and, for each row,
        the index of its answer among them; unknown texts are learnt from the first row
        holding each code."""
        distinct, inverse = np.unique(column, return_inverse=True)
        codes = distinct.tolist()
        unknown = [code for code in codes if code and code not in VOCABULARY]
        if unknown:
            first = {int(np.argmax(column == code)) for code in unknown}
            learn(self.rows[i] for i in sorted(first))  # type: ignore[misc]
        return [VOCABULARY[code] if code else None for code in codes], inverse

    @classmethod
    def of(cls, rows: Sequence[Mapping[str, frozenset[str]]]) -> CompactRows | None:
        """``rows`` read as compact rows when every one is compact answers of one layout
        or empty (``None`` otherwise: read them as mappings)."""
        layout: Layout | None = None
        found: list[CompactAnswers | None] = []
        for row in rows:
            if isinstance(row, CompactAnswers):
                if layout is None:
                    layout = row.layout
                elif row.layout is not layout and row.layout != layout:
                    return None
                found.append(row)
            elif not row:
                found.append(None)
            else:
                return None
        return None if layout is None else cls(layout, found)


def rows_where(mask: Any) -> int:
    """The rows (bits, row 0 the most significant: see ``columns``) where ``mask`` holds."""
    size = int(mask.size)
    if not size:
        return 0
    packed = np.packbits(mask)
    return int.from_bytes(packed.tobytes(), "big") >> (8 * packed.size - size)
