"""The project's own question definitions, shipped as YAML in ``formats/data``.

Each file defines a subset of one national report format (the questions that can
measure an indicator of the plan, and the questions controlling them), with the
project's own short labels. Files are validated by typed models on load; errors name
the file, the item and the field.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from cpbmonitor.core.formats.errors import FormatError
from cpbmonitor.core.formats.model import (
    Condition,
    FormatSection,
    Option,
    Question,
    Questionnaire,
    QuestionType,
    Trigger,
)
from cpbmonitor.core.yamlfile import parse_yaml

DATA_PACKAGE = "cpbmonitor.core.formats.data"
SHIPPED_SCHEMAS: tuple[str, ...] = ("cpbNationalReport4", "cpbNationalReport5")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _OptionDef(_Strict):
    value: str
    label: str = ""
    exclusive: bool = False
    takes_text: bool = False
    takes_number: bool = False


class _ConditionDef(_Strict):
    dependent: str
    kind: str = Field(pattern=r"^(@hasValues|@hasValuesExcept|@hasAdditionalValues|&\w+)$")
    values: list[str] | None = None
    trigger: Trigger = "enable"
    base_question: str | None = None


class _QuestionDef(_Strict):
    key: str = Field(pattern=r"^[A-Za-z][\w-]*$")
    number: str = ""
    type: QuestionType
    label: str = Field(min_length=1)
    multiple: bool = False
    mandatory: bool = False
    options: list[_OptionDef] = Field(default_factory=list)
    conditions: list[_ConditionDef] = Field(default_factory=list)
    questions: list[_QuestionDef] = Field(default_factory=list)


class _SectionDef(_Strict):
    key: str
    label: str
    questions: list[_QuestionDef]


class _FormatDef(_Strict):
    schema_: str = Field(alias="schema")
    sections: list[_SectionDef]


def _question(d: _QuestionDef, section: str, parent: str | None) -> Question:
    return Question(
        key=d.key,
        number=d.number,
        section=section,
        title=d.label,
        type=d.type,
        multiple=d.multiple,
        mandatory=d.mandatory,
        options=tuple(
            Option(o.value, o.label, o.exclusive, o.takes_text, o.takes_number) for o in d.options
        ),
        questions=tuple(_question(s, section, d.key) for s in d.questions),
        validations=tuple(
            Condition(
                controller=d.key,
                dependent=c.dependent,
                kind=c.kind,
                values=None if c.values is None else tuple(c.values),
                trigger=c.trigger,
                base_question=c.base_question,
            )
            for c in d.conditions
        ),
        parent=parent,
    )


def read_data_yaml(name: str) -> Any:
    text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    try:
        return parse_yaml(text)
    except yaml.YAMLError as exc:
        raise FormatError(name, "(file)", "-", f"invalid YAML: {exc}") from exc


def validation_error(name: str, exc: ValidationError) -> FormatError:
    """A ``FormatError`` naming the first failing item and field of a YAML file."""
    first = exc.errors()[0]
    loc = [str(p) for p in first["loc"]]
    return FormatError(name, "/".join(loc[:-1]) or "(file)", loc[-1] if loc else "-", first["msg"])


def parse_shipped_format(data: object, name: str = "<data>") -> Questionnaire:
    """Build a ``Questionnaire`` from the decoded YAML of a shipped definition."""
    try:
        definition = _FormatDef.model_validate(data)
    except ValidationError as exc:
        raise validation_error(name, exc) from exc
    sections = tuple(
        FormatSection(s.key, s.label, tuple(_question(q, s.key, None) for q in s.questions))
        for s in definition.sections
    )
    return Questionnaire(definition.schema_, sections)


def has_shipped_format(schema: str) -> bool:
    """Whether ``schema`` has a definition shipped with the project or in an extra data
    directory (``extra``)."""
    from cpbmonitor.core.formats.extra import extra_file

    return schema in SHIPPED_SCHEMAS or extra_file(f"{schema}.yaml") is not None


def shipped_format(schema: str) -> Questionnaire:
    """The project's own definition of (a subset of) the format ``schema``: shipped, or
    from an extra data directory (written in full, or derived from an earlier format)."""
    from cpbmonitor.core.formats.extra import extra_dirs

    return _shipped_format(schema, extra_dirs())


@cache
def _shipped_format(schema: str, dirs: tuple[Path, ...]) -> Questionnaire:
    from cpbmonitor.core.formats import derived
    from cpbmonitor.core.formats.extra import extra_file

    path = None if schema in SHIPPED_SCHEMAS else extra_file(f"{schema}.yaml", dirs)
    if path is None:
        if schema not in SHIPPED_SCHEMAS:
            raise KeyError(f"no shipped definition for {schema!r}; known: {SHIPPED_SCHEMAS}")
        name = f"{schema}.yaml"
        data = read_data_yaml(name)
    else:
        name = str(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise FormatError(name, "(file)", "-", f"cannot be read: {exc}") from exc
    if derived.is_derived(data):
        change = derived.parse_derived(data, name)
        questionnaire = derived.derive(_shipped_format(change.extends, dirs), change, name)
    else:
        questionnaire = parse_shipped_format(data, name)
    if questionnaire.schema != schema:
        raise FormatError(name, "(file)", "schema", f"expected {schema!r}")
    return questionnaire
