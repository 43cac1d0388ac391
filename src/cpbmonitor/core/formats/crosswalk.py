"""Question crosswalks between national report formats (``data/crosswalk-5-to-4.yaml``).

The shipped file maps fifth-report keys to fourth-report keys; an entry may carry a
``value_mapping`` from fourth-report answer values to fifth-report values (as the BCH
lists it). ``crosswalk(a, b)`` gives the mapping in either direction; values absent
from a value mapping map to themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from cpbmonitor.core.formats.errors import FormatError
from cpbmonitor.core.formats.extra import extra_dirs, extra_files
from cpbmonitor.core.formats.model import Questionnaire
from cpbmonitor.core.formats.shipped import read_data_yaml, validation_error

CROSSWALK_FILES: dict[tuple[str, str], str] = {
    ("cpbNationalReport5", "cpbNationalReport4"): "crosswalk-5-to-4.yaml",
}


@dataclass(frozen=True)
class QuestionLink:
    source: str
    target: str
    values: Mapping[str, str]
    """Answer value in the source format -> value in the target format."""


@dataclass(frozen=True)
class Crosswalk:
    schema_from: str
    schema_to: str
    links: Mapping[str, QuestionLink]
    same_keys: bool = False
    """A key not listed maps to the same key (a file that lists only what changed)."""

    def map_question(self, key: str) -> str | None:
        """The target-format key for ``key``, or ``None`` when it has no counterpart."""
        link = self.links.get(key)
        if link is None:
            return key if self.same_keys else None
        return link.target

    def map_value(self, key: str, value: str) -> str:
        """The target-format value for ``value`` answered to source question ``key``."""
        link = self.links.get(key)
        return link.values.get(value, value) if link else value

    def inverse(self) -> Crosswalk:
        links = {
            link.target: QuestionLink(link.target, link.source, _invert(link.values))
            for link in self.links.values()
        }
        return Crosswalk(self.schema_to, self.schema_from, links, self.same_keys)


def _invert(values: Mapping[str, str]) -> dict[str, str]:
    inverted: dict[str, str] = {}
    for old, new in values.items():
        inverted.setdefault(new, old)
    return inverted


class _LinkDef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    question: str
    value_mapping: dict[str, str] = {}

    @field_validator("value_mapping", mode="before")
    @classmethod
    def _booleans_as_written(cls, value: object) -> object:
        """YAML reads an unquoted ``true``/``false`` as a boolean: the option value meant."""
        if not isinstance(value, dict):
            return value
        return {_option_text(k): _option_text(v) for k, v in value.items()}


def _option_text(value: object) -> object:
    return str(value).lower() if isinstance(value, bool) else value


class _CrosswalkDef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    schema_from: str
    schema_to: str
    same_keys: bool = False
    questions: dict[str, str | _LinkDef] = {}


def _link(source: str, entry: str | _LinkDef) -> QuestionLink:
    """A shipped entry, read from the newer format to the older one."""
    if isinstance(entry, str):
        return QuestionLink(source, entry, {})
    return QuestionLink(source, entry.question, _invert(entry.value_mapping))


def _parse(data: object, name: str) -> Crosswalk:
    try:
        parsed = _CrosswalkDef.model_validate(data)
    except ValidationError as exc:
        raise validation_error(name, exc) from exc
    links = {k: _link(k, v) for k, v in parsed.questions.items()}
    return Crosswalk(parsed.schema_from, parsed.schema_to, links, parsed.same_keys)


@cache
def _load(name: str) -> Crosswalk:
    return _parse(read_data_yaml(name), name)


@cache
def _extra(dirs: tuple[Path, ...]) -> dict[tuple[str, str], Crosswalk]:
    """The crosswalks of the extra data directories (``crosswalk-*.yaml``)."""
    found: dict[tuple[str, str], Crosswalk] = {}
    for path in extra_files("crosswalk-*.yaml", dirs):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise FormatError(str(path), "(file)", "-", f"cannot be read: {exc}") from exc
        loaded = _parse(data, str(path))
        _check_keys(loaded, str(path), dirs)
        found[(loaded.schema_from, loaded.schema_to)] = loaded
    return found


def _format_or_none(schema: str, dirs: tuple[Path, ...]) -> Questionnaire | None:
    """The format ``schema`` when it is shipped or in an extra directory (``None`` for a
    format known only from the BCH, which cannot be checked here)."""
    from cpbmonitor.core.formats.shipped import _shipped_format

    try:
        return _shipped_format(schema, dirs)
    except KeyError:
        return None


def _check_keys(walk: Crosswalk, name: str, dirs: tuple[Path, ...]) -> None:
    """Every question an extra crosswalk names exists in its format: the key in
    ``schema_from``'s, the question it maps to in ``schema_to``'s; and every value of a
    value mapping is an option of its question (when the question lists options)."""
    newer = _format_or_none(walk.schema_from, dirs)
    older = _format_or_none(walk.schema_to, dirs)
    for key, link in walk.links.items():
        if newer is not None and key not in newer:
            raise FormatError(
                name, f"questions/{key}", "key", f"no question {key} in {walk.schema_from}"
            )
        if older is not None and link.target not in older:
            raise FormatError(
                name,
                f"questions/{key}",
                "question",
                f"no question {link.target} in {walk.schema_to}",
            )
        for new, old in link.values.items():
            _check_option(name, key, newer, key, new, walk.schema_from)
            _check_option(name, key, older, link.target, old, walk.schema_to)


def _check_option(
    name: str, key: str, questionnaire: Questionnaire | None, question: str, value: str, schema: str
) -> None:
    found = questionnaire.question(question) if questionnaire is not None else None
    if found is not None and found.options and found.option(value) is None:
        options = ", ".join(found.option_values)
        raise FormatError(
            name,
            f"questions/{key}",
            "value_mapping",
            f"{value!r} is not an option of {question} in {schema} (options: {options})",
        )


def crosswalk(schema_from: str, schema_to: str) -> Crosswalk:
    """The crosswalk from ``schema_from`` to ``schema_to`` (either direction), shipped or
    from an extra data directory."""
    name = CROSSWALK_FILES.get((schema_from, schema_to))
    if name is not None:
        return _load(name)
    name = CROSSWALK_FILES.get((schema_to, schema_from))
    if name is not None:
        return _load(name).inverse()
    extra = _extra(extra_dirs())
    if (schema_from, schema_to) in extra:
        return extra[(schema_from, schema_to)]
    if (schema_to, schema_from) in extra:
        return extra[(schema_to, schema_from)].inverse()
    raise KeyError(f"no crosswalk between {schema_from!r} and {schema_to!r}")
