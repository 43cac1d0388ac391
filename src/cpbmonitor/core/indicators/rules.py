"""The rule language: conditions over one Party's national report answers.

A rule is a short text that says when a report meets an indicator, for instance::

    Q007 in [implementation.fullInPlace, implementation.partiallyInPlace]

Grammar (keywords are lower case; whitespace is free)::

    rule      := or
    or        := and ("or" and)*
    and       := not ("and" not)*
    not       := "not" not | primary
    primary   := "(" rule ")"
               | "answered" "(" subject ")"
               | "count" "(" subject "," list ")" compare NUMBER
               | subject "in" list                 any chosen value is in the list
               | subject "not" "in" list           no chosen value is in the list
               | subject "has" "all" list          every listed value is chosen
               | subject "has" "any" list          same as "in"
               | subject "=" value                 the value is chosen
               | subject "!=" value                the value is not chosen
    subject   := KEY                               a question or sub-question (Q011, Q090_a)
               | KEY "_*"                          every question inside sub-section KEY
    list      := "[" value ("," value)* "]"
    value     := WORD | 'quoted' | "quoted"        an option value (true, 1+, true.some, GUIDs)
    compare   := "=" | "!=" | ">=" | "<=" | ">" | "<"

``count(S, [a, b]) >= 2`` counts the listed values chosen (for ``KEY_*``: summed over
the sub-questions, so ``count(Q102_*, [true.availableOnBch]) >= 10`` reads "at least ten
categories are fully on the BCH"). For ``KEY_*`` the other forms look at the values chosen
in any of the sub-questions. An unanswered question has no chosen value: ``Q011 = true``
is false and ``not Q011 = true`` is true for a report that skipped Q011.

``parse`` turns a text into an AST (``RuleSyntaxError`` with the column on a mistake);
``validate`` checks it against a ``Questionnaire`` (unknown key, option value, or a
choice test on a text question: ``RuleValidationError``); ``compiler.compile_rule`` turns
it into a program that tests every report at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from cpbmonitor.core.formats.model import CHOICE_TYPES, CONTAINER_TYPES, Question, Questionnaire

KEY_PATTERN = re.compile(r"^[A-Za-z]\w*?(_\*)?$")
COMPARATORS = ("=", "!=", ">=", "<=", ">", "<")
KEYWORDS = frozenset({"and", "or", "not", "in", "has", "all", "any", "answered", "count"})


class RuleError(ValueError):
    """A rule cannot be used. ``position`` is the 0-based offset into ``rule``."""

    kind = "rule error"

    def __init__(self, message: str, rule: str, position: int) -> None:
        self.message = message
        self.rule = rule
        self.position = position
        super().__init__(f"{message} (column {position + 1} of rule {rule!r})")


class RuleSyntaxError(RuleError):
    kind = "syntax error"


class RuleValidationError(RuleError):
    kind = "invalid rule"


# -- tokens -------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    kind: str  # "word", "string", "op", "end"
    text: str
    pos: int


_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<op>!=|>=|<=|[=<>()\[\],])
      | (?P<string>'[^']*'|"[^"]*")
      | (?P<word>[A-Za-z0-9_.+\-*:/]+)""",
    re.VERBOSE,
)


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            raise RuleSyntaxError(f"unexpected character {text[pos]!r}", text, pos)
        kind = match.lastgroup or ""
        if kind == "string":
            tokens.append(Token("string", match.group()[1:-1], pos))
        elif kind != "space":
            tokens.append(Token(kind, match.group(), pos))
        pos = match.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


# -- AST ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    key: str
    pattern: bool
    pos: int

    def __str__(self) -> str:
        return f"{self.key}_*" if self.pattern else self.key


@dataclass(frozen=True)
class Values:
    items: tuple[str, ...]
    positions: tuple[int, ...]


@dataclass(frozen=True)
class Choice:
    """``subject in [..]`` (mode ``any``), ``has all [..]`` (``all``), ``not in`` (``none``)."""

    subject: Subject
    values: Values
    mode: str


@dataclass(frozen=True)
class Answered:
    subject: Subject


@dataclass(frozen=True)
class Count:
    subject: Subject
    values: Values
    op: str
    number: int


@dataclass(frozen=True)
class Not:
    item: Node


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


Node = Choice | Answered | Count | Not | And | Or
Test = Choice | Answered | Count


def walk(node: Node) -> Iterator[Node]:
    yield node
    if isinstance(node, Not):
        yield from walk(node.item)
    elif isinstance(node, And | Or):
        for item in node.items:
            yield from walk(item)


def subjects(node: Node) -> list[Subject]:
    return [n.subject for n in walk(node) if isinstance(n, Choice | Answered | Count)]


# -- parser -------------------------------------------------------------------------


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def error(self, message: str, token: Token | None = None) -> RuleSyntaxError:
        token = token or self.token
        return RuleSyntaxError(message, self.text, token.pos)

    def is_word(self, *words: str) -> bool:
        return self.token.kind == "word" and self.token.text in words

    def is_op(self, *ops: str) -> bool:
        return self.token.kind == "op" and self.token.text in ops

    def advance(self) -> Token:
        token = self.token
        self.index += 1
        return token

    def expect_op(self, op: str) -> Token:
        if not self.is_op(op):
            raise self.error(f"expected {op!r}, found {self._shown()}")
        return self.advance()

    def _shown(self) -> str:
        return "the end of the rule" if self.token.kind == "end" else repr(self.token.text)

    def parse(self) -> Node:
        if self.token.kind == "end":
            raise self.error("empty rule")
        node = self.parse_or()
        if self.token.kind != "end":
            raise self.error(f"expected 'and', 'or' or the end of the rule, found {self._shown()}")
        return node

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while self.is_word("or"):
            self.advance()
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self) -> Node:
        items = [self.parse_not()]
        while self.is_word("and"):
            self.advance()
            items.append(self.parse_not())
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_not(self) -> Node:
        if self.is_word("not"):
            self.advance()
            return Not(self.parse_not())
        return self.parse_primary()

    def parse_primary(self) -> Node:
        if self.is_op("("):
            self.advance()
            node = self.parse_or()
            self.expect_op(")")
            return node
        if self.is_word("answered"):
            self.advance()
            self.expect_op("(")
            subject = self.parse_subject()
            self.expect_op(")")
            return Answered(subject)
        if self.is_word("count"):
            return self.parse_count()
        subject = self.parse_subject()
        return self.parse_test(subject)

    def parse_count(self) -> Count:
        self.advance()
        self.expect_op("(")
        subject = self.parse_subject()
        self.expect_op(",")
        values = self.parse_list()
        self.expect_op(")")
        if not self.is_op(*COMPARATORS):
            raise self.error(
                f"expected a comparison (>=, >, =, ...) after count(), found {self._shown()}"
            )
        op = self.advance().text
        if self.token.kind != "word" or not self.token.text.isdigit():
            raise self.error(f"expected a whole number, found {self._shown()}")
        return Count(subject, values, op, int(self.advance().text))

    def parse_test(self, subject: Subject) -> Node:
        if self.is_word("in"):
            self.advance()
            return Choice(subject, self.parse_list(), "any")
        if self.is_word("not"):
            self.advance()
            if not self.is_word("in"):
                raise self.error(f"expected 'in' after 'not', found {self._shown()}")
            self.advance()
            return Choice(subject, self.parse_list(), "none")
        if self.is_word("has"):
            self.advance()
            if not self.is_word("all", "any"):
                raise self.error(f"expected 'all' or 'any' after 'has', found {self._shown()}")
            mode = self.advance().text
            return Choice(subject, self.parse_list(), mode)
        if self.is_op("=", "!="):
            op = self.advance().text
            token = self.parse_value_token()
            values = Values((token.text,), (token.pos,))
            return Choice(subject, values, "any" if op == "=" else "none")
        raise self.error(
            f"expected 'in', 'not in', 'has', '=' or '!=' after {subject}, found {self._shown()}"
        )

    def parse_subject(self) -> Subject:
        token = self.token
        if token.kind != "word" or token.text in KEYWORDS:
            raise self.error(f"expected a question key, found {self._shown()}")
        if not KEY_PATTERN.match(token.text):
            raise self.error(f"{token.text!r} is not a question key (like Q007 or Q102_*)")
        self.advance()
        if token.text.endswith("_*"):
            return Subject(token.text[:-2], True, token.pos)
        return Subject(token.text, False, token.pos)

    def parse_value_token(self) -> Token:
        if self.token.kind not in ("word", "string"):
            raise self.error(f"expected an option value, found {self._shown()}")
        return self.advance()

    def parse_list(self) -> Values:
        self.expect_op("[")
        tokens = [self.parse_value_token()]
        while self.is_op(","):
            self.advance()
            tokens.append(self.parse_value_token())
        self.expect_op("]")
        return Values(tuple(t.text for t in tokens), tuple(t.pos for t in tokens))


def parse(text: str) -> Node:
    """The AST of ``text``; ``RuleSyntaxError`` names the column of a mistake."""
    return _Parser(text).parse()


# -- validation against a questionnaire ---------------------------------------------


def expand(subject: Subject, questionnaire: Questionnaire) -> tuple[Question, ...]:
    """The questions a subject reads (``KEY_*``: every question nested in ``KEY``)."""
    question = questionnaire.question(subject.key)
    if question is None:
        return ()
    if not subject.pattern:
        return (question,)
    return tuple(q for q in question.walk() if q is not question and q.type not in CONTAINER_TYPES)


def validate(node: Node, questionnaire: Questionnaire, text: str) -> None:
    """Raise ``RuleValidationError`` for the first unknown key or option value."""
    for item in walk(node):
        if not isinstance(item, Choice | Answered | Count):
            continue
        questions = _check_subject(item.subject, questionnaire, text)
        if isinstance(item, Choice | Count):
            _check_values(item.subject, item.values, questions, questionnaire, text)


def _check_subject(
    subject: Subject, questionnaire: Questionnaire, text: str
) -> tuple[Question, ...]:
    question = questionnaire.question(subject.key)
    if question is None:
        raise RuleValidationError(
            f"unknown question {subject.key!r} in {questionnaire.schema}", text, subject.pos
        )
    questions = expand(subject, questionnaire)
    if subject.pattern and not questions:
        raise RuleValidationError(
            f"{subject.key}_* needs a sub-section; {subject.key} has no sub-questions",
            text,
            subject.pos,
        )
    return questions


def _check_values(
    subject: Subject,
    values: Values,
    questions: tuple[Question, ...],
    questionnaire: Questionnaire,
    text: str,
) -> None:
    choices = [q for q in questions if q.type in CHOICE_TYPES]
    if not choices:
        kind = questions[0].type if questions else "unknown"
        raise RuleValidationError(
            f"{subject} is a {kind} question with no options; only answered() applies",
            text,
            subject.pos,
        )
    for value, pos in zip(values.items, values.positions, strict=True):
        if not any(q.option(value) is not None for q in choices):
            known = ", ".join(choices[0].option_values)
            raise RuleValidationError(
                f"{value!r} is not an option of {subject} in {questionnaire.schema} "
                f"(options: {known})",
                text,
                pos,
            )


def check(text: str, questionnaire: Questionnaire | None = None) -> Node:
    """Parse ``text`` and, with a questionnaire, validate it; return the AST."""
    node = parse(text)
    if questionnaire is not None:
        validate(node, questionnaire, text)
    return node


def keys_of(node: Node, questionnaire: Questionnaire | None = None) -> frozenset[str]:
    """Every question key a rule reads (sub-section patterns expanded when possible)."""
    keys: set[str] = set()
    for subject in subjects(node):
        if subject.pattern and questionnaire is not None:
            keys.update(q.key for q in expand(subject, questionnaire))
        else:
            keys.add(subject.key)
    return frozenset(keys)


def values_of(node: Node) -> list[tuple[Subject, str]]:
    """Every (subject, option value) a rule names."""
    found: list[tuple[Subject, str]] = []
    for item in walk(node):
        if isinstance(item, Choice | Count):
            found.extend((item.subject, v) for v in item.values.items)
    return found
