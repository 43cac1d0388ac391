"""Where CPB Monitor keeps its data: ``CPB_DATA_DIR`` or ``var/`` under the repository."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[4]
"""The repository (or install prefix) root: ``src/cpbmonitor/web/settings`` is four levels down."""


def data_dir() -> Path:
    """The data directory, created on first use."""
    configured = os.environ.get("CPB_DATA_DIR")
    path = Path(configured).expanduser() if configured else REPO_ROOT / "var"
    path.mkdir(parents=True, exist_ok=True)
    return path


def secret_key() -> str:
    """``CPB_SECRET_KEY``, else a key generated once per install and kept in the data dir.

    The key file lives outside version control (``var/`` is ignored) and is readable
    by its owner only.
    """
    from_env = os.environ.get("CPB_SECRET_KEY")
    if from_env:
        return from_env
    key_file = data_dir() / "secret_key"
    if not key_file.exists():
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return key_file.read_text().strip()
