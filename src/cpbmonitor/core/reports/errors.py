"""Errors raised while reading national report documents."""

from __future__ import annotations


class ReportInputError(ValueError):
    """A report document cannot be read; names file, document, question and value."""

    def __init__(
        self,
        message: str,
        *,
        file: str = "<data>",
        government: str | None = None,
        identifier: str | None = None,
        question: str | None = None,
        value: object = None,
    ) -> None:
        self.message = message
        self.file = file
        self.government = government
        self.identifier = identifier
        self.question = question
        self.value = value
        super().__init__(self.describe())

    def describe(self) -> str:
        parts = [self.file]
        if self.government or self.identifier:
            parts.append(f"document {self.government or '?'}/{self.identifier or '?'}")
        if self.question:
            parts.append(f"question {self.question}")
        if self.value is not None:
            parts.append(f"value {self.value!r}")
        return ": ".join([*parts, self.message])
