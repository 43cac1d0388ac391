"""A record's fields as the detail page shows them: label, then items, each a text and,
where the value names another record or a government, a link to it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from cpbmonitor.core.records import RecordModel, RecordType
from cpbmonitor.national_reports.models import Party
from cpbmonitor.records import labels

LINKS: dict[str, str] = {"lmos": "lmo", "risk_assessment": "risk-assessment"}
"""Fields whose values are identifiers of records of another type."""
GOVERNMENT_FIELDS = frozenset({"government", "governments"})
CHOICE_FIELDS = frozenset({"role", "decision_type", "method_type", "level"})
SHOWN_ELSEWHERE = frozenset({"identifier", "demonstration"})


@dataclass(frozen=True)
class Item:
    text: str
    href: str = ""


@dataclass(frozen=True)
class Row:
    name: str
    label: str
    items: list[Item] = field(default_factory=list)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    return str(value)


def _items(name: str, value: Any, parties: dict[str, str]) -> list[Item]:
    values = value if isinstance(value, list) else [value]
    items = []
    for one in values:
        if one is None or one == "":
            continue
        if name in LINKS:
            items.append(Item(str(one), reverse("records:find", args=[LINKS[name], one])))
        elif name in GOVERNMENT_FIELDS:
            href = reverse("portal:party", args=[one]) if one in parties else ""
            items.append(Item(parties.get(one, str(one)), href))
        elif name == "url":
            items.append(Item(str(one), str(one)))
        elif name in CHOICE_FIELDS:
            items.append(Item(labels.choice_label(str(one))))
        else:
            items.append(Item(_text(one)))
    return items


def rows(kind: RecordType, record: RecordModel) -> list[Row]:
    """Every field of ``record`` but its identifier, in the model's order."""
    codes = set(record.governments_concerned)
    parties = dict(Party.objects.filter(iso2__in=codes).values_list("iso2", "name"))
    return [
        Row(name, labels.field_label(kind, name), _items(name, getattr(record, name), parties))
        for name in kind.fields
        if name not in SHOWN_ELSEWHERE
    ]
