"""The neutral document model of an evaluation report, shared by every renderer.

A ``Document`` is a title page and sections; a section holds blocks: paragraphs of
``Sentence``s, quotations of the plan, lists, tables of typed ``Cell``s, figures (PNG
bytes) and notices. Every number printed in a sentence or a table cell is a ``Number``
that keeps the value it was formatted from and a ``Ref`` saying where it came from
(an indicator, a group and a field of the evaluation, or a row of another table), so a
check can prove that each number in the prose is also in a table of the document
(``check.number_problems``) and tests can compare every one with the data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

NumberValue = int | float | dt.date


@dataclass(frozen=True, order=True)
class Ref:
    """Where a number comes from: ``("A.1(a)", "AFR", "value")`` for an indicator's
    value in a region; ``("reports-5", "global", "submitted")`` for a count of the
    reporting table; ``("goals", "A.1", "declined")`` for a goal summary."""

    subject: str
    group: str
    field: str


@dataclass(frozen=True)
class Number:
    value: NumberValue
    text: str
    """The number as printed, identical wherever it is printed."""
    ref: Ref


@dataclass(frozen=True)
class Sentence:
    """A sentence built from a named template; ``numbers`` are the numbers filled in."""

    template: str
    text: str
    numbers: tuple[Number, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    """Generated prose: sentences, and fixed words without numbers."""

    parts: tuple[Sentence | str, ...]

    @property
    def text(self) -> str:
        return " ".join(p.text if isinstance(p, Sentence) else p for p in self.parts)

    def sentences(self) -> Iterator[Sentence]:
        for part in self.parts:
            if isinstance(part, Sentence):
                yield part


@dataclass(frozen=True)
class Quote:
    """Text of the plan (or of another source), quoted as it is, with where it is from
    (a footnote in paged renderers)."""

    text: str
    source: str
    language: str | None = None
    """The language of ``text`` when it is not the document's (a Party's own words)."""


@dataclass(frozen=True)
class Message:
    """A key message: a sentence citing figures, and the table they are in."""

    sentence: Sentence
    table: str
    """The key of the table holding the sentence's figures (a cross-reference)."""


@dataclass(frozen=True)
class Messages:
    """The key messages of the executive summary."""

    items: tuple[Message, ...]


@dataclass(frozen=True)
class Item:
    label: str
    text: str


@dataclass(frozen=True)
class ItemList:
    """Labelled items: objectives, outcomes, indicators..."""

    items: tuple[Item, ...]
    title: str | None = None


CellKind = Literal["text", "code", "number", "percent", "points", "fraction", "status", "date"]


@dataclass(frozen=True)
class Cell:
    text: str
    kind: CellKind = "text"
    numbers: tuple[Number, ...] = ()

    @property
    def value(self) -> NumberValue | str | None:
        """The typed value for spreadsheets: the number when the cell holds exactly one,
        ``None`` for an empty cell, the text otherwise."""
        if len(self.numbers) == 1 and self.kind in ("number", "percent", "points", "date"):
            return self.numbers[0].value
        return self.text or None


@dataclass(frozen=True)
class Table:
    key: str
    """Stable name of the table (``goal-A.1``, ``reports-5``, ``methodology``)."""
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    span_first_column: bool = False
    """Consecutive equal cells of the first column are shown merged (one indicator's
    rows for the world and each region)."""
    source: str | None = None
    """Where the figures come from (a footnote to the caption in paged renderers)."""

    def numbers(self) -> Iterator[Number]:
        for row in self.rows:
            for cell in row:
                yield from cell.numbers


@dataclass(frozen=True)
class Figure:
    key: str
    caption: str
    png: bytes
    alt: str
    """A text description for readers who cannot see the picture."""


NoticeKind = Literal["demonstration", "not-available", "info", "draft"]


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    text: str


Block = Paragraph | Quote | ItemList | Table | Figure | Notice | Messages
SectionKind = Literal["title", "body", "annex"]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()
    kind: SectionKind = "body"
    sheet: str | None = None
    """Spreadsheet renderers give this section's tables a sheet of this name; the
    tables of sections without one go to the summary sheet."""
    new_page: bool = False
    """Paged renderers start this section on a new page."""

    def walk(self, depth: int = 1) -> Iterator[tuple[int, Section]]:
        """This section and every subsection, with its depth (1 = top level)."""
        yield depth, self
        for child in self.subsections:
            yield from child.walk(depth + 1)


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    demonstration: str | None = None
    """The demonstration-data label, when the figures come from generated data."""
    meta: dict[str, str] = field(default_factory=dict)
    """Plan version, cycles and generation date, for file properties."""
    language: str = "en"

    def walk(self) -> Iterator[tuple[int, Section]]:
        for section in self.sections:
            yield from section.walk()

    def blocks(self) -> Iterator[Block]:
        for _depth, section in self.walk():
            yield from section.blocks

    def tables(self) -> list[Table]:
        return [b for b in self.blocks() if isinstance(b, Table)]

    def figures(self) -> list[Figure]:
        return [b for b in self.blocks() if isinstance(b, Figure)]

    def sentences(self) -> list[Sentence]:
        """Every generated sentence: of paragraphs and of key messages."""
        found: list[Sentence] = []
        for block in self.blocks():
            if isinstance(block, Paragraph):
                found += block.sentences()
            elif isinstance(block, Messages):
                found += [m.sentence for m in block.items]
        return found

    def table_numbers(self) -> dict[str, int]:
        """Table key -> its number in the document (tables are numbered in order)."""
        return {t.key: i for i, t in enumerate(self.tables(), start=1)}

    def section(self, key: str) -> Section:
        for _depth, section in self.walk():
            if section.key == key:
                return section
        raise KeyError(key)
