"""Renderers of the document, in a registry by format name (``docx``, ``html``,
``xlsx``, ``pdf``): each turns a ``Document`` into the bytes of one file.

A renderer registers itself with ``@renderer(name, suffix, media_type)``, here and in
``core.outputs`` as subject ``evaluation-report``; an optional ``missing`` function says
what this machine lacks to run it (PDF needs LibreOffice). ``renderer_for_path`` picks
one by file suffix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cpbmonitor.core.evaluation.model import Document
from cpbmonitor.core.outputs.registry import output

Writer = Callable[[Document], bytes]


class RendererError(ValueError):
    """No renderer for a format or file suffix, or the renderer cannot run here."""


@dataclass(frozen=True)
class Renderer:
    name: str
    suffix: str
    media_type: str
    write: Writer
    missing: Callable[[], str | None] = lambda: None
    """What this machine lacks to run the renderer, or ``None`` when it can run."""


RENDERERS: dict[str, Renderer] = {}


def renderer(
    name: str, suffix: str, media_type: str, missing: Callable[[], str | None] | None = None
) -> Callable[[Writer], Writer]:
    def register(write: Writer) -> Writer:
        RENDERERS[name] = Renderer(name, suffix, media_type, write, missing or (lambda: None))
        return output("evaluation-report", name)(write)

    return register


def renderers() -> dict[str, Renderer]:
    """Every registered renderer by name (the built-in ones are loaded on import)."""
    return RENDERERS


def suffixes() -> list[str]:
    return sorted(r.suffix for r in renderers().values())


def renderer_named(name: str) -> Renderer:
    try:
        return renderers()[name]
    except KeyError:
        known = ", ".join(sorted(renderers()))
        raise RendererError(f"no renderer for format {name!r} (known: {known})") from None


def renderer_for_path(path: Path) -> Renderer:
    """The renderer for ``path``'s suffix (``.docx``, ``.html``, ``.xlsx``, ``.pdf``)."""
    suffix = path.suffix.lower()
    for item in renderers().values():
        if item.suffix == suffix:
            return item
    shown = suffix or "no suffix"
    raise RendererError(
        f"cannot tell the format of {path} from its suffix ({shown}): use " + ", ".join(suffixes())
    )


def render(document: Document, name: str) -> bytes:
    """``document`` as the bytes of a file in format ``name``."""
    item = renderer_named(name)
    missing = item.missing()
    if missing:
        raise RendererError(missing)
    return item.write(document)


from cpbmonitor.core.evaluation.renderers import (  # noqa: E402, F401 - register the built-ins
    to_docx,
    to_html,
    to_pdf,
    to_xlsx,
)
