"""Demonstration data: generated national reports for real Parties, clearly labelled.

``generate_demo(read_parties(), seed)`` gives a ``DemoDataset`` of fourth- and
fifth-cycle BCH report documents that validate against the shipped formats; the
fourth cycle reproduces the capacity-building needs counts of the plan's needs survey
(paragraph 37 of the 2020 note) exactly. Every document's identifier starts ``demo-``
and its body carries ``DEMO_MARK``. The numbers it is built to are in ``design``.
"""

from cpbmonitor.core.demo.design import (
    CYCLE4,
    CYCLE5,
    CYCLES,
    DEFAULT_SEED,
    DEMO_MARK,
    IDENTIFIER_PREFIX,
    LABEL,
    CycleDesign,
)
from cpbmonitor.core.demo.generator import DemoDataset, generate_demo
from cpbmonitor.core.demo.parties import DemoParty, read_parties
from cpbmonitor.core.reports import ReportDocument


def is_demo(document: ReportDocument) -> bool:
    """Whether ``document`` was generated (carries the demonstration mark)."""
    return DEMO_MARK in document.extra


__all__ = [
    "CYCLE4",
    "CYCLE5",
    "CYCLES",
    "DEFAULT_SEED",
    "DEMO_MARK",
    "IDENTIFIER_PREFIX",
    "LABEL",
    "CycleDesign",
    "DemoDataset",
    "DemoParty",
    "generate_demo",
    "is_demo",
    "read_parties",
]
