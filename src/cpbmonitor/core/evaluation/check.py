"""Checks of a built document, separate from writing it: every number printed in the
prose is printed, with the same text and from the same source, in a table; generated
prose holds no digit outside its numbers; every cell's numbers are in its text."""

from __future__ import annotations

import re

from cpbmonitor.core.evaluation.model import Document, Paragraph

DIGIT = re.compile(r"\d")


class DocumentError(ValueError):
    """A built document breaks a rule of the document model (a bug, not bad input)."""


def number_problems(document: Document) -> list[str]:
    printed = {(n.ref, n.text) for table in document.tables() for n in table.numbers()}
    problems = []
    for sentence in document.sentences():
        for n in sentence.numbers:
            if (n.ref, n.text) not in printed:
                problems.append(
                    f"sentence {sentence.template!r}: {n.text} ({n.ref.subject}, {n.ref.group}, "
                    f"{n.ref.field}) is in no table"
                )
    for block in document.blocks():
        if isinstance(block, Paragraph):
            for part in block.parts:
                if isinstance(part, str) and DIGIT.search(part):
                    problems.append(f"fixed prose with a digit: {part!r}")
    for table in document.tables():
        for row in table.rows:
            for cell in row:
                for n in cell.numbers:
                    if n.text not in cell.text:
                        problems.append(f"table {table.key}: {n.text} missing from {cell.text!r}")
    return problems


def check(document: Document) -> Document:
    """``document`` when it passes every check; a ``DocumentError`` listing problems."""
    problems = number_problems(document)
    if problems:
        raise DocumentError("; ".join(problems))
    return document
