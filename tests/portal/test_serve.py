"""`cpb serve`: gunicorn options, and a real server answering on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from typer.testing import CliRunner

from cpbmonitor.cli import serve
from cpbmonitor.cli.app import app

BIN = Path(sys.executable).parent


def test_bind_address():
    assert serve.bind_address("127.0.0.1", 8000) == "127.0.0.1:8000"
    assert serve.bind_address("::1", 8080) == "[::1]:8080"
    options = serve.gunicorn_options("0.0.0.0", 9000, 3)
    assert options["bind"] == "0.0.0.0:9000" and options["workers"] == 3


def test_serve_is_a_cpb_command():
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--port" in result.output and "--host" in result.output


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_answers_pages_and_static_files(tmp_path):
    env = {**os.environ, "CPB_DATA_DIR": str(tmp_path), "CPB_ENV": "dev"}
    env.pop("CPB_DATABASE_URL", None)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "migrate",
            "--verbosity",
            "0",
            "--settings",
            "cpbmonitor.web.settings",
        ],
        env=env,
        check=True,
    )
    port = free_port()
    server = subprocess.Popen(
        [BIN / "cpb", "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout.readline().startswith(
            f"CPB Monitor serving at http://127.0.0.1:{port}/"
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"{base}/plan/", timeout=5) as response:
                    assert response.status == 200
                    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        with urllib.request.urlopen(f"{base}/static/portal/portal.css", timeout=5) as response:
            assert response.status == 200 and b"--brand" in response.read()
    finally:
        server.terminate()
        server.wait(timeout=20)
