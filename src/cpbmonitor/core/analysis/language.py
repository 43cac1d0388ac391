"""The language of a text, detected with lingua (one detector, built once, restricted to
the languages national reports are written in) and folding text for matching.

``detect(text)`` gives an ISO 639-1 code (``"en"``, ``"fr"``, ``"es"``...) or ``None``
when the text is too short or the detector cannot tell.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

LANGUAGES = ("en", "fr", "es", "pt", "ru", "ar", "zh")
"""The languages the detector chooses among: the six languages of the United Nations and
Portuguese."""
MIN_LETTERS = 12
"""Shorter texts are not given a language (the detector guesses at random below this)."""
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@cache
def detector() -> LanguageDetector:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    chosen = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*chosen).with_low_accuracy_mode().build()


def detect(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or ``None``."""
    if len(LETTER.findall(text)) < MIN_LETTERS:
        return None
    found = detector().detect_language_of(text)
    return None if found is None else found.iso_code_639_1.name.lower()


def detect_all(texts: list[str]) -> list[str | None]:
    """``detect`` of each text, the long ones in one parallel call."""
    long = [i for i, t in enumerate(texts) if len(LETTER.findall(t)) >= MIN_LETTERS]
    found = detector().detect_languages_in_parallel_of([texts[i] for i in long])
    codes: list[str | None] = [None] * len(texts)
    for index, language in zip(long, found, strict=True):
        codes[index] = None if language is None else language.iso_code_639_1.name.lower()
    return codes


def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes made plain: the form texts
    and terms are compared in."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'").lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
