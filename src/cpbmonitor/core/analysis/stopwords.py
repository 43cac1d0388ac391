"""Stop words per language: scikit-learn's English list and CPB Monitor's own short French
and Spanish lists (``data/stopwords-*.txt``), each with the words nearly every answer about
difficulties uses, folded (lower case, no accents) like the texts they filter."""

from __future__ import annotations

from functools import cache
from importlib import resources

from cpbmonitor.core.analysis.language import fold

DATA = "cpbmonitor.core.analysis.data"


def _read(language: str) -> frozenset[str]:
    path = resources.files(DATA).joinpath(f"stopwords-{language}.txt")
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(w.strip()) for w in lines if w.strip() and not w.startswith("#"))


@cache
def stop_words(language: str) -> frozenset[str]:
    """The stop words of ``language`` (an ISO 639-1 code); English's for unknown ones."""
    words = _read(language)
    if language == "en" or not words:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        words = words | _read("en") | frozenset(ENGLISH_STOP_WORDS)
    return words
