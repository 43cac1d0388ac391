"""What the sync tells its caller as it goes (the CLI draws its progress bar from it)."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def planned(self, label: str, total: int) -> None:
        """``total`` documents of ``label`` (a schema) are about to be fetched."""

    def advance(self) -> None:
        """One document was stored, refused or could not be fetched."""


class Silent:
    def planned(self, label: str, total: int) -> None:
        pass

    def advance(self) -> None:
        pass
