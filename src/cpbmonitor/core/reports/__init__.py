"""National report documents: parsing, reading files, validation and completeness."""

from cpbmonitor.core.reports.completeness import is_complete, is_on_time, missing_mandatory
from cpbmonitor.core.reports.document import Answer, ReportDocument, parse_document
from cpbmonitor.core.reports.errors import ReportInputError
from cpbmonitor.core.reports.readers import (
    Duplicates,
    iter_documents,
    iter_raw_documents,
    read_documents,
    read_long_table,
    refuse_duplicates,
)
from cpbmonitor.core.reports.validation import Problem, describe, validate

__all__ = [
    "Answer",
    "Duplicates",
    "Problem",
    "ReportDocument",
    "ReportInputError",
    "describe",
    "is_complete",
    "is_on_time",
    "iter_documents",
    "iter_raw_documents",
    "missing_mandatory",
    "parse_document",
    "read_documents",
    "read_long_table",
    "refuse_duplicates",
    "validate",
]
