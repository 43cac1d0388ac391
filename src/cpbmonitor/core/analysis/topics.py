"""The challenges Parties name in their own words, by topic and goal.

The topics, the goals each concerns, the words that name them in each language and the
questions on challenges and needs are data (``data/challenge-topics.yaml``, validated on
load). ``challenges(texts, topics)`` says, for every goal, which Parties name one of its
topics in their answers to those questions, per region, with short quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from cpbmonitor.core.analysis.language import fold
from cpbmonitor.core.analysis.texts import QUOTE_LENGTH, TextAnswer, TextQuote, quote_for
from cpbmonitor.core.indicators.inputs import GLOBAL, GROUPS
from cpbmonitor.core.yamlfile import load_model

TOPICS_FILE = "challenge-topics.yaml"
QUOTES = 2


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Topic(_Strict):
    label: dict[str, str] = Field(min_length=1)
    """Language -> a short name of the topic for documents."""
    goals: list[str] = Field(min_length=1)
    terms: dict[str, list[str]] = Field(min_length=1)
    """Language -> words that name the topic (folded when matched)."""

    def text(self, language: str) -> str:
        return self.label.get(language) or self.label["en"]


class ChallengeTopics(_Strict):
    questions: dict[str, list[str]]
    """Format schema -> the questions on challenges and needs, most telling first."""
    topics: dict[str, Topic] = Field(min_length=1)

    def for_goal(self, goal: str) -> list[str]:
        return [name for name, topic in self.topics.items() if goal in topic.goals]


def load_topics(path: Path | None = None) -> ChallengeTopics:
    if path is None:
        with resources.as_file(
            resources.files("cpbmonitor.core.analysis.data").joinpath(TOPICS_FILE)
        ) as shipped:
            return load_model(shipped, ChallengeTopics)
    return load_model(path, ChallengeTopics)


@cache
def shipped_topics() -> ChallengeTopics:
    return load_topics()


_COMPILED: dict[int, tuple[ChallengeTopics, dict[str, dict[str, re.Pattern[str]]]]] = {}


def _patterns(topics: ChallengeTopics) -> dict[str, dict[str, re.Pattern[str]]]:
    """The topics' terms as one pattern per topic and language, compiled once."""
    known = _COMPILED.get(id(topics))
    if known is not None and known[0] is topics:
        return known[1]
    compiled = {
        name: {
            language: re.compile(r"\b(?:" + "|".join(re.escape(fold(t)) for t in terms) + ")")
            for language, terms in topic.terms.items()
        }
        for name, topic in topics.topics.items()
    }
    _COMPILED[id(topics)] = (topics, compiled)
    return compiled


def topics_of(text: str, language: str | None, topics: ChallengeTopics) -> dict[str, str]:
    """Topic -> the folded term found, for the topics ``text`` names (in its language;
    in every language when it is not known)."""
    folded = fold(text)
    found = {}
    for name, by_language in _patterns(topics).items():
        patterns = [by_language[language]] if language in by_language else by_language.values()
        for pattern in patterns:
            match = pattern.search(folded)
            if match:
                found[name] = match.group(0)
                break
    return found


@dataclass(frozen=True)
class TopicCount:
    topic: str
    label: str
    parties: Mapping[str, int]
    """Group -> Parties naming the topic."""
    quotes: tuple[TextQuote, ...]


@dataclass(frozen=True)
class GoalChallenges:
    goal: str
    writing: Mapping[str, int]
    """Group -> Parties that answered a question on challenges and needs."""
    naming: Mapping[str, int]
    """Group -> Parties naming at least one topic of the goal."""
    topics: tuple[TopicCount, ...]
    """The goal's topics named by some Party, the most named first."""


def challenges(
    texts: Iterable[TextAnswer],
    goals: Iterable[str],
    topics: ChallengeTopics | None = None,
    language: str = "en",
) -> dict[str, GoalChallenges]:
    """Goal -> the Parties naming its challenges in ``texts`` (answers to the questions
    on challenges and needs), per group, with up to ``QUOTES`` quotes per topic, the
    shortest first. ``language`` names the topics."""
    topics = topics or shipped_topics()
    answers = list(texts)
    writers: dict[str, set[str]] = {g: set() for g in GROUPS}
    named: dict[str, dict[str, set[str]]] = {t: {g: set() for g in GROUPS} for t in topics.topics}
    quotes: dict[str, list[TextQuote]] = {t: [] for t in topics.topics}
    region_of: dict[str, tuple[str, ...]] = {}
    for answer in answers:
        region_of[answer.government] = answer.groups
        for group in answer.groups:
            writers[group].add(answer.government)
        for topic, term in topics_of(answer.text, answer.language, topics).items():
            for group in answer.groups:
                named[topic][group].add(answer.government)
            quote = quote_for(answer.text, term, QUOTE_LENGTH)
            quotes[topic].append(TextQuote(answer.government, quote, answer.language))
    result = {}
    for goal in goals:
        names = topics.for_goal(goal)
        counts = [
            TopicCount(
                t,
                topics.topics[t].text(language),
                {g: len(named[t][g]) for g in GROUPS},
                _pick_quotes(quotes[t]),
            )
            for t in names
            if named[t][GLOBAL]
        ]
        counts.sort(key=lambda c: (-c.parties[GLOBAL], c.topic))
        naming = {
            g: len(set().union(*(named[t][g] for t in names))) if names else 0 for g in GROUPS
        }
        result[goal] = GoalChallenges(
            goal, {g: len(w) for g, w in writers.items()}, naming, tuple(counts)
        )
    return result


def _pick_quotes(found: list[TextQuote]) -> tuple[TextQuote, ...]:
    """Up to ``QUOTES`` quotes by different Parties, the shortest first, in different
    languages where there are several."""
    ranked = sorted(found, key=lambda q: (len(q.text), q.government))
    chosen: list[TextQuote] = []
    for new_language_only in (True, False):
        for quote in ranked:
            if len(chosen) == QUOTES or any(q.government == quote.government for q in chosen):
                continue
            if new_language_only and any(q.language == quote.language for q in chosen):
                continue
            chosen.append(quote)
    return tuple(chosen)
