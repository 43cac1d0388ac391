"""The one registry of outputs: (subject, format) -> bytes.

A subject registers **a table** with ``@tabular(subject)`` (a function from the subject's
object to a :class:`Table`), and is then written by the table writer in every table
format (CSV, XLSX, JSON). A subject may also register **a writer of its own** for one
format with ``@output(subject, fmt)`` (the evaluation workbook, the plan as nested JSON or
Markdown, the records' re-importable XLSX and JSON, the evaluation document); it wins
over the table for that format. The CLI, the pages' downloads and the API all call
:func:`render` (or :func:`table_of` then ``write``), so one subject has one set of
columns wherever it is downloaded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cpbmonitor.core.outputs.table import Table
from cpbmonitor.core.outputs.writers import TABLE_FORMATS, write

Writer = Callable[..., bytes]
Tabulator = Callable[..., Table]

_WRITERS: dict[tuple[str, str], Writer] = {}
_TABLES: dict[str, Tabulator] = {}


def output(subject: str, fmt: str) -> Callable[[Writer], Writer]:
    def register(function: Writer) -> Writer:
        _WRITERS[(subject, fmt)] = function
        return function

    return register


def tabular(subject: str) -> Callable[[Tabulator], Tabulator]:
    def register(function: Tabulator) -> Tabulator:
        _TABLES[subject] = function
        return function

    return register


def subjects() -> list[str]:
    _load_builtin_outputs()
    return sorted({s for s, _ in _WRITERS} | set(_TABLES))


def formats_for(subject: str) -> list[str]:
    _load_builtin_outputs()
    own = {fmt for s, fmt in _WRITERS if s == subject}
    tables = set(TABLE_FORMATS) if subject in _TABLES else set()
    return sorted(own | tables)


def table_of(subject: str, item: Any, **options: Any) -> Table:
    """The table of ``item`` for ``subject`` (``KeyError`` for a subject without one)."""
    _load_builtin_outputs()
    if subject not in _TABLES:
        raise KeyError(f"no table for {subject} (known: {', '.join(sorted(_TABLES))})")
    return _TABLES[subject](item, **options)


def render(subject: str, fmt: str, item: Any, **options: Any) -> bytes:
    """``item`` written as ``fmt``: the subject's own writer, else its table."""
    _load_builtin_outputs()
    if (subject, fmt) in _WRITERS:
        return _WRITERS[(subject, fmt)](item, **options)
    if subject in _TABLES and fmt in TABLE_FORMATS:
        return write(_TABLES[subject](item, **options), fmt)
    known = ", ".join(formats_for(subject))
    raise ValueError(f"no {fmt!r} output for {subject} (known: {known})")


def media_type(fmt: str) -> str:
    found = TABLE_FORMATS.get(fmt)
    return found.media_type if found else "application/octet-stream"


def _load_builtin_outputs() -> None:
    from cpbmonitor.core.outputs import capacity as _capacity  # noqa: F401
    from cpbmonitor.core.outputs import evaluation as _evaluation  # noqa: F401
    from cpbmonitor.core.outputs import milestones as _milestones  # noqa: F401
    from cpbmonitor.core.outputs import plan as _plan  # noqa: F401
    from cpbmonitor.core.outputs import records as _records  # noqa: F401
