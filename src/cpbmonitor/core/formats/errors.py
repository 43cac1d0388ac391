"""Errors raised while reading questionnaire definitions."""

from __future__ import annotations


class FormatError(ValueError):
    """A questionnaire definition is malformed; names file, item and field."""

    def __init__(self, source: str, item: str, field: str, message: str) -> None:
        self.source = source
        self.item = item
        self.field = field
        self.message = message
        super().__init__(f"{source}: {item}: {field}: {message}")
