"""Problems found in record files, and the one error that carries all of them.

A reader collects every problem of a file before giving up, so that a user can fix them
all at once; ``str(RecordInputError)`` is one line per problem, each naming the file,
the record, the field and the value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


def show_value(value: object) -> str:
    """A value as quoted in messages: strings and dates quoted, lists as lists."""
    if isinstance(value, dt.date):
        return repr(value.isoformat())
    return repr(value)


@dataclass(frozen=True)
class RecordProblem:
    """One thing wrong with one record (or with a file's header, ``record="header"``)."""

    file: str
    record: str
    """``row 3 (dec-br-001)`` in a table, ``record 3`` in JSON, ``decision dec-br-001``
    in a cross-record check; empty for a problem of the whole file."""
    field: str | None
    value: object
    """The offending value; ``None`` when there is none to show (a missing field)."""
    message: str

    def describe(self) -> str:
        parts = [self.file]
        if self.record:
            parts.append(self.record)
        if self.field:
            parts.append(f"field {self.field}")
        if self.value is not None:
            parts.append(f"value {show_value(self.value)}")
        return ": ".join([*parts, self.message])


class RecordInputError(ValueError):
    """Records cannot be read or stored; ``problems`` lists every reason, one per line."""

    def __init__(self, problems: Iterable[RecordProblem]) -> None:
        self.problems: list[RecordProblem] = list(problems)
        if not self.problems:
            raise ValueError("a RecordInputError needs at least one problem")
        super().__init__("\n".join(problem.describe() for problem in self.problems))

    @classmethod
    def single(
        cls,
        file: str,
        message: str,
        *,
        record: str = "",
        field: str | None = None,
        value: object = None,
    ) -> RecordInputError:
        return cls([RecordProblem(file, record, field, value, message)])
