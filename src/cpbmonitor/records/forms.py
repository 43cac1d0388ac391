"""Forms generated from the core record models: one builder for every registered type.

Each field of a core model gets a form field by its *shape* (text, date, flag, integer,
number, one choice, a list, several choices), looked up in ``SHAPES``; lists are typed one
item per line (or separated by ``;``). The form's ``clean`` validates the values through
the core model and puts each error on its field; ``add_problems`` does the same with the
problems the services find (unknown government, broken link...).
"""

from __future__ import annotations

import datetime as dt
import re
import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from django import forms
from django.utils.translation import gettext_lazy
from pydantic.fields import FieldInfo

from cpbmonitor.core.records import RecordModel, RecordType
from cpbmonitor.core.records.errors import RecordInputError, RecordProblem, show_value
from cpbmonitor.core.records.readers import read_records_data
from cpbmonitor.records import labels

FORM_SOURCE = "form"
HIDDEN_FIELDS = frozenset({"demonstration"})
"""Core fields not shown in forms: the demonstration flag is kept as it was."""
LIST_SEPARATOR = re.compile(r"[;\n]")


@dataclass(frozen=True)
class Shape:
    """How one kind of core field is edited: the form field, and its value both ways."""

    field: Callable[[FieldInfo, tuple[Any, ...]], forms.Field]
    to_model: Callable[[Any], Any] = lambda value: value
    to_form: Callable[[Any], Any] = lambda value: value


def _split(text: str) -> list[str]:
    return [item.strip() for item in LIST_SEPARATOR.split(text or "") if item.strip()]


def _choices(values: Iterable[str]) -> list[tuple[str, str]]:
    return [(value, labels.choice_label(value)) for value in values]


def _date_field(info: FieldInfo, args: tuple[Any, ...]) -> forms.Field:
    return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


def _choice_field(info: FieldInfo, args: tuple[Any, ...]) -> forms.Field:
    return forms.ChoiceField(choices=_choices(args))


def _multiple_field(info: FieldInfo, args: tuple[Any, ...]) -> forms.Field:
    return forms.MultipleChoiceField(
        choices=[(v, v) for v in get_args(args[0])], widget=forms.CheckboxSelectMultiple
    )


def _list_field(info: FieldInfo, args: tuple[Any, ...]) -> forms.Field:
    return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))


SHAPES: dict[str, Shape] = {
    "text": Shape(lambda info, args: forms.CharField(max_length=2000)),
    "date": Shape(_date_field),
    "flag": Shape(lambda info, args: forms.BooleanField()),
    "integer": Shape(lambda info, args: forms.IntegerField()),
    "number": Shape(lambda info, args: forms.FloatField()),
    "choice": Shape(_choice_field),
    "choices": Shape(_multiple_field, to_form=list),
    "list": Shape(_list_field, to_model=_split, to_form="\n".join),
}
SCALARS: dict[Any, str] = {
    str: "text",
    dt.date: "date",
    bool: "flag",
    int: "integer",
    float: "number",
}


def shape_of(annotation: Any) -> tuple[str, tuple[Any, ...]]:
    """The shape name of a core field's type (``X | None`` as ``X``), and its arguments."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return shape_of(inner[0])
    if origin is list:
        item = get_args(annotation)[0]
        return ("choices" if get_origin(item) is Literal else "list"), (item,)
    if origin is Literal:
        return "choice", get_args(annotation)
    return SCALARS[annotation], ()


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


class RecordForm(forms.Form):
    """The form of one record type. ``government_choices``: the governments offered
    (``(code, name)``); ``record``: the record edited (its identifier is then fixed)."""

    def __init__(
        self,
        kind: RecordType,
        *args: Any,
        government_choices: list[tuple[str, str]] | None = None,
        record: RecordModel | None = None,
        **kwargs: Any,
    ) -> None:
        self.kind = kind
        self.original = record
        self.record: RecordModel | None = None
        if record is not None:
            kwargs.setdefault("initial", self.initial_from(record))
        super().__init__(*args, **kwargs)
        self.shapes: dict[str, str] = {}
        for name, info in kind.model.model_fields.items():
            if name not in HIDDEN_FIELDS:
                self.fields[name] = self._field(name, info, government_choices or [])
        if record is not None:
            self.fields["identifier"].disabled = True

    def _field(self, name: str, info: FieldInfo, parties: list[tuple[str, str]]) -> forms.Field:
        shape, args = shape_of(info.annotation)
        self.shapes[name] = shape
        field = SHAPES[shape].field(info, args)
        if name == "government":
            field = forms.ChoiceField(choices=[("", "—"), *parties])
            field.initial = parties[0][0] if len(parties) == 1 else None
        field.required = info.is_required() and shape != "flag"
        field.label = labels.field_label(self.kind, name)
        field.help_text = str(labels.FIELD_HELP.get(name, ""))
        return field

    def initial_from(self, record: RecordModel) -> dict[str, Any]:
        values = record.model_dump()
        result = {}
        for name, info in self.kind.model.model_fields.items():
            shape, _args = shape_of(info.annotation)
            value = values.get(name)
            result[name] = None if value is None else SHAPES[shape].to_form(value)
        return result

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        values: dict[str, Any] = {}
        for name in self.fields:
            value = cleaned.get(name)
            if self.shapes[name] == "flag":
                values[name] = bool(value)
            elif not _is_empty(value):  # empty: the core model's default applies
                values[name] = SHAPES[self.shapes[name]].to_model(value)
        values["demonstration"] = self.original.demonstration if self.original else False
        if self.original is not None:
            values["identifier"] = self.original.identifier
        self.record = self._validated(values)
        return cleaned

    def _validated(self, values: dict[str, Any]) -> RecordModel | None:
        """The core model of ``values``, read the way files are read (same messages)."""
        try:
            return read_records_data([values], self.kind.name, source=FORM_SOURCE)[0]
        except RecordInputError as error:
            self.add_problems(error.problems)
            return None

    def add_problems(self, problems: Iterable[RecordProblem]) -> None:
        """Show problems on their fields (a field the form already faults is skipped)."""
        faulted = set(self.errors)
        for problem in problems:
            field = problem.field
            if field not in self.fields:
                field = field_named_in(problem.message, self.fields)
            if field in faulted:
                continue
            text = problem.message
            if problem.value is not None:
                text = f"{text} ({show_value(problem.value)})"
            self.add_error(field, text)


def field_named_in(message: str, fields: Iterable[str]) -> str | None:
    """The form field a model-level message names first (``valid_to ... valid_from``)."""
    found = [
        (match.start(), name)
        for name in fields
        if (match := re.search(rf"\b{re.escape(name)}\b", message))
    ]
    return min(found)[1] if found else None


class EndForm(forms.Form):
    """The day from which a record no longer holds."""

    valid_to = forms.DateField(
        label=gettext_lazy("Ends on"),
        help_text=gettext_lazy("The first day on which the record no longer holds."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class FilterForm(forms.Form):
    """The filters of a list of records (every one optional)."""

    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=200)
    government = forms.ChoiceField(label=gettext_lazy("Government"), required=False)
    region = forms.ChoiceField(label=gettext_lazy("Region"), required=False)
    on = forms.DateField(
        label=gettext_lazy("As on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(
        self,
        *args: Any,
        governments: list[tuple[str, str]],
        regions: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["government"].choices = [("", gettext_lazy("All")), *governments]  # type: ignore[attr-defined]
        self.fields["region"].choices = [("", gettext_lazy("All")), *regions]  # type: ignore[attr-defined]
