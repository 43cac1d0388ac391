"""A report's answers compiled once into the compact form the engine reads.

A national report is compiled when it is stored: each answer becomes one string (its
values sorted and joined by ``SEPARATOR``) in the slot of its question in a ``Layout``
(the question keys of the cycle's format, in a fixed order), and the whole is one
``marshal`` blob. Evaluating reads one blob per report instead of one row per answer
value; ``columns.Columns`` then takes a question's answers for all reports with one
slice of the reports' slots laid end to end, and builds one ``frozenset`` per distinct
answer, not one per report.

The compact form is exact: an answer to a question outside the layout, an empty set of
values or a value holding the separator goes to the report's *extras*, kept as is.
So it holds every answer whatever the methodology reads: only a change of layout (the
format's questions) or of ``ENCODING`` makes a stored blob stale; its ``Layout``
fingerprint is stored beside it to tell.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain

ENCODING = 1
"""Version of the blob's shape; part of every layout fingerprint."""
SEPARATOR = "\x1f"
"""Joins the values of one answer (the ASCII unit separator, never in a BCH value)."""

Slot = str | None
Values = tuple[str, ...]


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
    def blank(self) -> tuple[None, ...]:
        return (None,) * len(self.keys)


def encode(answers: Mapping[str, Iterable[str]], layout: Layout) -> bytes:
    """``answers`` (question key -> values) as one blob laid out by ``layout``."""
    slots: list[Slot] = [None] * len(layout.keys)
    extras: dict[str, Values] = {}
    for key, given in answers.items():
        values = tuple(sorted(given))
        slot = layout.index.get(key)
        if slot is None or not values or any(SEPARATOR in v for v in values):
            extras[key] = values
        else:
            slots[slot] = SEPARATOR.join(values)
    return marshal.dumps((ENCODING, tuple(slots), extras))


def decode(blob: bytes | memoryview, layout: Layout) -> CompactAnswers:
    """The answers of one blob (made by ``encode`` with the same ``layout``)."""
    encoding, slots, extras = marshal.loads(blob)
    if encoding != ENCODING or len(slots) != len(layout.keys):
        raise ValueError("compiled answers of another encoding or layout: recompile them")
    return CompactAnswers(layout, slots, extras)


def values_of(slot: str) -> frozenset[str]:
    return frozenset(slot.split(SEPARATOR))


class CompactAnswers(Mapping[str, frozenset[str]]):
    """One report's answers as decoded from its blob, read as question key -> values.

    ``columns.Columns`` reads many of them at once through their slots; reading one
    answer at a time through the mapping works too (and gives the same values)."""

    __slots__ = ("extras", "layout", "slots")

    def __init__(self, layout: Layout, slots: tuple[Slot, ...], extras: Mapping[str, Values]):
        self.layout = layout
        self.slots = slots
        self.extras = extras

    def __getitem__(self, key: str) -> frozenset[str]:
        slot = self.layout.index.get(key)
        if slot is not None and self.slots[slot] is not None:
            return values_of(self.slots[slot])  # type: ignore[arg-type]
        return frozenset(self.extras[key])

    def __iter__(self) -> Iterator[str]:
        keys = self.layout.keys
        return chain((keys[i] for i, s in enumerate(self.slots) if s is not None), self.extras)

    def __len__(self) -> int:
        return len(self.slots) - self.slots.count(None) + len(self.extras)

    def __repr__(self) -> str:
        return f"CompactAnswers({dict(self)!r})"


class CompactRows:
    """Many reports' compact answers (``None``: a Party that did not report), read a
    question at a time for all of them."""

    def __init__(self, layout: Layout, rows: Sequence[CompactAnswers | None]) -> None:
        self.layout = layout
        self.rows = rows
        self.width = len(layout.keys)
        blank = layout.blank
        self._flat: list[Slot] = list(
            chain.from_iterable(blank if row is None else row.slots for row in rows)
        )
        self._extra_keys = {key for row in rows if row is not None for key in row.extras}

    def column(self, key: str) -> list[frozenset[str] | None]:
        """Each row's values for ``key`` (``None`` when not answered), one ``frozenset``
        shared by all rows that gave the same answer."""
        slot = self.layout.index.get(key)
        if slot is None or key in self._extra_keys:
            return [None if row is None else row.get(key) for row in self.rows]
        raw = self._flat[slot :: self.width]
        decoded = {s: None if s is None else values_of(s) for s in dict.fromkeys(raw)}
        return list(map(decoded.__getitem__, raw))

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
