"""Errors of talking to the BCH: each names what was asked and what came back."""

from __future__ import annotations


class BchError(Exception):
    """A request to the BCH failed (after its retries, where it may be retried)."""


class BchAnswerError(BchError):
    """The BCH answered something that is not what its API documents."""
