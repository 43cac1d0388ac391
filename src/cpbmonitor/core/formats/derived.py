"""A format written as the changes to an earlier one (``extends:``).

A new reporting cycle's format usually repeats the previous one with a few changes, so
its file may name the format it extends and list only what changed::

    schema: cpbNationalReport6
    extends: cpbNationalReport5
    rename: {Q007: Q207}              # a question renumbered (its key, conditions follow)
    drop: [Q138]                      # questions no longer asked
    add_options:                      # options added to a question
      Q113: [{value: true.partly, label: Partly}]

Every named key must exist in the base format (an unknown key is an error naming the
file, the change and the key); a renamed key must not clash with a kept one.
"""

from __future__ import annotations

from dataclasses import replace

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from cpbmonitor.core.formats.errors import FormatError
from cpbmonitor.core.formats.model import Condition, FormatSection, Option, Question, Questionnaire
from cpbmonitor.core.formats.shipped import validation_error


class _OptionAdded(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    value: str = Field(min_length=1)
    label: str = ""


class DerivedFormat(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    schema_: str = Field(alias="schema")
    extends: str
    rename: dict[str, str] = Field(default_factory=dict)
    drop: list[str] = Field(default_factory=list)
    add_options: dict[str, list[_OptionAdded]] = Field(default_factory=dict)


def is_derived(data: object) -> bool:
    return isinstance(data, dict) and "extends" in data


def parse_derived(data: object, name: str) -> DerivedFormat:
    try:
        return DerivedFormat.model_validate(data)
    except ValidationError as exc:
        raise validation_error(name, exc) from exc


def derive(base: Questionnaire, change: DerivedFormat, name: str) -> Questionnaire:
    """``base`` with ``change`` applied, as the questionnaire of ``change.schema_``."""
    for field, keys in (
        ("rename", change.rename),
        ("drop", change.drop),
        ("add_options", change.add_options),
    ):
        for key in keys:
            if key not in base:
                raise FormatError(name, field, key, f"no question {key} in {base.schema}")
    for old, new in change.rename.items():
        if new in base and new not in change.rename:
            raise FormatError(name, "rename", old, f"{new} is already a question of {base.schema}")
    dropped = frozenset(change.drop)

    def renamed(k: str) -> str:
        return change.rename.get(k, k)

    def condition(c: Condition) -> Condition:
        return replace(
            c,
            controller=renamed(c.controller),
            dependent=renamed(c.dependent),
            base_question=renamed(c.base_question) if c.base_question else None,
        )

    def question(q: Question) -> Question:
        added = tuple(Option(o.value, o.label) for o in change.add_options.get(q.key, []))
        return replace(
            q,
            key=renamed(q.key),
            options=q.options + added,
            questions=tuple(question(s) for s in q.questions if s.key not in dropped),
            validations=tuple(condition(c) for c in q.validations if c.dependent not in dropped),
            parent=renamed(q.parent) if q.parent else None,
        )

    sections = tuple(
        FormatSection(
            s.key, s.title, tuple(question(q) for q in s.questions if q.key not in dropped)
        )
        for s in base.sections
    )
    return Questionnaire(change.schema_, sections)
