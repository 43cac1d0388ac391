"""The evaluation report: the assessment-and-review document generated from the data.

Pure (no Django). The caller gathers ``ReportInputs`` (the registry service
``services.evaluation_report`` does it from the database); then::

    from cpbmonitor.core.evaluation import build_document, render
    document = build_document(inputs)      # sections from the registry, then the checks
    data = render(document, "docx")        # or "html", "xlsx", "pdf"

Capacity-building needs enter as ``Needs`` (``needs_of(analysis, coverage)`` adapts the
objects of ``core.capacity``); milestone assessments and goal links as they are.

The document model (``model``) keeps every number with where it came from; sentences
come from named templates (``templates``); section builders (``sections``) and
renderers (``renderers``) are registries.
"""

from cpbmonitor.core.evaluation.adapters import needs_of
from cpbmonitor.core.evaluation.assessment import (
    Assessment,
    Change,
    ProgressStatus,
    interim_assessment,
)
from cpbmonitor.core.evaluation.build import build_document, section_count
from cpbmonitor.core.evaluation.check import DocumentError, check, number_problems
from cpbmonitor.core.evaluation.inputs import (
    DEMONSTRATION_INPUTS,
    CapacityNeeds,
    CycleReporting,
    DataSource,
    GoalLinkage,
    Linkage,
    Milestone,
    MilestoneAssessment,
    Need,
    NeedArea,
    Needs,
    RegionNeed,
    ReportingTotals,
    ReportInputs,
    default_sources,
    demonstration_label,
)
from cpbmonitor.core.evaluation.model import (
    Cell,
    Document,
    Figure,
    Item,
    ItemList,
    Message,
    Messages,
    Notice,
    Number,
    Paragraph,
    Quote,
    Ref,
    Section,
    Sentence,
    Table,
)
from cpbmonitor.core.evaluation.renderers import (
    Renderer,
    RendererError,
    render,
    renderer_for_path,
    renderer_named,
    renderers,
    suffixes,
)
from cpbmonitor.core.evaluation.sections import builders, section
from cpbmonitor.core.evaluation.templates import TEMPLATES, TemplateError, say, template

__all__ = [
    "DEMONSTRATION_INPUTS",
    "TEMPLATES",
    "Assessment",
    "CapacityNeeds",
    "Cell",
    "Change",
    "CycleReporting",
    "DataSource",
    "Document",
    "DocumentError",
    "Figure",
    "GoalLinkage",
    "Item",
    "ItemList",
    "Linkage",
    "Message",
    "Messages",
    "Milestone",
    "MilestoneAssessment",
    "Need",
    "NeedArea",
    "Needs",
    "Notice",
    "Number",
    "Paragraph",
    "ProgressStatus",
    "Quote",
    "Ref",
    "RegionNeed",
    "Renderer",
    "RendererError",
    "ReportInputs",
    "ReportingTotals",
    "Section",
    "Sentence",
    "Table",
    "TemplateError",
    "build_document",
    "builders",
    "check",
    "default_sources",
    "demonstration_label",
    "interim_assessment",
    "needs_of",
    "number_problems",
    "render",
    "renderer_for_path",
    "renderer_named",
    "renderers",
    "say",
    "section",
    "section_count",
    "suffixes",
    "template",
]
