"""Free-text answers of one question: read per region and cycle, searchable, with their
language and the recurrent themes of each region.

Input: ``TextAnswer``s, every text a Party wrote for a question, whether the answer to a
free-text question or the additional information given with an option. Then::

    analysis = analyze_texts("Q176", 5, answers)
    analysis.group("AFR").themes      # the region's recurrent themes, with quotes
    analysis.search("laboratory")     # answers holding the words, accents ignored

*Themes* are the words and two-word phrases that weigh most (TF-IDF, scikit-learn) in a
group's answers, within one language: the vectorizer learns its vocabulary and weights
from every answer of the question in that language (stop words of the language left
out); a group's score for a term is the sum of its answers' weights. A theme is
*recurrent* when at least ``MIN_PARTIES`` Parties of the group use it; two-word phrases
are preferred (``PHRASE_WEIGHT``) and a word of a theme already chosen is not repeated.
Each theme keeps the Parties that use it and short quotes (the sentence holding it),
linked to their Party.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from cpbmonitor.core.analysis.language import detect_all, fold
from cpbmonitor.core.analysis.stopwords import stop_words
from cpbmonitor.core.indicators.inputs import GLOBAL, GROUPS

THEMES_PER_GROUP = 6
MIN_PARTIES = 2
QUOTES_PER_THEME = 2
QUOTE_LENGTH = 160
PHRASE_WEIGHT = 1.6
"""Two-word phrases rank before single words of the same weight: "risk assessment" says
more than "risk"."""
TOKEN = r"(?u)\b[^\W\d_]{2,}\b"
SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class TextAnswer:
    government: str
    region: str | None
    cycle: int
    question: str
    text: str
    option: str | None = None
    """The option the text is given with (additional information); ``None``: the answer
    to a free-text question."""
    declared: str = ""
    """The language the report gives for the text."""
    language: str | None = None
    """The language detected (``with_languages``); ``None``: not detected."""

    @property
    def groups(self) -> tuple[str, ...]:
        """``global`` and the Party's region (the European Union: ``global`` only)."""
        return (GLOBAL, self.region) if self.region in GROUPS else (GLOBAL,)


@dataclass(frozen=True)
class TextQuote:
    government: str
    text: str
    language: str | None


@dataclass(frozen=True)
class Theme:
    term: str
    language: str
    parties: int
    governments: tuple[str, ...]
    quotes: tuple[TextQuote, ...]
    score: float


@dataclass(frozen=True)
class GroupTexts:
    group: str
    answers: tuple[TextAnswer, ...]
    themes: tuple[Theme, ...]

    @property
    def parties(self) -> int:
        return len({a.government for a in self.answers})

    @property
    def languages(self) -> dict[str, int]:
        """Language -> answers written in it (``und``: not detected)."""
        counts: dict[str, int] = defaultdict(int)
        for answer in self.answers:
            counts[answer.language or "und"] += 1
        return dict(sorted(counts.items()))


@dataclass(frozen=True)
class TextAnalysis:
    question: str
    cycle: int
    groups: Mapping[str, GroupTexts] = field(default_factory=dict)

    def group(self, code: str) -> GroupTexts:
        return self.groups[code]

    @property
    def answers(self) -> tuple[TextAnswer, ...]:
        return self.groups[GLOBAL].answers if GLOBAL in self.groups else ()

    def search(self, query: str) -> list[TextAnswer]:
        return search(self.answers, query)

    def as_dict(self, query: str = "") -> dict[str, Any]:
        """Plain data for JSON (the CLI and the API): the texts (holding ``query`` when
        given) and, per group, its Parties, languages and themes with quotes."""
        answers = self.search(query) if query else self.answers
        return {
            "question": self.question,
            "cycle": self.cycle,
            "search": query,
            "texts": [
                {
                    "party": a.government,
                    "region": a.region,
                    "option": a.option,
                    "language": a.language,
                    "text": a.text,
                }
                for a in answers
            ],
            "groups": {
                code: {
                    "parties": group.parties,
                    "languages": group.languages,
                    "themes": [
                        {
                            "theme": t.term,
                            "language": t.language,
                            "parties": t.parties,
                            "governments": list(t.governments),
                            "quotes": [
                                {"party": q.government, "text": q.text, "language": q.language}
                                for q in t.quotes
                            ],
                        }
                        for t in group.themes
                    ],
                }
                for code, group in self.groups.items()
            },
        }


def with_languages(answers: Sequence[TextAnswer]) -> list[TextAnswer]:
    """``answers`` with their language detected (the declared one when detection fails)."""
    found = detect_all([a.text for a in answers])
    return [
        replace(a, language=code or a.declared or None)
        for a, code in zip(answers, found, strict=True)
    ]


def search(answers: Iterable[TextAnswer], query: str) -> list[TextAnswer]:
    """The answers holding every word of ``query`` (case and accents ignored)."""
    words = fold(query).split()
    return [a for a in answers if all(w in fold(a.text) for w in words)]


def quote_for(text: str, term: str, length: int = QUOTE_LENGTH) -> str:
    """The sentence of ``text`` that holds ``term`` (folded; else every word of it), cut
    to ``length``."""
    sentences = SENTENCE.split(text.strip())
    words = term.split()
    chosen = next(
        (s for s in sentences if term in fold(s)),
        next((s for s in sentences if all(w in fold(s) for w in words)), sentences[0]),
    )
    return chosen if len(chosen) <= length else chosen[: length - 1].rsplit(" ", 1)[0] + "…"


def _themes(
    answers: Sequence[TextAnswer], language: str, by_group: Mapping[str, list[int]]
) -> dict[str, list[Theme]]:
    """The themes of each group among ``answers`` (all in ``language``)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(answers) < MIN_PARTIES:
        return {}
    vectorizer = TfidfVectorizer(
        preprocessor=fold,
        token_pattern=TOKEN,
        stop_words=sorted(stop_words(language)),
        ngram_range=(1, 2),
        min_df=MIN_PARTIES,
        sublinear_tf=True,
    )
    try:
        matrix = vectorizer.fit_transform([a.text for a in answers])
    except ValueError:  # no term is used twice
        return {}
    terms = vectorizer.get_feature_names_out()
    present = matrix.tocsc()
    result: dict[str, list[Theme]] = {}
    for group, rows in by_group.items():
        if not rows:
            continue
        scores = matrix[rows].sum(axis=0).A1
        weight = [PHRASE_WEIGHT if " " in t else 1.0 for t in terms]
        ranked = sorted(range(len(terms)), key=lambda j: (-scores[j] * weight[j], terms[j]))
        themes: list[Theme] = []
        for j in ranked:
            if scores[j] <= 0 or len(themes) >= THEMES_PER_GROUP:
                break
            term = str(terms[j])
            if any(set(term.split()) & set(t.term.split()) for t in themes):
                continue  # shares a word with a theme already chosen
            users = sorted(set(present[:, j].nonzero()[0]) & set(rows))
            governments = tuple(sorted({answers[i].government for i in users}))
            if len(governments) < MIN_PARTIES:
                continue
            quotes = tuple(
                TextQuote(answers[i].government, quote_for(answers[i].text, term), language)
                for i in users[:QUOTES_PER_THEME]
            )
            themes.append(
                Theme(term, language, len(governments), governments, quotes, round(scores[j], 4))
            )
        result[group] = themes
    return result


def analyze_texts(
    question: str, cycle: int, answers: Iterable[TextAnswer], detect: bool = True
) -> TextAnalysis:
    """Every text of ``question`` in ``cycle``, per group, with the groups' themes;
    ``detect=False`` keeps the languages the answers carry."""
    chosen = [a for a in answers if a.cycle == cycle and a.question == question and a.text.strip()]
    chosen.sort(key=lambda a: (a.government, a.option or ""))
    if detect:
        chosen = with_languages(chosen)
    by_language: dict[str, list[TextAnswer]] = defaultdict(list)
    for answer in chosen:
        by_language[answer.language or "und"].append(answer)
    themes: dict[str, list[Theme]] = defaultdict(list)
    for language, written in by_language.items():
        if language == "und":
            continue
        rows: dict[str, list[int]] = {g: [] for g in GROUPS}
        for index, answer in enumerate(written):
            for group in answer.groups:
                rows[group].append(index)
        for group, found in _themes(written, language, rows).items():
            themes[group] += found
    groups = {
        g: GroupTexts(
            g,
            tuple(a for a in chosen if g in a.groups),
            tuple(sorted(themes.get(g, []), key=lambda t: (-t.parties, -t.score, t.term))),
        )
        for g in GROUPS
    }
    return TextAnalysis(question, cycle, groups)
