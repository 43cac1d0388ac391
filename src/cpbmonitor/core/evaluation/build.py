"""Build the document: every registered section builder in order, then the checks."""

from __future__ import annotations

from collections.abc import Callable

from cpbmonitor.core.evaluation.check import check
from cpbmonitor.core.evaluation.inputs import ReportInputs
from cpbmonitor.core.evaluation.model import Document
from cpbmonitor.core.evaluation.numbers import day, in_language, ordinal
from cpbmonitor.core.evaluation.sections import builders
from cpbmonitor.core.evaluation.sections.common import forget
from cpbmonitor.core.evaluation.sections.front import document_subtitle, document_title
from cpbmonitor.core.evaluation.words import tr


def section_count() -> int:
    return len(builders())


def build_document(inputs: ReportInputs, tick: Callable[[str], None] | None = None) -> Document:
    """The evaluation report of ``inputs`` in ``inputs.language``; ``tick(key)`` is called
    after each section."""
    with in_language(inputs.language):
        try:
            return _build(inputs, tick)
        finally:
            forget(inputs)


def _build(inputs: ReportInputs, tick: Callable[[str], None] | None) -> Document:
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
        tr(inputs.demonstration) if inputs.demonstration else None,
        meta,
        inputs.language,
    )
    return check(document)
