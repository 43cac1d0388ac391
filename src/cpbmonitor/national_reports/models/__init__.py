"""The registry's models, one module per concept; querysets live next to their model."""

from .compiled import CompiledAnswers
from .cycles import ReportingCycle, ReportingFormat
from .parties import Party
from .reports import Answer, NationalReport

__all__ = [
    "Answer",
    "CompiledAnswers",
    "NationalReport",
    "Party",
    "ReportingCycle",
    "ReportingFormat",
]
