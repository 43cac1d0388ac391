"""Settings: the database follows CPB_DATABASE_URL; secrets stay out of the repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from cpbmonitor.web.settings import paths


@pytest.mark.django_db
def test_database_follows_cpb_database_url() -> None:
    url = os.environ.get("CPB_DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected


def test_secret_key_is_generated_once_per_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CPB_SECRET_KEY", raising=False)
    monkeypatch.setenv("CPB_DATA_DIR", str(tmp_path / "data"))
    first = paths.secret_key()
    assert len(first) > 40 and paths.secret_key() == first
    key_file = tmp_path / "data" / "secret_key"
    assert key_file.stat().st_mode & 0o077 == 0
    monkeypatch.setenv("CPB_SECRET_KEY", "from-the-environment")
    assert paths.secret_key() == "from-the-environment"


def test_settings_read_the_environment(tmp_path: Path) -> None:
    code = (
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['NAME'], s.DEBUG, s.SECRET_KEY)"
    )
    env = {
        **os.environ,
        "CPB_DATA_DIR": str(tmp_path),
        "CPB_SECRET_KEY": "k",
        "CPB_ENV": "prod",
        "DJANGO_SETTINGS_MODULE": "cpbmonitor.web.settings",
    }
    env.pop("CPB_DATABASE_URL", None)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == [str(tmp_path / "cpbmonitor.sqlite3"), "False", "k"]
    env["CPB_DATABASE_URL"] = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out[0] == str(tmp_path / "other.sqlite3")


def test_commands_without_a_database_do_not_start_django() -> None:
    code = (
        "import sys; from typer.testing import CliRunner; from cpbmonitor.cli.app import app; "
        "r = CliRunner().invoke(app, ['plan', 'list']); "
        "print(r.exit_code, 'django.db' in sys.modules)"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["0", "False"]


def _settings_value(env_extra: dict[str, str], expression: str) -> str:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cpbmonitor.web.settings", **env_extra}
    code = f"from django.conf import settings as s; print({expression})"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_cache_is_shared_the_database_by_default_redis_when_named() -> None:
    backend = "s.CACHES['default']['BACKEND']"
    database = _settings_value({"CPB_CACHE_URL": ""}, backend)
    assert database == "django.core.cache.backends.db.DatabaseCache"
    redis = _settings_value({"CPB_CACHE_URL": "redis://127.0.0.1:6390/0"}, backend)
    assert redis == "django_redis.cache.RedisCache"
    assert _settings_value({"CPB_PLAN_VERSION": "draft-2019"}, "s.CPB_PLAN_VERSION") == (
        "draft-2019"
    )


@pytest.mark.django_db
def test_the_database_cache_holds_values_in_its_table() -> None:
    from django.core.cache import cache

    cache.set("architect-test", {"value": 75.0})
    assert cache.get("architect-test") == {"value": 75.0}
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM cpb_cache")
        assert cursor.fetchone()[0] >= 1


def test_every_declared_setting_is_documented() -> None:
    from cpbmonitor.conf import SETTINGS

    text = (Path(__file__).resolve().parents[2] / "docs" / "settings.md").read_text()
    undocumented = [name for name in SETTINGS if f"`{name}`" not in text]
    assert undocumented == []
    for declared in SETTINGS.values():
        assert declared.help and declared.help.strip() in " ".join(text.split())


def test_an_environment_value_takes_the_type_of_the_default(monkeypatch) -> None:
    from cpbmonitor.conf import default

    monkeypatch.setenv("CPB_DEFAULT_CYCLE", "4")
    monkeypatch.setenv("CPB_CHANGE_THRESHOLD", "2.5")
    monkeypatch.setenv("CPB_DEMO_DATA", "1")
    assert (default("CPB_DEFAULT_CYCLE"), default("CPB_CHANGE_THRESHOLD")) == (4, 2.5)
    assert default("CPB_DEMO_DATA") is True
    monkeypatch.delenv("CPB_DEFAULT_CYCLE")
    assert default("CPB_DEFAULT_CYCLE") == 5
