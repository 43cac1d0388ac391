"""Free-text answers: languages, recurrent themes per region with quotes, search, and the
challenges named per goal, on a handful of texts whose counts are worked out by hand."""

from __future__ import annotations

from cpbmonitor.core.analysis import (
    TextAnswer,
    analyze_texts,
    challenges,
    detect,
    quote_for,
    search,
    topics_of,
)
from cpbmonitor.core.analysis.stopwords import stop_words
from cpbmonitor.core.analysis.topics import shipped_topics

TEXTS = [
    # Africa: three Parties write about risk assessment (two in French, one in English)
    (
        "bj",
        "AFR",
        "La principale difficulté reste l'évaluation des risques des OVM. Un atelier est prévu.",
    ),
    ("sn", "AFR", "Le manque d'experts en évaluation des risques freine les décisions."),
    ("ke", "AFR", "We lack experts in risk assessment. Risk assessment training is requested."),
    ("gh", "AFR", "Our laboratory cannot detect LMOs yet; risk assessment staff left."),
    # Latin America: two in Spanish about funding, one about the laboratory
    ("mx", "GRULAC", "El financiamiento insuficiente limita el laboratorio de detección."),
    ("pe", "GRULAC", "El financiamiento externo terminó el año pasado."),
    ("br", "GRULAC", "The detection laboratory needs reference materials."),
]


def answers(question: str = "Q176") -> list[TextAnswer]:
    return [TextAnswer(g, r, 5, question, t, declared="en") for g, r, t in TEXTS]


def test_languages_are_detected_whatever_the_report_declares() -> None:
    analysis = analyze_texts("Q176", 5, answers())
    languages = {a.government: a.language for a in analysis.answers}
    assert languages == {
        "bj": "fr",
        "sn": "fr",
        "ke": "en",
        "gh": "en",
        "mx": "es",
        "pe": "es",
        "br": "en",
    }
    assert analysis.group("AFR").languages == {"en": 2, "fr": 2}
    assert analysis.group("global").parties == 7
    assert detect("ok") is None  # too short to tell


def test_recurrent_themes_per_region_count_parties_and_quote_them() -> None:
    analysis = analyze_texts("Q176", 5, answers())
    africa = {(t.term, t.language): t for t in analysis.group("AFR").themes}
    english = africa[("risk assessment", "en")]
    assert english.governments == ("gh", "ke") and english.parties == 2
    assert [q.government for q in english.quotes] == ["gh", "ke"]
    assert english.quotes[1].text == "We lack experts in risk assessment."
    french = africa[("evaluation risques", "fr")]  # "des" is a French stop word
    assert french.governments == ("bj", "sn")
    spanish = {t.term: t for t in analysis.group("GRULAC").themes if t.language == "es"}
    assert spanish["financiamiento"].governments == ("mx", "pe")
    # a word used by one Party only is no theme
    assert not any(t.term == "atelier" for g in analysis.groups.values() for t in g.themes)


def test_other_questions_and_cycles_are_left_out() -> None:
    mixed = [*answers(), TextAnswer("fr", "WEOG", 4, "Q176", "Autre cycle, autre texte.")]
    mixed += [TextAnswer("de", "WEOG", 5, "Q139", "Another question entirely.")]
    analysis = analyze_texts("Q176", 5, mixed, detect=False)
    assert {a.government for a in analysis.answers} == {g for g, _, _ in TEXTS}
    assert analysis.group("WEOG").answers == ()


def test_search_ignores_case_and_accents() -> None:
    found = search(answers(), "DETECCION laboratorio")
    assert [a.government for a in found] == ["mx"]
    assert [a.government for a in search(answers(), "évaluation")] == ["bj", "sn"]


def test_quote_is_the_sentence_holding_the_term_cut_to_length() -> None:
    text = "First sentence. The risk assessment unit is new. Last."
    assert quote_for(text, "risk assessment") == "The risk assessment unit is new."
    assert quote_for("word " * 60, "word", 20) == "word word word…"  # no word cut


def test_stop_words_per_language() -> None:
    assert {"the", "challenge"} <= stop_words("en")
    assert {"des", "difficulte"} <= stop_words("fr")
    assert {"los", "desafio"} <= stop_words("es")


def test_challenges_per_goal_count_parties_by_region_with_quotes() -> None:
    analysis = analyze_texts("Q176", 5, answers())
    found = challenges(analysis.answers, ["A.5", "A.8", "B.2", "A.4"])
    risk = found["A.5"]
    assert risk.naming["global"] == 4 and risk.naming["AFR"] == 4
    assert risk.writing["global"] == 7 and risk.writing["GRULAC"] == 3
    assert [t.topic for t in risk.topics] == ["risk-assessment"]
    assert {q.government for q in risk.topics[0].quotes} <= {"bj", "sn", "ke", "gh"}
    detection = found["A.8"]  # "laboratory", "laboratorio", "detect..." in three languages
    assert detection.naming == {"global": 3, "AFR": 1, "ASP": 0, "CEE": 0, "GRULAC": 2, "WEOG": 0}
    assert found["B.2"].naming["GRULAC"] == 2
    assert found["A.4"].naming["global"] == 0 and found["A.4"].topics == ()


def test_topics_match_terms_of_the_texts_language_only() -> None:
    topics = shipped_topics()
    assert topics_of("Manque de financement.", "fr", topics) == {"funding": "financement"}
    assert topics_of("Manque de financement.", "en", topics) == {}
    assert "funding" in topics_of("Manque de financement.", None, topics)
