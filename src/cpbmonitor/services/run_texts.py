"""The Secretariat's text on an evaluation run and the Liaison Group's review of it.

Sections are the key messages, one narrative per goal of the run's plan version
(``goal-A.1``...), the conclusions and the recommendations. Text is sanitised with nh3
to a small allow-list; every save adds a version (who, when), none is overwritten. A
reviewer comments on a section; the Secretariat resolves the comment. Once the run is
published, nothing can be written, commented or resolved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import nh3
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from cpbmonitor.core.plan import load_plan
from cpbmonitor.evaluations.models import EvaluationRun, ReviewComment, WrittenText
from cpbmonitor.services.evaluation_runs import RunError

KEY_MESSAGES, CONCLUSIONS, RECOMMENDATIONS = "key-messages", "conclusions", "recommendations"
ALLOWED_TAGS = frozenset({"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4"})
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
MAX_LENGTH = 50_000
WRITTEN_LABEL = "Written by the Secretariat"
GENERATED_LABEL = "Generated from the data"


@dataclass(frozen=True)
class Section:
    key: str
    title: str


def sections(run: EvaluationRun) -> list[Section]:
    """The sections the Secretariat can write on ``run``, in document order."""
    goals = [
        Section(f"goal-{g.code}", f"Goal {g.code}: {g.title}") for g in load_plan(run.plan).goals()
    ]
    return [
        Section(KEY_MESSAGES, "Key messages"),
        *goals,
        Section(CONCLUSIONS, "Conclusions"),
        Section(RECOMMENDATIONS, "Recommendations"),
    ]


def section_of(run: EvaluationRun, key: str) -> Section:
    for section in sections(run):
        if section.key == key:
            return section
    raise RunError(f"{run.name!r} has no section {key!r}")


def sanitise(html: str) -> str:
    """``html`` reduced to the allow-list (paragraphs, emphasis, lists, links)."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
    ).strip()


def _open(run: EvaluationRun) -> None:
    if run.published:
        raise RunError(f"{run.name!r} is published: its text is frozen")


def write(run: EvaluationRun, key: str, html: str, user: Any) -> WrittenText:
    """Save a new version of section ``key`` of ``run`` (sanitised)."""
    _open(run)
    section_of(run, key)
    if len(html) > MAX_LENGTH:
        raise RunError(f"the text of {key!r} is longer than {MAX_LENGTH} characters")
    with transaction.atomic():
        last = (
            WrittenText.objects.select_for_update()
            .filter(run=run, section=key)
            .aggregate(top=Max("version"))["top"]
        )
        return WrittenText.objects.create(
            run=run, section=key, version=(last or 0) + 1, html=sanitise(html), author=user
        )


def latest_texts(run: EvaluationRun) -> dict[str, WrittenText]:
    """The latest version of each written section of ``run``."""
    found: dict[str, WrittenText] = {}
    for text in WrittenText.objects.filter(run=run).select_related("author"):
        found[text.section] = text  # ordered by section then version: the last one wins
    return found


def history(run: EvaluationRun, key: str) -> list[WrittenText]:
    return list(WrittenText.objects.filter(run=run, section=key).select_related("author"))


def comment(run: EvaluationRun, key: str, text: str, user: Any) -> ReviewComment:
    _open(run)
    section_of(run, key)
    body = text.strip()
    if not body:
        raise RunError("a comment needs some text")
    return ReviewComment.objects.create(run=run, section=key, text=body[:MAX_LENGTH], author=user)


def resolve(run: EvaluationRun, comment_id: int, user: Any, resolution: str = "") -> ReviewComment:
    _open(run)
    found = ReviewComment.objects.filter(run=run, pk=comment_id).first()
    if found is None:
        raise RunError(f"{run.name!r} has no comment {comment_id}")
    if found.resolved_at is not None:
        raise RunError(f"comment {comment_id} is already resolved")
    found.resolved_at = timezone.now()
    found.resolved_by = user
    found.resolution = resolution.strip()[:MAX_LENGTH]
    found.save(update_fields=["resolved_at", "resolved_by", "resolution"])
    return found


def comments(run: EvaluationRun, open_only: bool = False) -> list[ReviewComment]:
    found = ReviewComment.objects.filter(run=run).select_related("author", "resolved_by")
    return list(found.filter(resolved_at__isnull=True) if open_only else found)


@dataclass(frozen=True)
class MergedSection:
    """A section of the document: the generated text and, when written, the
    Secretariat's, each with its label."""

    key: str
    title: str
    generated: tuple[str, ...]
    written: str | None
    author: str | None

    @property
    def labels(self) -> tuple[str, ...]:
        return (GENERATED_LABEL,) + ((WRITTEN_LABEL,) if self.written else ())


def merged_sections(
    run: EvaluationRun, generated: dict[str, Iterable[str]] | None = None
) -> list[MergedSection]:
    """Every section of ``run`` with its generated sentences and its written text."""
    texts = latest_texts(run)
    generated = generated or {}
    return [
        MergedSection(
            s.key,
            s.title,
            tuple(generated.get(s.key, ())),
            texts[s.key].html if s.key in texts else None,
            _author(texts[s.key]) if s.key in texts else None,
        )
        for s in sections(run)
    ]


def _author(text: WrittenText) -> str | None:
    """The user name of who wrote ``text`` (``None`` once the user is deleted)."""
    return text.author.get_username() if text.author is not None else None
