"""What Parties wrote, from the stored reports: every free-text answer and every text given
with an option ("additional information") of a question, for the analysis of
``core.analysis`` (languages, themes per region, search) and the challenges named per
goal in the evaluation document.

Texts of the current report of each Party to the Protocol on the cycle's deadline count,
as in the question analyzer's counts.
"""

from __future__ import annotations

from collections.abc import Iterable

from cpbmonitor.core.analysis import TextAnalysis, TextAnswer, analyze_texts
from cpbmonitor.core.indicators import parties_on
from cpbmonitor.national_reports.models import Answer, NationalReport
from cpbmonitor.national_reports.models.reports import ReportStatus
from cpbmonitor.services.evaluation import cycle_info, party_facts


def stored_texts(
    keys: Iterable[str], cycle: int, *, published_only: bool = False
) -> list[TextAnswer]:
    """The texts of questions ``keys`` in cycle ``cycle``, one per Party, question and
    option, in one query; ``published_only``: of published reports only (what the
    public pages and the document quote)."""
    info = cycle_info(cycle)
    members = parties_on(party_facts(), info)
    reports = NationalReport.objects.current().filter(cycle__number=info.number)
    if published_only:
        reports = reports.filter(status=ReportStatus.PUBLISHED)
    # the reports' ids first: a sub-query of current reports gives PostgreSQL's planner,
    # on tables not yet analysed, a plan that takes minutes
    ids = list(reports.order_by().values_list("pk", flat=True))
    rows = (
        Answer.objects.filter(report_id__in=ids, question__in=list(keys))
        .exclude(text="")
        .values_list("report__government__iso2", "question", "value", "text", "language")
        .order_by("report__government__iso2", "question", "value", "id")
    )
    texts: dict[tuple[str, str, str], TextAnswer] = {}
    for government, question, value, text, language in rows:
        party = members.get(government)
        if party is None:
            continue
        key = (government, question, value)
        if key in texts:  # one text per answer: the first language stored
            continue
        texts[key] = TextAnswer(
            government,
            party.region,
            info.number,
            question,
            text,
            value or None,
            language,
            language or None,  # as the report declares it, until detected
        )
    return list(texts.values())


def challenge_questions(schema: str) -> list[str]:
    """The questions of format ``schema`` on challenges and needs whose texts the
    evaluation document quotes (``core/analysis/data/challenge-topics.yaml``)."""
    from cpbmonitor.core.analysis import shipped_topics

    return list(shipped_topics().questions.get(schema, []))


def challenge_texts(cycle: int, schema: str) -> list[TextAnswer]:
    """What Parties wrote in their published reports of ``cycle`` in answer to the
    questions on challenges and needs (what the document quotes, and a run freezes)."""
    keys = challenge_questions(schema)
    return stored_texts(keys, cycle, published_only=True) if keys else []


def analyze_stored_texts(key: str, cycle: int) -> TextAnalysis:
    """Languages, themes per region and the texts of question ``key`` in ``cycle``."""
    return analyze_texts(key, cycle_info(cycle).number, stored_texts([key], cycle))


def published_analysis(key: str, cycle: int) -> TextAnalysis:
    """``analyze_stored_texts`` over published reports, cached under the data version
    (the question analyzer's page and the API)."""
    from cpbmonitor.services.cache import cached

    def compute() -> TextAnalysis:
        number = cycle_info(cycle).number
        return analyze_texts(key, number, stored_texts([key], number, published_only=True))

    return cached("texts", compute, cycle, key)
