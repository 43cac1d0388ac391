"""Generate the demonstration dataset: fourth- and fifth-cycle national reports of real
Parties, with made-up answers that satisfy the shipped formats.

Deterministic: the same parties and seed give the same documents. The numbers it is
built to (reports per region, late, incomplete...) are in ``design``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from cpbmonitor.core.demo import design as d
from cpbmonitor.core.demo.answers import Answerer, answer_questionnaire, droppable
from cpbmonitor.core.demo.needs import allocate_exact, needs_answers, next_needs, paragraph_counts
from cpbmonitor.core.demo.parties import DemoParty
from cpbmonitor.core.demo.texts import TextWriter, language_of
from cpbmonitor.core.formats import (
    Question,
    Questionnaire,
    crosswalk,
    cycle_for_schema,
    shipped_format,
)
from cpbmonitor.core.formats.model import TEXT_TYPES
from cpbmonitor.core.reports import ReportDocument

DIFFICULTY_SPREAD = 0.12
DIFFICULTY_LIMIT = 0.15
"""No question is easier or harder than this (no question everyone meets, or none does)."""
SUB_QUESTION_SPREAD = 0.03
"""How far a sub-question's difficulty strays from its sub-section's."""


@dataclass(frozen=True)
class DemoDataset:
    """Generated national report documents, labelled as such."""

    documents: tuple[ReportDocument, ...]
    label: str = d.LABEL
    seed: int = d.DEFAULT_SEED

    def for_schema(self, schema: str) -> list[ReportDocument]:
        return [doc for doc in self.documents if doc.schema == schema]


@dataclass
class _Submission:
    party: DemoParty
    design: d.CycleDesign
    level: float
    needs: set[int] | None = None
    late: bool = False
    incomplete: bool = False
    submitted_on: dt.datetime = field(default_factory=lambda: dt.datetime.min)
    revision_of: _Submission | None = None
    """For the earlier submission of a superseded report: the revised one."""


def _rng(seed: int, *parts: str) -> random.Random:
    return random.Random(":".join(["cpb-demo", str(seed), *parts]))


def _clamp(value: float) -> float:
    return max(0.05, min(0.95, value))


def _sample(rng: random.Random, weights: Mapping[str, float], count: int) -> list[str]:
    keyed = sorted(weights, key=lambda k: rng.random() ** (1.0 / weights[k]), reverse=True)
    return sorted(keyed[:count])


class _Generator:
    def __init__(self, parties: Sequence[DemoParty], seed: int) -> None:
        self.seed = seed
        self.parties = {p.iso2: p for p in sorted(parties, key=lambda p: p.iso2)}
        rng = _rng(seed, "levels")
        self.level4: dict[str, float] = {}
        self.level5: dict[str, float] = {}
        for code, party in self.parties.items():
            self.level4[code] = _clamp(
                rng.gauss(d.REGION_LEVEL.get(party.region, 0.5), d.LEVEL_SPREAD)
            )
            self.level5[code] = _clamp(self.level4[code] + rng.gauss(*d.IMPROVEMENT))
        self.formats = {c.schema: shipped_format(c.schema) for c in d.CYCLES}
        self.difficulty = self._difficulty()
        self.reporting, self.area_counts = paragraph_counts(d.PLAN_VERSION)

    def _difficulty(self) -> dict[str, dict[str, float]]:
        """Per-question offsets; a fifth-report question shares its fourth-report twin's."""
        rng = _rng(self.seed, "difficulty")
        four: dict[str, float] = {}
        for question in _scored(self.formats[d.CYCLE4.schema]):
            four[question.key] = _difficulty(rng, four.get(question.parent or ""))
        walk = crosswalk(d.CYCLE5.schema, d.CYCLE4.schema)
        five: dict[str, float] = {}
        for question in _scored(self.formats[d.CYCLE5.schema]):
            twin = walk.map_question(question.key)
            five[question.key] = (
                four[twin] if twin in four else _difficulty(rng, five.get(question.parent or ""))
            )
        return {d.CYCLE4.schema: four, d.CYCLE5.schema: five}

    # ------------------------------------------------------------ who reports

    def reporters(
        self,
        design: d.CycleDesign,
        levels: Mapping[str, float],
        favour: frozenset[str] = frozenset(),
    ) -> list[_Submission]:
        deadline = cycle_for_schema(design.schema).deadline
        rng = _rng(self.seed, design.tag, "reporters")
        chosen: list[str] = []
        for region, quota in design.quotas.items():
            weights = {
                code: (3.0 if code in favour else 1.0) * (0.5 + levels[code])
                for code, p in self.parties.items()
                if p.region == region and p.is_party_on(deadline)
            }
            chosen += _sample(rng, weights, quota)
        return [_Submission(self.parties[c], design, levels[c]) for c in sorted(chosen)]

    def non_party(self, design: d.CycleDesign) -> _Submission | None:
        day = design.non_party_submitted
        for code in d.NON_PARTY_CANDIDATES:
            party = self.parties.get(code)
            if party is not None and not party.is_party_on(day):
                level = self.level4[code] if design is d.CYCLE4 else self.level5[code]
                submission = _Submission(party, design, level)
                submission.submitted_on = dt.datetime(
                    day.year, day.month, day.day, 9, tzinfo=dt.UTC
                )
                return submission
        return None

    # ------------------------------------------------------------ needs

    def needs4(self, reporters: list[_Submission]) -> None:
        if len(reporters) != self.reporting:
            raise ValueError(
                f"the needs survey counts {self.reporting} reporting Parties, but the list of "
                f"governments gives {len(reporters)} fourth-cycle reporters"
            )
        rng = _rng(self.seed, "needs4")
        ranked = sorted(reporters, key=lambda s: s.level + rng.gauss(0.0, 0.1), reverse=True)
        needy = ranked[d.FOURTH_CYCLE_NO_NEEDS :]
        weights = {s.party.iso2: 0.4 + (1.0 - s.level) for s in needy}
        areas = allocate_exact(rng, weights, self.area_counts)
        for submission in needy:
            submission.needs = areas[submission.party.iso2]

    def rates4(self) -> list[float]:
        needy = self.reporting - d.FOURTH_CYCLE_NO_NEEDS
        return [count / needy for count in self.area_counts]

    def needs5(self, submission: _Submission, before: _Submission | None) -> None:
        rng = _rng(self.seed, "needs", submission.design.tag, submission.party.iso2)
        if before is None:
            chance = min(0.95, 1.3 - submission.level)
        else:
            chance = 0.92 if before.needs is not None else 0.2
        if rng.random() < chance:
            earlier = before.needs if before is not None else None
            pressure = 0.6 + 0.8 * (1.0 - submission.level)
            submission.needs = next_needs(rng, earlier, self.rates4(), pressure)

    # ------------------------------------------------------------ when, and how complete

    def schedule(self, design: d.CycleDesign, reporters: list[_Submission]) -> None:
        rng = _rng(self.seed, design.tag, "schedule")
        weights = {s.party.iso2: 1.3 - s.level for s in reporters}
        late = set(_sample(rng, weights, design.late))
        incomplete = set(_sample(rng, weights, design.incomplete))
        deadline = cycle_for_schema(design.schema).deadline
        for submission in reporters:
            submission.late = submission.party.iso2 in late
            submission.incomplete = submission.party.iso2 in incomplete
            submission.submitted_on = _submission_time(rng, design, deadline, submission.late)

    def supersede(self, reporters: list[_Submission]) -> _Submission:
        """An earlier, incomplete submission by one government whose report is complete."""
        design = d.SUPERSEDED_CYCLE
        rng = _rng(self.seed, design.tag, "superseded")
        earliest = design.opens + dt.timedelta(days=130)
        candidates = [
            s
            for s in reporters
            if not (s.late or s.incomplete) and s.submitted_on.date() >= earliest
        ]
        revised = rng.choice(candidates)
        earlier = _Submission(
            revised.party,
            design,
            _clamp(revised.level - 0.08),
            needs=revised.needs,
            incomplete=True,
            revision_of=revised,
        )
        earlier.submitted_on = revised.submitted_on - dt.timedelta(days=rng.randint(45, 120))
        return earlier

    # ------------------------------------------------------------ documents

    def document(self, submission: _Submission) -> ReportDocument:
        design, party = submission.design, submission.party
        questionnaire = self.formats[design.schema]
        tag = "earlier" if submission.revision_of else "current"
        rng = _rng(self.seed, design.tag, party.iso2, tag)
        writer = TextWriter(
            self.seed, f"{design.tag}-{tag}", party.iso2, submission.level, submission.needs
        )
        answerer = Answerer(rng, submission.level, self.difficulty[design.schema], writer=writer)
        fixed = needs_answers(
            _question(questionnaire, design.needs_question),
            _question(questionnaire, design.areas_question),
            submission.needs,
        )
        answers = answer_questionnaire(questionnaire, answerer, fixed)
        answers.update(writer.text_answers(questionnaire, answers))
        if submission.incomplete:
            protected = frozenset({design.needs_question, design.areas_question})
            keys = droppable(questionnaire, answers, protected)
            for key in rng.sample(keys, rng.randint(*d.MISSING_IN_INCOMPLETE)):
                del answers[key]
        published = submission.submitted_on + dt.timedelta(
            days=rng.randint(1, 21), hours=rng.randint(0, 8)
        )
        return ReportDocument(
            schema=design.schema,
            identifier=f"{d.IDENTIFIER_PREFIX}{design.tag}-{party.iso2}",
            government=party.iso2,
            submitted_on=submission.submitted_on,
            published_on=published,
            answers=answers,
            languages=(language_of(party.iso2),),
            extra={d.DEMO_MARK: {"label": d.LABEL, "seed": self.seed}},
        )


def _scored(questionnaire: Questionnaire) -> list[Question]:
    """The questions answered from a level (free-text questions are written apart)."""
    return [q for q in questionnaire.all_questions() if q.type not in TEXT_TYPES]


def _difficulty(rng: random.Random, parent: float | None) -> float:
    """A question's difficulty offset; a sub-question's stays near its sub-section's."""
    if parent is not None:
        return parent + rng.gauss(0.0, SUB_QUESTION_SPREAD)
    return max(-DIFFICULTY_LIMIT, min(DIFFICULTY_LIMIT, rng.gauss(0.0, DIFFICULTY_SPREAD)))


def _question(questionnaire: Questionnaire, key: str) -> Question:
    question = questionnaire.question(key)
    if question is None:
        raise KeyError(f"{questionnaire.schema} has no question {key}")
    return question


def _submission_time(
    rng: random.Random, design: d.CycleDesign, deadline: dt.date, late: bool
) -> dt.datetime:
    """On time: between the opening and the deadline, most near the deadline. Late:
    after the deadline, up to ``closes``, most soon after it."""
    if late:
        span = (design.closes - deadline).days - 1
        day = deadline + dt.timedelta(days=1 + round(rng.triangular(0, span, 0)))
    else:
        span = (deadline - design.opens).days
        day = deadline - dt.timedelta(days=round(rng.triangular(0, span, 0)))
    return dt.datetime(
        day.year, day.month, day.day, rng.randint(6, 20), rng.randint(0, 59), tzinfo=dt.UTC
    )


def generate_demo(parties: Sequence[DemoParty], seed: int = d.DEFAULT_SEED) -> DemoDataset:
    """The demonstration dataset for ``parties`` (the shipped list of governments:
    ``read_parties()``). Raises ``ValueError`` when the list cannot give the fourth
    cycle's reporting Parties that the plan's needs survey counts."""
    gen = _Generator(parties, seed)
    four = gen.reporters(d.CYCLE4, gen.level4)
    gen.needs4(four)
    gen.schedule(d.CYCLE4, four)
    by_code = {s.party.iso2: s for s in four}
    five = gen.reporters(d.CYCLE5, gen.level5, favour=frozenset(by_code))
    for submission in five:
        gen.needs5(submission, by_code.get(submission.party.iso2))
    gen.schedule(d.CYCLE5, five)
    submissions = [*four, *five, gen.supersede(five)]
    for design in d.CYCLES:
        extra = gen.non_party(design)
        if extra is not None:
            gen.needs5(extra, None)
            submissions.append(extra)
    submissions.sort(key=lambda s: (s.design.schema, s.submitted_on, s.party.iso2))
    documents = tuple(gen.document(s) for s in submissions)
    return DemoDataset(documents, d.LABEL, seed)
