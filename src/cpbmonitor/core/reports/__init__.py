"""National report documents: parsing, reading files, validation and completeness."""

from cpbmonitor.core.reports.completeness import is_complete, is_on_time, missing_mandatory
from cpbmonitor.core.reports.document import Answer, ReportDocument, parse_document
from cpbmonitor.core.reports.errors import ReportInputError
from cpbmonitor.core.reports.readers import read_documents, read_long_table
from cpbmonitor.core.reports.validation import Problem, describe, validate

__all__ = [
    "Answer",
    "Problem",
    "ReportDocument",
    "ReportInputError",
    "describe",
    "is_complete",
    "is_on_time",
    "missing_mandatory",
    "parse_document",
    "read_documents",
    "read_long_table",
    "validate",
]
