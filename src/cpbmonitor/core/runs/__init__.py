"""Evaluation runs: the frozen inputs of a named evaluation, and what changed between two.

Pure: no Django. ``frozen`` serialises the inputs (Parties, reports as evaluations read
them, records, the methodology, the cycles) deterministically and hashes them (the run's
data fingerprint); ``compare`` says which figures changed between two runs and why.
"""

from cpbmonitor.core.runs.compare import (
    Comparison,
    FigureChange,
    ReportChange,
    compare_runs,
)
from cpbmonitor.core.runs.frozen import (
    FrozenInputs,
    FrozenReport,
    fingerprint,
    methodology_fingerprint,
    parse,
    serialise,
)

__all__ = [
    "Comparison",
    "FigureChange",
    "FrozenInputs",
    "FrozenReport",
    "ReportChange",
    "compare_runs",
    "fingerprint",
    "methodology_fingerprint",
    "parse",
    "serialise",
]
