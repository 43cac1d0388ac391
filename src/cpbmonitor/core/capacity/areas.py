"""The needs areas (a)-(q) as the report formats list them, and the needs questions of
each format, read from ``data/needs-questions.yaml``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from cpbmonitor.core.formats.model import Questionnaire
from cpbmonitor.core.yamlfile import Location, load_model

NEEDS_FILE = Path(__file__).parent / "data" / "needs-questions.yaml"
AREA_CODE = r"^\([a-q]\)$"


class NeedsQuestions(BaseModel):
    """The keys of one format's needs questions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    areas: str
    """The areas in which the Party still needs capacity-building (several values)."""
    has_needs: str
    assessed: str
    prioritised: str


class NeedsDefinitions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    areas: dict[str, str] = Field(min_length=1)
    """Needs area code -> the formats' term identifier."""
    formats: dict[str, NeedsQuestions]

    def questions_for(self, schema: str) -> NeedsQuestions:
        try:
            return self.formats[schema]
        except KeyError:
            known = ", ".join(self.formats)
            raise LookupError(
                f"no capacity-building needs question is known for {schema} (known: {known})"
            ) from None

    def code_of(self, term: str) -> str | None:
        return next((code for code, value in self.areas.items() if value == term), None)


@dataclass(frozen=True)
class NeedsArea:
    """One needs area as a format lists it."""

    code: str
    """``(a)`` to ``(q)``, the lettering of paragraph 37 of the 2020 note."""
    term: str
    """The format's term identifier of the option."""
    label: str
    """The format's label of the option."""


def _checks(definitions: NeedsDefinitions) -> Iterator[tuple[Location, str]]:
    seen: dict[str, str] = {}
    for code, term in definitions.areas.items():
        if not re.match(AREA_CODE, code):
            yield ("areas", code), f"needs area code {code!r} is not (a) to (q)"
        if term in seen:
            yield ("areas", code), f"term {term} is already given to {seen[term]}"
        seen[term] = code


@cache
def needs_definitions(path: Path = NEEDS_FILE) -> NeedsDefinitions:
    """The shipped definitions (raises ``DataFileError`` naming file, line and field)."""
    return load_model(path, NeedsDefinitions, checks=[_checks])


def needs_areas(
    questionnaire: Questionnaire, definitions: NeedsDefinitions | None = None
) -> tuple[NeedsArea, ...]:
    """The needs areas, in the order (a)-(q), labelled as ``questionnaire`` labels them."""
    definitions = definitions or needs_definitions()
    key = definitions.questions_for(questionnaire.schema).areas
    question = questionnaire.question(key)
    if question is None:
        raise LookupError(f"{questionnaire.schema} has no question {key}")
    areas = []
    for code, term in definitions.areas.items():
        option = question.option(term)
        if option is None:
            raise LookupError(f"{questionnaire.schema} question {key} has no option {term} {code}")
        areas.append(NeedsArea(code, term, option.title or code))
    return tuple(areas)
