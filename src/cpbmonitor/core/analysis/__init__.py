"""Analysis of what Parties wrote: free-text answers per question, region and cycle, their
language, recurrent themes and the challenges they name (pure; no Django).

    from cpbmonitor.core.analysis import analyze_texts, challenges
"""

from cpbmonitor.core.analysis.language import detect, fold
from cpbmonitor.core.analysis.texts import (
    GroupTexts,
    TextAnalysis,
    TextAnswer,
    TextQuote,
    Theme,
    analyze_texts,
    quote_for,
    search,
    with_languages,
)
from cpbmonitor.core.analysis.topics import (
    ChallengeTopics,
    GoalChallenges,
    TopicCount,
    challenges,
    load_topics,
    shipped_topics,
    topics_of,
)

__all__ = [
    "ChallengeTopics",
    "GoalChallenges",
    "GroupTexts",
    "TextAnalysis",
    "TextAnswer",
    "TextQuote",
    "Theme",
    "TopicCount",
    "analyze_texts",
    "challenges",
    "detect",
    "fold",
    "load_topics",
    "quote_for",
    "search",
    "shipped_topics",
    "topics_of",
    "with_languages",
]
