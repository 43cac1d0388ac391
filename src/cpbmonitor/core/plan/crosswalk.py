"""Crosswalk between two plan versions: which goal, objective and indicator became which.

The crosswalk is curated data (``crosswalk-<old>-<new>.yaml``). ``suggest`` proposes
candidates by text similarity (rapidfuzz) to start the curation; ``load_crosswalk``
validates the curated file against both versions: every item of either version is
accounted for, codes exist, and each change kind agrees with the texts and codes.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process

from cpbmonitor.core.plan.model import PlanVersion
from cpbmonitor.core.yamlfile import Location, load_model

DATA_DIR = Path(__file__).parent / "data"

Kind = Literal["goal", "objective", "indicator"]
Change = Literal["same", "reworded", "renumbered", "added", "removed", "merged", "split"]
KINDS: tuple[Kind, ...] = ("goal", "objective", "indicator")


class CrosswalkEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    kind: Kind
    old: list[str] = Field(default_factory=list)
    new: list[str] = Field(default_factory=list)
    change: list[Change] = Field(min_length=1)
    note: str | None = None


class Crosswalk(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    old: str
    new: str
    entries: list[CrosswalkEntry]

    def for_kind(self, kind: Kind) -> list[CrosswalkEntry]:
        return [entry for entry in self.entries if entry.kind == kind]

    def new_codes_for(self, kind: Kind, old_code: str) -> list[str]:
        return [c for e in self.for_kind(kind) if old_code in e.old for c in e.new]

    def old_codes_for(self, kind: Kind, new_code: str) -> list[str]:
        return [c for e in self.for_kind(kind) if new_code in e.new for c in e.old]


def texts(plan: PlanVersion, kind: Kind) -> dict[str, str]:
    """Code -> text of every goal, objective or indicator of ``plan``."""
    if kind == "goal":
        return {goal.code: goal.title for goal in plan.goals()}
    if kind == "objective":
        return {objective.code: objective.text for objective in plan.objectives()}
    return {indicator.code: indicator.text for indicator in plan.indicators()}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def crosswalk_file(old: str, new: str) -> Path:
    return DATA_DIR / f"crosswalk-{old}-{new}.yaml"


def load_crosswalk(old: PlanVersion, new: PlanVersion, path: Path | None = None) -> Crosswalk:
    path = path or crosswalk_file(old.id, new.id)
    if not path.exists():
        from cpbmonitor.core.yamlfile import DataFileError

        raise DataFileError(path, f"no curated crosswalk from {old.id} to {new.id}")

    def consistent(crosswalk: Crosswalk) -> Iterator[tuple[Location, str]]:
        yield from crosswalk_problems(crosswalk, old, new)

    return load_model(path, Crosswalk, checks=[consistent])


def crosswalk_problems(
    crosswalk: Crosswalk, old: PlanVersion, new: PlanVersion
) -> Iterator[tuple[Location, str]]:
    if (crosswalk.old, crosswalk.new) != (old.id, new.id):
        yield (
            ("old",),
            f"the file maps {crosswalk.old} -> {crosswalk.new}, not {old.id} -> {new.id}",
        )
        return
    for index, entry in enumerate(crosswalk.entries):
        yield from _entry_problems(entry, ("entries", index), old, new)
    for kind in KINDS:
        yield from _coverage_problems(crosswalk, kind, old, new)


def _entry_problems(
    entry: CrosswalkEntry, where: Location, old: PlanVersion, new: PlanVersion
) -> Iterator[tuple[Location, str]]:
    old_texts, new_texts = texts(old, entry.kind), texts(new, entry.kind)
    for field, codes, known, version in (
        ("old", entry.old, old_texts, old.id),
        ("new", entry.new, new_texts, new.id),
    ):
        for index, code in enumerate(codes):
            if code not in known:
                yield (*where, field, index), f"{version} has no {entry.kind} {code}"
    expectation = _change_expectations(entry, old_texts, new_texts)
    for problem in expectation:
        yield (*where, "change"), problem


def _change_expectations(
    entry: CrosswalkEntry, old_texts: dict[str, str], new_texts: dict[str, str]
) -> Iterator[str]:
    changes = set(entry.change)
    sizes = (len(entry.old), len(entry.new))
    rules: dict[str, bool] = {
        "added": sizes[0] == 0 and sizes[1] >= 1,
        "removed": sizes[0] >= 1 and sizes[1] == 0,
        "merged": sizes[0] >= 2 and sizes[1] == 1,
        "split": sizes[0] == 1 and sizes[1] >= 2,
    }
    for change, holds in rules.items():
        if change in changes and not holds:
            yield f"'{change}' does not fit {sizes[0]} old and {sizes[1]} new items"
    if sizes != (1, 1):
        if not changes & set(rules):
            yield "an entry that is not one-to-one must be added, removed, merged or split"
        return
    old_code, new_code = entry.old[0], entry.new[0]
    same_text = normalise(old_texts.get(old_code, "")) == normalise(new_texts.get(new_code, ""))
    if ("same" in changes) != (same_text and old_code == new_code):
        yield "'same' means the same code and the same text"
    if ("reworded" in changes) == same_text:
        yield "'reworded' must be given exactly when the texts differ"
    if ("renumbered" in changes) == (old_code == new_code):
        yield "'renumbered' must be given exactly when the codes differ"


def _coverage_problems(
    crosswalk: Crosswalk, kind: Kind, old: PlanVersion, new: PlanVersion
) -> Iterator[tuple[Location, str]]:
    entries = crosswalk.for_kind(kind)
    mapped_old = {code for entry in entries for code in entry.old}
    mapped_new = {code for entry in entries for code in entry.new}
    for code in texts(old, kind):
        if code not in mapped_old:
            yield ("entries",), f"{kind} {code} of {old.id} is in no entry (use 'removed')"
    for code in texts(new, kind):
        if code not in mapped_new:
            yield ("entries",), f"{kind} {code} of {new.id} is in no entry (use 'added')"


@dataclass(frozen=True)
class Candidate:
    kind: Kind
    old: str
    new: str
    score: float


def suggest(old: PlanVersion, new: PlanVersion, kind: Kind, limit: int = 2) -> list[Candidate]:
    """For each old item, the most similar new items (token-set ratio, 0-100)."""
    new_texts = texts(new, kind)
    candidates: list[Candidate] = []
    for code, text in texts(old, kind).items():
        matches = process.extract(text, new_texts, scorer=fuzz.token_set_ratio, limit=limit)
        candidates += [Candidate(kind, code, key, round(score, 1)) for _, score, key in matches]
    return candidates


DiffStep = tuple[Literal["equal", "removed", "added"], str]


def word_diff_steps(old_text: str, new_text: str) -> list[DiffStep]:
    """The words of ``old_text`` turned into ``new_text``: runs kept, removed and added."""
    old_words, new_words = normalise(old_text).split(" "), normalise(new_text).split(" ")
    steps: list[DiffStep] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            steps.append(("equal", " ".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            steps.append(("removed", " ".join(old_words[i1:i2])))
        if j2 > j1:
            steps.append(("added", " ".join(new_words[j1:j2])))
    return steps


def word_diff(old_text: str, new_text: str) -> str:
    """Rich markup showing removed words struck in red and added words in green."""
    from rich.markup import escape

    style = {"equal": "{}", "removed": "[red strike]{}[/]", "added": "[green]{}[/]"}
    return " ".join(
        style[tag].format(escape(words)) for tag, words in word_diff_steps(old_text, new_text)
    )


def diff_lines(crosswalk: Crosswalk, old: PlanVersion, new: PlanVersion) -> Iterator[str]:
    """Readable lines of the crosswalk, grouped by kind, with word-level differences."""
    from rich.markup import escape

    for kind in KINDS:
        entries = crosswalk.for_kind(kind)
        yield f"\n[bold underline]{kind.capitalize()}s[/] ({len(entries)} entries)"
        old_texts, new_texts = texts(old, kind), texts(new, kind)
        for entry in entries:
            arrow = f"{', '.join(entry.old) or '-'} -> {', '.join(entry.new) or '-'}"
            yield f"[bold]{arrow}[/]  [cyan]{', '.join(entry.change)}[/]"
            if "same" in entry.change:
                yield f"    {escape(old_texts[entry.old[0]])}"
            elif len(entry.old) == 1 and len(entry.new) == 1 and "reworded" in entry.change:
                yield "    " + word_diff(old_texts[entry.old[0]], new_texts[entry.new[0]])
            else:
                for code in entry.old:
                    yield f"    [red]- {code} {escape(old_texts[code])}[/]"
                for code in entry.new:
                    yield f"    [green]+ {code} {escape(new_texts[code])}[/]"
            if entry.note:
                yield f"    [dim italic]{escape(entry.note)}[/]"
