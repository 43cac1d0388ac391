"""Reading declarative YAML data files, with errors naming the file, line, item and field.

Every data file of the project (plan versions, crosswalks, mappings, methodology) is
read through ``load_model``: YAML -> plain data -> a pydantic model, then optional
integrity checks that return ``(path, message)`` pairs. Any problem becomes one
``DataFileError`` whose message points at the place in the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The C (libyaml) safe loader when PyYAML has it: the same data, several times faster."""


def parse_yaml(text: str) -> Any:
    """The data of a YAML text (safe tags only), read with the fastest safe loader."""
    return yaml.load(text, Loader=SafeLoader)


def compose_yaml(text: str) -> yaml.Node | None:
    """The node tree of a YAML text, for the line numbers of error messages."""
    return yaml.compose(text, Loader=SafeLoader)


PathPart = str | int
Location = tuple[PathPart, ...]
IntegrityCheck = Callable[[M], Iterable[tuple[Location, str]]]


class DataFileError(Exception):
    """A data file is invalid. ``str(error)`` is the one message shown to users."""

    def __init__(self, file: Path | str, message: str, line: int | None = None) -> None:
        self.file = str(file)
        self.line = line
        self.detail = message
        where = f"{self.file}, line {line}" if line else self.file
        super().__init__(f"{where}: {message}")


def _node_at(root: yaml.Node, location: Location) -> yaml.Node:
    """The deepest YAML node that ``location`` reaches."""
    node = root
    for part in location:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == part:
                    child = value_node
                    break
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            child = node.value[part]
        if child is None:
            break
        node = child
    return node


def describe_location(data: Any, location: Sequence[PathPart]) -> str:
    """'goal A.1 > indicator A.1(b), field objectives' from a path into the data."""
    items: list[str] = []
    node = data
    field = ""
    for part in location:
        if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
            node = node[part]
            label = _item_label(field, node, part)
            items.append(label)
            field = ""
        elif isinstance(node, dict) and part in node:
            node = node[part]
            field = str(part)
        else:
            field = str(part)
            break
    text = " > ".join(items) if items else "top level"
    return f"{text}, field '{field}'" if field else text


def _singular(field: str) -> str:
    """'activities' -> 'activity', 'goals' -> 'goal': the noun for one item of a list."""
    if field.endswith("ies"):
        return field[:-3] + "y"
    return field[:-1] if field.endswith("s") else field or "item"


def _item_label(field: str, node: Any, index: int) -> str:
    noun = _singular(field)
    if isinstance(node, dict):
        for key in ("code", "id", "key", "number"):
            if key in node:
                return f"{noun} {node[key]}"
    return f"{noun} #{index + 1}"


def load_model(
    path: Path,
    model: type[M],
    checks: Sequence[IntegrityCheck[M]] = (),
) -> M:
    """Read ``path`` into ``model``; raise ``DataFileError`` on the first problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(path, f"cannot read the file ({error.strerror})") from None
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DataFileError(
            path, f"not valid YAML: {getattr(error, 'problem', error)}", line
        ) from None
    if not isinstance(data, dict):
        raise DataFileError(path, "expected a mapping at the top level")
    try:
        instance = model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        location = tuple(first["loc"])
        value = first.get("input")
        shown = "" if isinstance(value, dict | list) else f" (value: {value!r})"
        message = f"{describe_location(data, location)}: {first['msg']}{shown}"
        raise DataFileError(path, message, _line(text, location)) from None
    for check in checks:
        for location, problem in check(instance):
            message = f"{describe_location(data, location)}: {problem}"
            raise DataFileError(path, message, _line(text, location))
    return instance


def _line(text: str, location: Location) -> int:
    """The line ``location`` points at (the text is composed again only for an error)."""
    root = compose_yaml(text)
    assert root is not None  # the text held a mapping
    return _node_at(root, location).start_mark.line + 1
