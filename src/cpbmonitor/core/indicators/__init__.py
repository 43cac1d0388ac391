"""The indicator engine: rules over national report answers, the methodology as data,
evaluation per indicator, region and Party, the question analyzer (outputs: ``core.outputs``).

The API the CLI, the views and the report builder call::

    from cpbmonitor.core.indicators import evaluate, load_methodology
    evaluation = evaluate(plan, load_methodology(plan.id), cycle, baseline, parties, reports)

See ``docs/methodology.md`` for the rule language and how each indicator is measured.
"""

from cpbmonitor.core.indicators.compiler import Accessors, CompiledRule, compile_rule
from cpbmonitor.core.indicators.describe import methodology_table
from cpbmonitor.core.indicators.engine import evaluate, parties_on, reports_of, status_of
from cpbmonitor.core.indicators.inputs import (
    GLOBAL,
    GROUPS,
    REGIONS,
    CycleInfo,
    PartyFacts,
    ReportFacts,
    Settings,
)
from cpbmonitor.core.indicators.methodology import (
    IndicatorMethod,
    Methodology,
    MethodologyError,
    load_methodology,
    load_methodology_file,
    methodology_file,
    missing_indicators,
    unknown_indicators,
)
from cpbmonitor.core.indicators.questions import (
    CycleAnswers,
    OptionCount,
    PreviousCycle,
    QuestionAnalysis,
    analyze_question,
)
from cpbmonitor.core.indicators.results import (
    Evaluation,
    GroupResult,
    IndicatorResult,
    Measure,
    PartyCycleScore,
    PartyScore,
    Scorecard,
    Summary,
)
from cpbmonitor.core.indicators.rules import (
    RuleError,
    RuleSyntaxError,
    RuleValidationError,
    parse,
)
from cpbmonitor.core.indicators.sources import (
    SOURCES,
    CycleContext,
    CycleMeasure,
    register_source,
)

__all__ = [
    "GLOBAL",
    "GROUPS",
    "REGIONS",
    "SOURCES",
    "Accessors",
    "CompiledRule",
    "CycleAnswers",
    "CycleContext",
    "CycleInfo",
    "CycleMeasure",
    "Evaluation",
    "GroupResult",
    "IndicatorMethod",
    "IndicatorResult",
    "Measure",
    "Methodology",
    "MethodologyError",
    "OptionCount",
    "PartyCycleScore",
    "PartyFacts",
    "PartyScore",
    "PreviousCycle",
    "QuestionAnalysis",
    "ReportFacts",
    "RuleError",
    "RuleSyntaxError",
    "RuleValidationError",
    "Scorecard",
    "Settings",
    "Summary",
    "analyze_question",
    "compile_rule",
    "evaluate",
    "load_methodology",
    "load_methodology_file",
    "methodology_file",
    "methodology_table",
    "missing_indicators",
    "parse",
    "parties_on",
    "register_source",
    "reports_of",
    "status_of",
    "unknown_indicators",
]
