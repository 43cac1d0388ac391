"""Outputs: one table writer and one registry of (subject, format) -> bytes.

    from cpbmonitor.core.outputs import render, table_of, write
    render("evaluation", "csv", evaluation)          # what `cpb evaluate -f csv` writes
    write(table_of("indicator-results", evaluation, indicator="A.1(a)"), "xlsx")

Subjects: ``evaluation`` and ``indicator-results`` (rows of an ``Evaluation``),
``plan``, ``records``, ``milestones``, ``capacity-needs``, ``capacity-assessment``,
``capacity-coverage``, ``capacity-gaps``, ``capacity-party-match``,
``capacity-provider-match``, and the evaluation document (``evaluation-report``).
"""

from cpbmonitor.core.outputs.registry import (
    formats_for,
    media_type,
    output,
    render,
    subjects,
    table_of,
    tabular,
)
from cpbmonitor.core.outputs.table import Table
from cpbmonitor.core.outputs.writers import TABLE_FORMATS, neutralise, restore, write

__all__ = [
    "TABLE_FORMATS",
    "Table",
    "formats_for",
    "media_type",
    "neutralise",
    "output",
    "render",
    "restore",
    "subjects",
    "table_of",
    "tabular",
    "write",
]
