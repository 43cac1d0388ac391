"""``CPB_ENV``: debug pages only in ``dev``; production is HTTPS only; an unknown value is
refused with one clear message."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SHOWN = (
    "DEBUG",
    "ALLOWED_HOSTS",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "CPB_DEMO_LOGINS",
)


def settings_under(tmp_path: Path, cpb_env: str | None) -> subprocess.CompletedProcess[str]:
    code = (
        "import json; from django.conf import settings as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {SHOWN!r}}}))"
    )
    env = {
        **os.environ,
        "CPB_DATA_DIR": str(tmp_path),
        "CPB_SECRET_KEY": "k",
        "CPB_ALLOWED_HOSTS": "cpb.example.org",
        "DJANGO_SETTINGS_MODULE": "cpbmonitor.web.settings",
    }
    env.pop("CPB_ENV", None)
    if cpb_env is not None:
        env["CPB_ENV"] = cpb_env
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


def read(tmp_path: Path, cpb_env: str | None) -> dict[str, object]:
    done = settings_under(tmp_path, cpb_env)
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


def test_debug_is_off_unless_cpb_env_is_dev(tmp_path: Path) -> None:
    assert read(tmp_path, None)["DEBUG"] is False
    assert read(tmp_path, "local")["DEBUG"] is False
    assert read(tmp_path, "prod")["DEBUG"] is False
    assert read(tmp_path, "dev")["DEBUG"] is True


def test_local_use_is_plain_http_on_loopback_with_demo_logins(tmp_path: Path) -> None:
    local = read(tmp_path, None)
    assert local["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost", "[::1]", "testserver"]
    assert local["SECURE_SSL_REDIRECT"] is False and local["SESSION_COOKIE_SECURE"] is False
    assert local["CPB_DEMO_LOGINS"] is True


def test_production_is_https_only_behind_a_proxy(tmp_path: Path) -> None:
    prod = read(tmp_path, "prod")
    assert prod["ALLOWED_HOSTS"] == ["cpb.example.org"]
    assert prod["SECURE_SSL_REDIRECT"] is True
    assert prod["SECURE_HSTS_SECONDS"] == 31536000
    assert prod["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert prod["SESSION_COOKIE_SECURE"] is True and prod["CSRF_COOKIE_SECURE"] is True
    assert prod["CPB_DEMO_LOGINS"] is False


def test_an_unknown_environment_is_refused(tmp_path: Path) -> None:
    done = settings_under(tmp_path, "production")
    assert done.returncode != 0
    assert "CPB_ENV='production' is not one of: local, dev, prod" in done.stderr


@pytest.mark.django_db
def test_password_validators_refuse_weak_passwords() -> None:
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("1", "password", "12345678901"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("a-long-and-unusual-phrase-42")
