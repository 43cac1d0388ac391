"""Whether a change between two cycles measures a real change: the comparability of an
indicator's values in two cycles, computed from the methodology and the format crosswalks.

Four classes, from the most to the least comparable:

- ``same``: both cycles read the same questions (same keys) with the same options, or the
  same record measure, or the same reporting/treaty status;
- ``crosswalked``: the questions differ in key only; the crosswalk between the formats
  links each question one cycle reads to the one the other reads, with the same options
  (after the crosswalk's value mapping);
- ``stand-in``: one cycle reads a different question standing in for the indicator's own
  (a baseline proxy): declared in the methodology (``stand_in``) or found because the
  questions a cycle reads are not the crosswalk counterparts of the other's;
- ``not-comparable``: the options of a linked question differ between the formats (an
  answer such as "to some extent" exists in one cycle only), the methodology declares
  the cycle not comparable (``not_comparable``), or a cycle has no value to compare.

Only ``same`` and ``crosswalked`` changes count as improved or declined. Every class
carries its reasons in plain words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from cpbmonitor.core.formats.crosswalk import Crosswalk
from cpbmonitor.core.formats.model import Question, Questionnaire
from cpbmonitor.core.indicators import rules
from cpbmonitor.core.indicators.inputs import CycleInfo
from cpbmonitor.core.indicators.methodology import IndicatorMethod

Kind = Literal["same", "crosswalked", "stand-in", "not-comparable"]
KINDS: tuple[Kind, ...] = ("same", "crosswalked", "stand-in", "not-comparable")
COMPARABLE: frozenset[str] = frozenset({"same", "crosswalked"})
LABELS: Mapping[str, str] = {
    "same": "same question and options",
    "crosswalked": "crosswalked question",
    "stand-in": "stand-in question",
    "not-comparable": "not comparable",
}

CrosswalkFinder = Callable[[str, str], Crosswalk | None]


@dataclass(frozen=True)
class Comparability:
    kind: Kind
    reasons: tuple[str, ...] = ()

    @property
    def comparable(self) -> bool:
        return self.kind in COMPARABLE

    @property
    def label(self) -> str:
        return LABELS[self.kind]

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "label": self.label, "reason": self.reason}


def shipped_crosswalk(schema_from: str, schema_to: str) -> Crosswalk | None:
    from cpbmonitor.core.formats import crosswalk

    try:
        return crosswalk(schema_from, schema_to)
    except KeyError:
        return None


class _Finding:
    """Reasons collected per class; the result is the least comparable class found."""

    def __init__(self) -> None:
        self.found: dict[Kind, list[str]] = {}

    def add(self, kind: Kind, reason: str) -> None:
        reasons = self.found.setdefault(kind, [])
        if reason not in reasons:
            reasons.append(reason)

    def result(self, default: Kind, reason: str) -> Comparability:
        for kind in reversed(KINDS):
            if kind in self.found:
                return Comparability(kind, tuple(self.found[kind]))
        return Comparability(default, (reason,))


def compare(
    entry: IndicatorMethod | None,
    path: Sequence[CycleInfo],
    forms: Mapping[int, Questionnaire | None],
    find: CrosswalkFinder = shipped_crosswalk,
) -> Comparability:
    """How comparable ``entry``'s values are between the first and last cycle of ``path``
    (the cycles from the earlier to the later one, in order: a crosswalk is followed
    from each format to the one before)."""
    earlier, later = path[0], path[-1]
    a, b = earlier.number, later.number
    if entry is None:
        return Comparability("not-comparable", ("no methodology entry",))
    if entry.source == "not-measurable" or entry.pending:
        return Comparability("not-comparable", ("the indicator is not measured",))
    finding = _Finding()
    for n in (a, b):
        if n in entry.not_comparable:
            finding.add("not-comparable", f"cycle {n}: {entry.not_comparable[n]}")
        if n in entry.stand_in:
            finding.add("stand-in", f"cycle {n}: {entry.stand_in[n]}")
    if entry.source != "national-reports":
        what = f"record measure {entry.measure}" if entry.measure else entry.source
        return finding.result("same", f"the same {what} in both cycles")
    for n in (a, b):
        if n not in entry.rules:
            finding.add("not-comparable", f"no rule for cycle {n}: {entry.no_rule.get(n, '')}")
    if a not in entry.rules or b not in entry.rules:
        return finding.result("not-comparable", "")
    same = True
    for texts in (entry.rules, entry.population_rules):
        if a in texts and b in texts:
            same &= _compare_rules(texts[a], texts[b], path, forms, find, finding)
    if "stand-in" in finding.found and entry.note:
        finding.add("stand-in", entry.note)
    if same:
        return finding.result("same", "the same questions and options in both formats")
    return finding.result("crosswalked", "the crosswalk links the questions, options unchanged")


def _keys(text: str, form: Questionnaire | None) -> list[str]:
    """The questions a rule reads (sub-sections expanded when the format is known)."""
    return sorted(rules.keys_of(rules.parse(text), form))


def _compare_rules(
    earlier_text: str,
    later_text: str,
    path: Sequence[CycleInfo],
    forms: Mapping[int, Questionnaire | None],
    find: CrosswalkFinder,
    finding: _Finding,
) -> bool:
    """Adds what it finds; returns whether every key is the same in both cycles."""
    a, b = path[0].number, path[-1].number
    read_before = _keys(earlier_text, forms.get(a))
    same = True
    for key in _keys(later_text, forms.get(b)):
        target, values = _follow(key, path, find)
        if target is None:
            finding.add("stand-in", f"{key} (cycle {b}) has no counterpart in cycle {a}'s format")
            same = False
            continue
        if target not in read_before:
            finding.add(
                "stand-in",
                f"cycle {a} reads {', '.join(read_before)}, not {target}, the counterpart "
                f"of {key} (cycle {b})",
            )
            same = False
            continue
        same &= target == key
        _compare_options(key, target, values, forms.get(b), forms.get(a), a, b, finding)
    return same


def _follow(
    key: str, path: Sequence[CycleInfo], find: CrosswalkFinder
) -> tuple[str | None, dict[str, str]]:
    """``key`` of the last cycle's format carried back to the first cycle's, with the
    value mapping (later value -> earlier value) along the way."""
    current: str | None = key
    values: dict[str, str] = {}
    for newer, older in zip(reversed(path[1:]), reversed(path[:-1]), strict=True):
        if current is None:
            break
        if newer.schema == older.schema:
            continue
        walk = find(newer.schema, older.schema)
        if walk is None:
            return None, values
        before = current
        current = walk.map_question(before)
        link = walk.links.get(before)
        if link is not None:
            values = {k: link.values.get(v, v) for k, v in values.items()} or dict(link.values)
    return current, values


def _compare_options(
    key: str,
    target: str,
    values: Mapping[str, str],
    later: Questionnaire | None,
    earlier: Questionnaire | None,
    a: int,
    b: int,
    finding: _Finding,
) -> None:
    if later is None or earlier is None:
        return
    new, old = later.question(key), earlier.question(target)
    if new is None or old is None:
        if old is None:
            finding.add("stand-in", f"{target} is not in cycle {a}'s format")
        return
    for sub_new, sub_old in _pairs(new, old):
        held = set(sub_old.option_values)
        mapped = {_mapped(v, values, held) for v in sub_new.option_values}
        if mapped != held:
            only_old = ", ".join(sorted(held - mapped)) or "-"
            only_new = ", ".join(sorted(mapped - held)) or "-"
            finding.add(
                "not-comparable",
                f"the options of {sub_old.key} (cycle {a}) and {sub_new.key} (cycle {b}) "
                f"differ: only in cycle {a}: {only_old}; only in cycle {b}: {only_new}",
            )


def _mapped(value: str, values: Mapping[str, str], held: set[str]) -> str:
    """A later option value as the earlier format writes it: through the value mapping,
    unless the mapping names a value the earlier format does not have while the value
    itself is one of its options (the BCH's mapping of 1+ to 5-, for instance)."""
    target = values.get(value, value)
    return value if target not in held and value in held else target


def _pairs(new: Question, old: Question) -> list[tuple[Question, Question]]:
    """The question pair and, for sub-sections, their sub-questions in order."""
    if new.questions and old.questions and len(new.questions) == len(old.questions):
        return list(zip(new.questions, old.questions, strict=True))
    return [(new, old)]
