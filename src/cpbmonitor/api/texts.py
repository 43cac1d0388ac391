"""What Parties wrote for a question: texts of published reports by region, their
languages and the recurrent themes of each region, with quotes (public, like the
question analysis)."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from cpbmonitor.api.auth import OptionalToken
from cpbmonitor.national_reports.models.cycles import UnknownCycle
from cpbmonitor.services.cycles import cycle as cycle_named

router = Router(auth=OptionalToken(), tags=["public"])


class TextOut(Schema):
    party: str
    region: str | None
    option: str | None
    language: str | None
    text: str


class QuoteOut(Schema):
    party: str
    text: str
    language: str | None


class ThemeOut(Schema):
    theme: str
    language: str
    parties: int
    governments: list[str]
    quotes: list[QuoteOut]


class GroupTextsOut(Schema):
    parties: int
    languages: dict[str, int]
    themes: list[ThemeOut]


class QuestionTextsOut(Schema):
    question: str
    cycle: int
    search: str
    texts: list[TextOut]
    groups: dict[str, GroupTextsOut]


@router.get("/cycles/{cycle}/questions/{key}/texts", response=QuestionTextsOut)
def question_texts(request: HttpRequest, cycle: str, key: str, q: str = "") -> dict:
    """The texts Parties wrote for question ``key`` (answers to a free-text question and
    additional information given with options; none for a question that takes no text),
    published reports only; ``q`` keeps the texts holding every word of it (case and
    accents ignored)."""
    from cpbmonitor.services import questions
    from cpbmonitor.services.texts import published_analysis

    try:
        item = cycle_named(cycle)
    except UnknownCycle as error:
        raise Http404(str(error)) from None
    questionnaire = questions.questionnaire(item)
    question = questionnaire.question(key) if questionnaire else None
    if question is None or item.number is None:
        raise Http404(f"no question {key} in cycle {cycle}")
    return published_analysis(key, item.number).as_dict(q.strip()[:100])
