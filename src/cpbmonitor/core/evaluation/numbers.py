"""How numbers are printed, once for tables and prose alike, and the words around them
(cycle ordinals, group names)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from cpbmonitor.core.evaluation.model import Number, Ref

GROUP_LABELS: dict[str, str] = {
    "global": "World",
    "AFR": "African States",
    "ASP": "Asia-Pacific States",
    "CEE": "Central and Eastern European States",
    "GRULAC": "Latin American and Caribbean States",
    "WEOG": "Western European and other States",
}
ORDINALS: dict[int, str] = {
    1: "first",
    2: "second",
    3: "third",
    4: "fourth",
    5: "fifth",
    6: "sixth",
    7: "seventh",
    8: "eighth",
    9: "ninth",
    10: "tenth",
}
DASH = "—"


def join_words(words: Iterable[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def group_label(group: str) -> str:
    return GROUP_LABELS.get(group, group)


def ordinal(number: int) -> str:
    return ORDINALS.get(number, f"number {number}")


def decimal(value: float) -> str:
    """At most two decimals, trailing zeros dropped: 68.33, 60, 0.5."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def signed(value: float) -> str:
    text = decimal(value)
    return f"+{text}" if value > 0 and text != "0" else text


def whole(value: float) -> str:
    return f"{round(value):,}"


def day(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


FORMATS = {
    "percent": lambda v: f"{decimal(v)}%",
    "points": signed,
    "count": whole,
    "decimal": decimal,
}


def number(value: float | int, style: str, ref: Ref) -> Number:
    """A ``Number`` printed in ``style`` (percent, points, count, decimal)."""
    return Number(value, FORMATS[style](value), ref)


def date_number(value: dt.date, ref: Ref) -> Number:
    return Number(value, day(value), ref)
