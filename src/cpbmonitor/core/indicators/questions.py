"""The question analyzer: how Parties answered one question, by region, beside the
corresponding question of the previous cycle.

Counts cover Parties to the Protocol on the cycle's deadline that have a report for the
cycle; percentages are of the Parties in the group that answered the question (an
answer left in a question disabled by the format's conditions is not an answer). The
previous cycle's question comes from the crosswalk between the two formats
(``formats.crosswalk``) unless a ``mapping`` is given; its option values are mapped to
the current ones, and previous options no current option maps to are listed apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from cpbmonitor.core.formats.model import Question, Questionnaire
from cpbmonitor.core.indicators.compiler import Accessors
from cpbmonitor.core.indicators.engine import parties_on, reports_of
from cpbmonitor.core.indicators.inputs import GLOBAL, GROUPS, CycleInfo, PartyFacts, ReportFacts

_ValueMap = Callable[[str], str]


@dataclass(frozen=True)
class PreviousCycle:
    questionnaire: Questionnaire
    cycle: CycleInfo
    mapping: Mapping[str, str] | None = None
    """Current key -> previous key; ``None``: use the shipped crosswalk."""
    value_mapping: Mapping[str, str] | None = None
    """Current option value -> previous value (with ``mapping``); others map to themselves."""


@dataclass(frozen=True)
class OptionCount:
    value: str
    title: str
    counts: Mapping[str, int]
    """Reports choosing the option, per group."""
    percents: Mapping[str, float | None]
    """Their share (percent) of the reports that answer the question, per group."""

    @property
    def label(self) -> str:
        return self.title or self.value

    def share(self, group: str) -> float | None:
        return self.percents.get(group)


@dataclass(frozen=True)
class CycleAnswers:
    """How the Parties of one cycle answered one question."""

    key: str
    cycle: int
    title: str
    reporting: Mapping[str, int]
    """Parties with a report, per group."""
    respondents: Mapping[str, int]
    """Parties that answered the question, per group."""
    options: tuple[OptionCount, ...]
    schema: str = ""
    """The report format (``cpbNationalReport5``...) the question belongs to."""

    def option(self, value: str) -> OptionCount | None:
        return next((o for o in self.options if o.value == value), None)


@dataclass(frozen=True)
class OptionCell:
    """One option in one group: this cycle's count and share beside the previous one's."""

    group: str
    count: int
    share: float | None
    previous_share: float | None

    @property
    def change(self) -> float | None:
        if self.share is None or self.previous_share is None:
            return None
        return self.share - self.previous_share


@dataclass(frozen=True)
class OptionRow:
    """One option of the current cycle, the previous cycle's mapped option beside it."""

    option: OptionCount
    previous: OptionCount | None
    cells: tuple[OptionCell, ...]


@dataclass(frozen=True)
class QuestionAnalysis:
    current: CycleAnswers
    previous: CycleAnswers | None = None
    """The previous cycle's counts, its options listed under the current option values."""
    previous_unmatched: tuple[OptionCount, ...] = ()
    """Previous options that no current option maps to."""
    note: str | None = None

    def rows(self) -> list[OptionRow]:
        """One row per current option, a cell per group (the previous cycle's options are
        aligned with the current ones, place by place)."""
        before: list[OptionCount | None] = (
            list(self.previous.options) if self.previous else [None] * len(self.current.options)
        )
        return [
            OptionRow(
                option,
                old,
                tuple(
                    OptionCell(
                        group,
                        option.counts.get(group, 0),
                        option.share(group),
                        old.share(group) if old else None,
                    )
                    for group in GROUPS
                ),
            )
            for option, old in zip(self.current.options, before, strict=True)
        ]


def _percent(count: int, total: int) -> float | None:
    return round(100.0 * count / total, 2) if total else None


def count_answers(
    questionnaire: Questionnaire,
    reports: Iterable[ReportFacts],
    parties: Iterable[PartyFacts],
    key: str,
    cycle: CycleInfo,
) -> tuple[CycleAnswers, Question]:
    question = questionnaire.question(key)
    if question is None:
        raise KeyError(f"unknown question {key!r} in {questionnaire.schema}")
    members = parties_on(parties, cycle)
    chosen = reports_of(reports, cycle, members)
    read = Accessors(questionnaire).reader(key)
    zero = dict.fromkeys(GROUPS, 0)
    reporting, respondents = dict(zero), dict(zero)
    counts = {o.value: dict(zero) for o in question.options}
    for government, report in chosen.items():
        region = members[government].region
        groups = (GLOBAL, region) if region in zero and region != GLOBAL else (GLOBAL,)
        values = read(report.answers)
        for group in groups:
            reporting[group] += 1
            if values:
                respondents[group] += 1
            for value in values:
                if value in counts:
                    counts[value][group] += 1
    options = tuple(
        OptionCount(
            o.value,
            o.title,
            counts[o.value],
            {g: _percent(counts[o.value][g], respondents[g]) for g in GROUPS},
        )
        for o in question.options
    )
    answers = CycleAnswers(
        key, cycle.number, question.title, reporting, respondents, options, questionnaire.schema
    )
    return answers, question


def analyze_question(
    questionnaire: Questionnaire,
    reports: Iterable[ReportFacts],
    parties: Iterable[PartyFacts],
    key: str,
    cycle: CycleInfo,
    previous: PreviousCycle | None = None,
) -> QuestionAnalysis:
    """Counts and percentages of each option of ``key``, by region, for ``cycle``;
    with ``previous``, beside the mapped question of the previous cycle.
    ``reports`` may hold both cycles' reports; each side keeps its own cycle's."""
    reports = list(reports)
    parties = list(parties)
    current, _ = count_answers(questionnaire, reports, parties, key, cycle)
    if previous is None:
        return QuestionAnalysis(current)
    old_key, value_of = _mapping(questionnaire, previous, key)
    if old_key is None or previous.questionnaire.question(old_key) is None:
        return QuestionAnalysis(
            current, note=f"{key} has no counterpart in {previous.questionnaire.schema}"
        )
    before, _ = count_answers(previous.questionnaire, reports, parties, old_key, previous.cycle)
    by_value = {o.value: o for o in before.options}
    aligned: list[OptionCount] = []
    used: set[str] = set()
    for option in current.options:
        old_value = value_of(option.value)
        used.add(old_value)
        found = by_value.get(old_value)
        aligned.append(
            found
            if found is not None
            else OptionCount(old_value, "", dict.fromkeys(GROUPS, 0), dict.fromkeys(GROUPS))
        )
    unmatched = tuple(o for o in before.options if o.value not in used)
    previous_answers = replace(before, options=tuple(aligned))
    return QuestionAnalysis(current, previous_answers, unmatched)


def _mapping(
    questionnaire: Questionnaire, previous: PreviousCycle, key: str
) -> tuple[str | None, _ValueMap]:
    if previous.mapping is not None:
        values = previous.value_mapping or {}
        return previous.mapping.get(key), lambda v: values.get(v, v)
    from cpbmonitor.core.formats import crosswalk

    walk = crosswalk(questionnaire.schema, previous.questionnaire.schema)
    return walk.map_question(key), lambda v: walk.map_value(key, v)
