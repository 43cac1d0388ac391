"""Checks of a built document, separate from writing it: every number printed in the
prose is printed, with the same text and from the same source, in a table; generated
prose holds no digit outside its numbers; every cell's numbers are in its text; every key
message cites a figure and a table of the document."""

from __future__ import annotations

import re

from cpbmonitor.core.evaluation.model import Document, Messages, Paragraph

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
    tables = {t.key: {(n.ref, n.text) for n in t.numbers()} for t in document.tables()}
    for block in document.blocks():
        if isinstance(block, Messages):
            for message in block.items:
                name = message.sentence.template
                if message.table not in tables:
                    problems.append(f"key message {name!r} cites no table {message.table!r}")
                elif not message.sentence.numbers:
                    problems.append(f"key message {name!r} cites no figure")
                else:
                    problems += [
                        f"key message {name!r}: {n.text} is not in table {message.table!r}"
                        for n in message.sentence.numbers
                        if (n.ref, n.text) not in tables[message.table]
                    ]
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
