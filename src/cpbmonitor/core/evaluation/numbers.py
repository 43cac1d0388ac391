"""How numbers are printed, once for tables and prose alike, and the words around them
(cycle ordinals, group names), in the document's language.

The language is set for the length of one build (``in_language``); English and French
are known. French prints ``47,14 %``, ``1 234`` (narrow no-break spaces) and
``28 février 2026``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator
from contextvars import ContextVar

from cpbmonitor.core.evaluation.model import Number, Ref

LANGUAGES = ("en", "fr")
LANGUAGE: ContextVar[str] = ContextVar("evaluation_language", default="en")
NNBSP = "\u202f"
"""Narrow no-break space: French thousands separator and space before ``%``."""


@contextlib.contextmanager
def in_language(language: str) -> Iterator[None]:
    """Numbers, dates and words are printed in ``language`` inside the block."""
    if language not in LANGUAGES:
        raise ValueError(f"no document language {language!r} (known: {', '.join(LANGUAGES)})")
    token = LANGUAGE.set(language)
    try:
        yield
    finally:
        LANGUAGE.reset(token)


def language() -> str:
    return LANGUAGE.get()


def is_french() -> bool:
    return LANGUAGE.get() == "fr"


GROUP_LABELS_FR: dict[str, str] = {
    "global": "Monde",
    "AFR": "États d'Afrique",
    "ASP": "États d'Asie-Pacifique",
    "CEE": "États d'Europe centrale et orientale",
    "GRULAC": "États d'Amérique latine et des Caraïbes",
    "WEOG": "États d'Europe occidentale et autres États",
}
ORDINALS_FR: dict[int, str] = {
    1: "premiers",
    2: "deuxièmes",
    3: "troisièmes",
    4: "quatrièmes",
    5: "cinquièmes",
    6: "sixièmes",
    7: "septièmes",
    8: "huitièmes",
    9: "neuvièmes",
    10: "dixièmes",
}
"""Ordinals as they qualify "rapports nationaux" (plural)."""
MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
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
    """``a``, ``a and b``, ``a, b and c`` (``et`` in French)."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (" et " if is_french() else " and ") + items[-1]


def group_label(group: str) -> str:
    labels = GROUP_LABELS_FR if is_french() else GROUP_LABELS
    return labels.get(group, group)


def ordinal(number: int) -> str:
    if is_french():
        return ORDINALS_FR.get(number, f"numéro {number}")
    return ORDINALS.get(number, f"number {number}")


def decimal(value: float) -> str:
    """At most two decimals, trailing zeros dropped: 68.33, 60, 0.5 (French: 68,33)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    text = "0" if text == "-0" else text
    return text.replace(".", ",") if is_french() else text


def signed(value: float) -> str:
    text = decimal(value)
    return f"+{text}" if value > 0 and text != "0" else text


def whole(value: float) -> str:
    text = f"{round(value):,}"
    return text.replace(",", NNBSP) if is_french() else text


def day(value: dt.date) -> str:
    if is_french():
        first = "1er" if value.day == 1 else str(value.day)
        return f"{first} {MONTHS_FR[value.month - 1]} {value.year}"
    return f"{value.day} {value:%B %Y}"


def percent(value: float) -> str:
    return f"{decimal(value)}{NNBSP}%" if is_french() else f"{decimal(value)}%"


FORMATS = {
    "percent": percent,
    "points": signed,
    "count": whole,
    "decimal": decimal,
}


def number(value: float | int, style: str, ref: Ref) -> Number:
    """A ``Number`` printed in ``style`` (percent, points, count, decimal)."""
    return Number(value, FORMATS[style](value), ref)


def date_number(value: dt.date, ref: Ref) -> Number:
    return Number(value, day(value), ref)
