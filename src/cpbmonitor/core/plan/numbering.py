"""The numbering schemes of the plan: goals A.1, objectives A.1.1, indicators A.1(a),
key areas (1), activities (i)."""

from __future__ import annotations

import re

ROMAN = [
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
]


def roman(number: int) -> str:
    return ROMAN[number - 1]


def expected_sequence(first_code: str, count: int) -> list[str]:
    """The codes a list of ``count`` items should have, in the scheme of ``first_code``.

    A list always starts at 1, (a) or (i): a first code of ``A.1.2`` is itself out of
    sequence.
    """
    if re.fullmatch(r"\([ivx]+\)", first_code):
        return [f"({roman(n)})" for n in range(1, count + 1)]
    if re.fullmatch(r"\(\d+\)", first_code):
        return [f"({n})" for n in range(1, count + 1)]
    if match := re.fullmatch(r"(.*)\([a-z]\)", first_code):
        return [f"{match.group(1)}({chr(ord('a') + n)})" for n in range(count)]
    prefix = first_code.rsplit(".", 1)[0]
    return [f"{prefix}.{n}" for n in range(1, count + 1)]
