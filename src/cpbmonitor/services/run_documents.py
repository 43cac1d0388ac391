"""The evaluation document produced from an evaluation run: every section from the run's
frozen inputs (figures, reporting status, capacity-building needs, coverage and
contribution, milestones, the texts quoted), through the same ``document_inputs`` as the
live document; the Secretariat's latest text merged in and marked; the run cited (name,
date of the data, data fingerprint). The pages (``evaluations.views``), the API
(``api.evaluation_runs``) and ``cpb evaluations document`` all produce a run's document
here."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import nh3

from cpbmonitor.core.evaluation import Document, ReportInputs, build_document, renderer_named
from cpbmonitor.core.runs import FrozenInputs
from cpbmonitor.core.runs.written import WrittenSection, merge_written
from cpbmonitor.evaluations.models import EvaluationRun
from cpbmonitor.services import run_texts
from cpbmonitor.services.evaluation_report import document_inputs
from cpbmonitor.services.evaluation_runs import citation, evaluate_run, frozen_inputs

FIRST_LAYOUT = (
    " Its inputs were frozen in the first layout of evaluation runs, before milestones and "
    "the Parties' free texts were frozen with them: this document leaves them out rather "
    "than read today's."
)
"""What the document of a run of layout 1 says (``core.runs.frozen``)."""

BREAKS = re.compile(r"</(?:p|li|h3|h4)>|<br\s*/?>", re.IGNORECASE)


def paragraphs(sanitised: str) -> tuple[str, ...]:
    """The plain paragraphs of sanitised HTML (one per paragraph, list item or heading)."""
    pieces = BREAKS.split(sanitised)
    texts = (html.unescape(nh3.clean(piece, tags=set())).strip() for piece in pieces)
    return tuple(" ".join(text.split()) for text in texts if text.strip())


def written_sections(run: EvaluationRun) -> dict[str, WrittenSection]:
    titles = {s.key: s.title for s in run_texts.sections(run)}
    return {
        key: WrittenSection(
            key,
            titles.get(key, key),
            paragraphs(text.html),
            text.author.get_username() if text.author else None,
        )
        for key, text in run_texts.latest_texts(run).items()
        if paragraphs(text.html)
    }


def run_report_inputs(run: EvaluationRun, frozen: FrozenInputs | None = None) -> ReportInputs:
    """What the document of ``run`` is built from: its frozen inputs (``frozen``, when
    already read) and their evaluation, dated on the run's date."""
    frozen = frozen or frozen_inputs(run)
    return document_inputs(frozen, evaluate_run(run), generated_on=run.as_of)


def run_document(run: EvaluationRun) -> Document:
    """The evaluation document of ``run`` (see the module)."""
    frozen = frozen_inputs(run)
    document = build_document(run_report_inputs(run, frozen))
    cite = "Produced from the evaluation run " + citation(run).text() + "."
    if frozen.layout == 1:
        cite += FIRST_LAYOUT
    return merge_written(document, written_sections(run), cite)


DOWNLOADS = ("docx", "html")
"""The formats in which the pages and the API give a run's document."""


@dataclass(frozen=True)
class DocumentFile:
    content: bytes
    media_type: str
    filename: str


def run_document_file(run: EvaluationRun, fmt: str) -> DocumentFile:
    """The document of ``run`` written as ``fmt`` (one of ``DOWNLOADS``; ``LookupError``
    otherwise), with its media type and file name."""
    if fmt not in DOWNLOADS:
        raise LookupError(f"no document format {fmt!r}: use {' or '.join(DOWNLOADS)}")
    renderer = renderer_named(fmt)
    content = renderer.write(run_document(run))
    return DocumentFile(content, renderer.media_type, f"cpb-{run.slug}.{fmt}")
