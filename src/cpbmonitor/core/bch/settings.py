"""The settings of the BCH sync, declared once: name, default, environment variable, help.

``BchSettings.from_env()`` reads them from the environment (``CPB_BCH_URL``...); the
command line may override the URL. Every field is validated, so a bad value names the
variable and the value.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field, ValidationError

PUBLIC_API = "https://api.cbd.int"


class BchSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    url: str = Field(
        PUBLIC_API,
        pattern=r"^https?://\S+$",
        description="Base URL of the BCH API (the index and the documents are under it).",
    )
    concurrency: int = Field(4, ge=1, le=32, description="Requests in flight at once.")
    retries: int = Field(
        5, ge=0, le=20, description="Further attempts after a timeout, a 429 or a 5xx answer."
    )
    timeout: float = Field(30.0, gt=0, description="Seconds to wait for one answer.")
    backoff: float = Field(
        0.5, ge=0, description="Seconds before the first retry; doubled for each next one."
    )
    max_backoff: float = Field(
        30.0, ge=0, description="Longest wait between two attempts (also caps Retry-After)."
    )
    page_size: int = Field(100, ge=1, le=1000, description="Index rows asked for per page.")
    batch: int = Field(
        50,
        ge=1,
        le=1000,
        description="Documents fetched, then stored in one transaction, at a time "
        "(an interrupted sync loses at most one batch).",
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> BchSettings:
        """Settings from ``CPB_BCH_<NAME>`` variables, then ``overrides`` (None ignored)."""
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for name in cls.model_fields:
            raw = environ.get(env_name(name))
            if raw not in (None, ""):
                values[name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls.model_validate(values)
        except ValidationError as error:
            first = error.errors()[0]
            name = str(first["loc"][0]) if first["loc"] else "?"
            raise SettingsError(
                f"{env_name(name)}: {first['msg']} (value {first.get('input')!r})"
            ) from None

    @property
    def base_url(self) -> str:
        return self.url.rstrip("/")


class SettingsError(ValueError):
    """A BCH setting has a bad value; the message names the variable and the value."""


def env_name(field: str) -> str:
    return f"CPB_BCH_{field.upper()}"


def described() -> list[tuple[str, str, str]]:
    """(variable, default, help) of every setting, for the README and ``--help``."""
    return [
        (env_name(name), str(info.default), info.description or "")
        for name, info in BchSettings.model_fields.items()
    ]
