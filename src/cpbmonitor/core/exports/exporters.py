"""A registry of exporters: format name -> function writing bytes.

Each export module registers its writers with ``@exporter(kind, format)``; the CLI
and the web views look them up with ``get_exporter``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Writer = Callable[..., bytes]

_EXPORTERS: dict[tuple[str, str], Writer] = {}


def exporter(kind: str, fmt: str) -> Callable[[Writer], Writer]:
    def decorate(function: Writer) -> Writer:
        _EXPORTERS[(kind, fmt)] = function
        return function

    return decorate


def formats_for(kind: str) -> list[str]:
    _load_builtin_exporters()
    return sorted(fmt for (k, fmt) in _EXPORTERS if k == kind)


def get_exporter(kind: str, fmt: str) -> Writer:
    _load_builtin_exporters()
    try:
        return _EXPORTERS[(kind, fmt)]
    except KeyError:
        known = ", ".join(formats_for(kind))
        raise ValueError(f"no {fmt!r} export for {kind} (known: {known})") from None


def _load_builtin_exporters() -> None:
    from cpbmonitor.core.exports import plan as _plan  # noqa: F401
    from cpbmonitor.core.indicators import output as _output  # noqa: F401
    from cpbmonitor.core.indicators import series as _series  # noqa: F401
    from cpbmonitor.core.records import writers as _records  # noqa: F401


def export(kind: str, fmt: str, subject: Any) -> bytes:
    return get_exporter(kind, fmt)(subject)
