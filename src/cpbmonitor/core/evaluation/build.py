"""Build the document: every registered section builder in order, then the checks."""

from __future__ import annotations

from collections.abc import Callable

from cpbmonitor.core.evaluation.check import check
from cpbmonitor.core.evaluation.inputs import ReportInputs
from cpbmonitor.core.evaluation.model import Document
from cpbmonitor.core.evaluation.numbers import day, ordinal
from cpbmonitor.core.evaluation.sections import builders
from cpbmonitor.core.evaluation.sections.front import document_subtitle, document_title


def section_count() -> int:
    return len(builders())


def build_document(inputs: ReportInputs, tick: Callable[[str], None] | None = None) -> Document:
    """The evaluation report of ``inputs``; ``tick(key)`` is called after each section."""
    sections = []
    for key, builder in builders().items():
        sections.append(builder(inputs))
        if tick is not None:
            tick(key)
    meta = {
        "plan": inputs.plan.id,
        "cycle": ordinal(inputs.cycle),
        "baseline": ordinal(inputs.baseline) if inputs.baseline else "",
        "generated": day(inputs.generated_on),
    }
    document = Document(
        document_title(inputs),
        document_subtitle(inputs),
        tuple(sections),
        inputs.demonstration,
        meta,
    )
    return check(document)
