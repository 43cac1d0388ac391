"""National report formats: the questionnaire model, the BCH importer, conditions,
and the project's own shipped definitions, cycles and crosswalks."""

from cpbmonitor.core.formats.bch import load_bch_format, parse_bch_format, read_bch_json
from cpbmonitor.core.formats.conditions import (
    REGISTRY,
    AnswerLike,
    QuestionStates,
    UnknownRuleError,
    condition_holds,
    describe_condition,
    is_active,
    question_states,
)
from cpbmonitor.core.formats.crosswalk import Crosswalk, QuestionLink, crosswalk
from cpbmonitor.core.formats.cycles import Cycle, cycle, cycle_for_schema, cycles
from cpbmonitor.core.formats.errors import FormatError
from cpbmonitor.core.formats.model import (
    Condition,
    FormatSection,
    Option,
    Question,
    Questionnaire,
)
from cpbmonitor.core.formats.shipped import (
    SHIPPED_SCHEMAS,
    has_shipped_format,
    parse_shipped_format,
    shipped_format,
)

__all__ = [
    "REGISTRY",
    "SHIPPED_SCHEMAS",
    "AnswerLike",
    "Condition",
    "Crosswalk",
    "Cycle",
    "FormatError",
    "FormatSection",
    "Option",
    "Question",
    "QuestionLink",
    "QuestionStates",
    "Questionnaire",
    "UnknownRuleError",
    "condition_holds",
    "crosswalk",
    "cycle",
    "cycle_for_schema",
    "cycles",
    "describe_condition",
    "has_shipped_format",
    "is_active",
    "load_bch_format",
    "parse_bch_format",
    "parse_shipped_format",
    "question_states",
    "read_bch_json",
    "shipped_format",
]
