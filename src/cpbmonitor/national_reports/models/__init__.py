"""The registry's models, one module per concept; querysets live next to their model."""

from .cycles import ReportingCycle, ReportingFormat
from .parties import Party
from .reports import Answer, NationalReport

__all__ = ["Answer", "NationalReport", "Party", "ReportingCycle", "ReportingFormat"]
