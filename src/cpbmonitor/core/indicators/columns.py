"""Many reports' answers as bit columns: the engine tests a rule on every Party at once.

A set of rows (one row per Party) is a Python ``int``: row ``i`` of ``size`` rows is bit
``size - 1 - i``, so ``marks(rows, size)[i]`` is ``"1"`` when row ``i`` is in the set.
"And", "or" and "not" over all rows are then single integer operations and
``int.bit_count`` counts the rows. ``Columns`` reads the answers a set of rules needs in
one pass over the reports (or, for compiled answers, one slice per question: see
``compact``), then finds the rows holding each (question, option value)
with loops that run in C (``map``, ``bytes.translate``): a rule costs a few passes over
the questions it reads, not a Python call per report.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import repeat

import numpy as np

from cpbmonitor.core.indicators.compact import CompactRows, rows_where

Answers = Mapping[str, frozenset[str]]
"""One report: question key -> chosen values (an empty set counts as unanswered)."""
Rows = int
"""A set of rows, as bits (see the module docstring)."""

EMPTY: frozenset[str] = frozenset()
NO_ANSWERS: Mapping[str, frozenset[str]] = {}
_AS_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_NONE_HOLD = b"0" * 256
"""A translation of codes to digits where no code's answer holds."""
COMPARE: dict[str, Callable[[int, int], bool]] = {
    "=": operator.eq,
    "!=": operator.ne,
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}


def rows_of(flags: bytes) -> Rows:
    """The rows whose flag (one byte per row, 0 or 1, row 0 first) is 1."""
    return int(flags.translate(_AS_DIGITS), 2) if flags else 0


def marks(rows: Rows, size: int) -> str:
    """``"0"``/``"1"`` per row, row 0 first."""
    return format(rows, f"0{size}b") if size else ""


def count_rows(columns: Sequence[Rows], op: str, number: int, everyone: Rows) -> Rows:
    """The rows where (how many of ``columns`` hold the row) ``op`` ``number``.

    The count of each row is kept in binary across bit planes (plane ``j`` holds bit
    ``j`` of every row's count), adding one column at a time with carries.
    """
    planes: list[Rows] = []
    for column in columns:
        carry = column
        for j, plane in enumerate(planes):
            planes[j], carry = plane ^ carry, plane & carry
            if not carry:
                break
        if carry:
            planes.append(carry)
    compare = COMPARE[op]
    found = 0
    for total in range(len(columns) + 1):
        if compare(total, number) and total >> len(planes) == 0:
            exactly = everyone
            for j, plane in enumerate(planes):
                exactly &= plane if total >> j & 1 else ~plane
            found |= exactly
    return found


class Columns:
    """The raw answers of ``rows`` (one report each, or ``NO_ANSWERS``) as columns.

    ``read(keys)`` reads the answers to many questions in one pass over the rows (each
    report is visited once); a question not read that way is read on first use. A
    column is then coded once (one byte per row naming its answer among the distinct
    answers), and the rows holding a value are found by testing each distinct answer
    once. Read through a questionnaire's conditions with ``compiler.Sheet``; here an
    answer counts as given whatever the conditions say.
    """

    def __init__(self, rows: Sequence[Answers]) -> None:
        self.rows = rows
        self.size = len(rows)
        self.everyone: Rows = (1 << self.size) - 1
        self._columns: dict[str, Sequence[frozenset[str] | None]] = {}
        self._coded: dict[str, tuple[bytes, tuple[frozenset[str], ...]] | None] = {}
        self._filled: dict[str, Rows] = {}
        self._chosen: dict[tuple[str, str], Rows] = {}
        self._compact = CompactRows.of(rows)
        self._by_code: dict[str, tuple[list[frozenset[str] | None], np.ndarray] | None] = {}
        """The rows as compiled answers (see ``compact``), when they all are."""

    def read(self, keys: Iterable[str]) -> None:
        """Read the answers to ``keys`` (those not read yet) of every row, in one pass."""
        wanted = [key for key in dict.fromkeys(keys) if key not in self._columns]
        if not wanted:
            return
        if self._compact is not None:  # compiled: columns of codes, read when used
            wanted = [key for key in wanted if self._compact.codes(key) is None]
            if not wanted:
                return
        width = len(wanted)
        blank = (None,) * width
        flat: list[frozenset[str] | None] = []  # row by row: no container per row to collect
        extend = flat.extend
        for answers in self.rows:
            extend(map(answers.get, wanted) if answers else blank)
        for offset, key in enumerate(wanted):
            self._columns[key] = flat[offset::width]

    def column(self, key: str) -> Sequence[frozenset[str] | None]:
        """Each row's chosen values for ``key`` (``None`` when not answered)."""
        if key not in self._columns:
            coded = self._compiled(key)
            if coded is not None:
                answers, inverse = coded
                self._columns[key] = list(map(answers.__getitem__, inverse.tolist()))
            else:
                self.read((key,))
        return self._columns[key]

    def value(self, key: str, row: int) -> frozenset[str]:
        """The values one row chose for ``key``."""
        return self.column(key)[row] or EMPTY

    def filled(self, key: str) -> Rows:
        """The rows that answered ``key``."""
        rows = self._filled.get(key)
        if rows is None:
            rows = self._filled[key] = self._holding(key, bool)
        return rows

    def chosen(self, key: str, value: str) -> Rows:
        """The rows that chose ``value`` for ``key``."""
        rows = self._chosen.get((key, value))
        if rows is None:
            rows = self._chosen[(key, value)] = self._holding(key, lambda answer: value in answer)
        return rows

    def _compiled(self, key: str) -> tuple[list[frozenset[str] | None], np.ndarray] | None:
        """A compiled column: its distinct answers, and each row's index among them
        (``None`` when the rows are not compiled answers or some row holds ``key`` in its
        extras)."""
        if self._compact is None:
            return None
        if key not in self._by_code:
            codes = self._compact.codes(key)
            self._by_code[key] = None if codes is None else self._compact.coded(codes)
        return self._by_code[key]

    def _holding(self, key: str, test: Callable[[frozenset[str]], bool]) -> Rows:
        """The rows whose answer to ``key`` passes ``test``: each distinct answer is tested
        once, and the rows are found by translating the column's codes."""
        compiled = self._compiled(key)
        if compiled is not None:  # compiled answers: test each distinct answer once
            distinct, inverse = compiled
            passing = np.fromiter((test(a or EMPTY) for a in distinct), bool, len(distinct))
            return rows_where(passing[inverse])
        if key not in self._coded:
            self._coded[key] = _codes(self.column(key))
        coded = self._coded[key]
        if coded is None:  # too many distinct answers to code: test each row
            return rows_of(bytes(test(answer or EMPTY) for answer in self.column(key)))
        codes, answers = coded
        digits = bytearray(_NONE_HOLD)
        for code, answer in enumerate(answers):
            if test(answer):
                digits[code] = ord("1")
        return int(codes.translate(digits), 2) if codes else 0


def _codes(
    column: Sequence[frozenset[str] | None],
) -> tuple[bytes, tuple[frozenset[str], ...]] | None:
    """One byte per row naming its answer among the column's distinct answers (at most
    256), and those answers (an unanswered row's: empty); ``None`` when there are more.
    An answer not seen before gets the next code: the number of answers seen so far."""
    index: dict[frozenset[str] | None, int] = {}
    try:
        codes = bytes(map(index.setdefault, column, map(len, repeat(index))))
    except ValueError:  # a 257th distinct answer: no byte for it
        return None
    return codes, tuple(answer or EMPTY for answer in index)
