"""Errors of talking to the BCH: each names what was asked and what came back."""

from __future__ import annotations


class BchError(Exception):
    """A request to the BCH failed (after its retries, where it may be retried)."""


class BchAnswerError(BchError):
    """The BCH answered something that is not what its API documents; ``raw`` keeps the
    beginning of the answer (for the quarantine)."""

    def __init__(self, message: str, raw: str | None = None) -> None:
        super().__init__(message)
        self.raw = raw
