"""The evaluation document with the Secretariat's text merged in, each part marked.

Written text goes at the start of the section of the same key (``goal-A.1``...), as a
block labelled "Written by the Secretariat"; the generated blocks after it are preceded
by the label "Generated from the data". Written sections the generated document has no
section for (key messages, conclusions, recommendations) are added as sections of their
own, key messages first, conclusions and recommendations last. The run the document was
produced from is cited on its first section.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from cpbmonitor.core.evaluation.model import Block, Document, Notice, Quote, Section

WRITTEN_LABEL = "Written by the Secretariat"
GENERATED_LABEL = "Generated from the data"
LEADING = ("key-messages",)
"""Written sections placed before the generated ones (the rest go after them)."""


@dataclass(frozen=True)
class WrittenSection:
    key: str
    title: str
    paragraphs: tuple[str, ...]
    """Plain text, one item per paragraph (the sanitised HTML flattened)."""
    author: str | None = None


def _written_blocks(text: WrittenSection) -> tuple[Block, ...]:
    source = WRITTEN_LABEL + (f" ({text.author})" if text.author else "")
    return tuple(Quote(paragraph, source) for paragraph in text.paragraphs)


def _merge(section: Section, written: Mapping[str, WrittenSection], used: set[str]) -> Section:
    children = tuple(_merge(child, written, used) for child in section.subsections)
    text = written.get(section.key)
    if text is None:
        return dataclasses.replace(section, subsections=children)
    used.add(section.key)
    blocks = (*_written_blocks(text), Notice("info", GENERATED_LABEL), *section.blocks)
    return dataclasses.replace(section, blocks=blocks, subsections=children)


def merge_written(
    document: Document, written: Mapping[str, WrittenSection], citation: str | None = None
) -> Document:
    """``document`` with ``written`` merged in (see the module) and ``citation`` noted."""
    used: set[str] = set()
    sections = [_merge(section, written, used) for section in document.sections]
    extra = [text for key, text in written.items() if key not in used]
    leading = [_own(t) for t in extra if t.key in LEADING]
    trailing = [_own(t) for t in extra if t.key not in LEADING]
    head = sections[:1]
    if citation and head:
        first = head[0]
        head = [dataclasses.replace(first, blocks=(Notice("info", citation), *first.blocks))]
    merged = (*head, *leading, *sections[1:], *trailing)
    meta = {**document.meta, **({"run": citation} if citation else {})}
    return dataclasses.replace(document, sections=tuple(merged), meta=meta)


def _own(text: WrittenSection) -> Section:
    return Section(f"written-{text.key}", text.title, _written_blocks(text))
