"""`cpb serve` for real, on loopback: the sign-in lockout holds across two worker
processes, and two instances side by side each have their own gunicorn control socket."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.portal.test_serve import free_port

BIN = Path(sys.executable).parent
PASSWORD = "a-long-and-unusual-phrase-42"
CREATE_USER = (
    "import django; django.setup(); "
    "from django.contrib.auth import get_user_model; "
    f"get_user_model().objects.create_user('fp-x', password={PASSWORD!r})"
)


@dataclass
class Instance:
    port: int
    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def pids_serving(self, method: str, path: str) -> set[str]:
        pattern = re.compile(rf'"{method} {re.escape(path)} HTTP/1\.1" \d+ .*pid=<?(\d+)')
        return {m.group(1) for line in list(self.lines) if (m := pattern.search(line))}


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "CPB_DATA_DIR": str(tmp_path / "data"), "CPB_SECRET_KEY": "k"}
    for name in ("CPB_DATABASE_URL", "CPB_ENV", "XDG_RUNTIME_DIR"):
        env.pop(name, None)
    env["HOME"] = str(tmp_path / "home")  # gunicorn's default control socket lives there
    subprocess.run([BIN / "cpb", "db", "migrate"], env=env, check=True, capture_output=True)
    subprocess.run(
        [sys.executable, "-c", CREATE_USER],
        env={**env, "DJANGO_SETTINGS_MODULE": "cpbmonitor.web.settings"},
        check=True,
    )
    return env


@pytest.fixture
def start(environment: dict[str, str]) -> Iterator[object]:
    started: list[Instance] = []

    def _start(workers: int) -> Instance:
        port = free_port()
        process = subprocess.Popen(
            [BIN / "cpb", "serve", "--port", str(port), "--workers", str(workers)],
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        instance = Instance(port, process)
        reader = threading.Thread(
            target=lambda: instance.lines.extend(iter(process.stdout.readline, "")),  # type: ignore[union-attr]
            daemon=True,
        )
        reader.start()
        started.append(instance)
        deadline = time.monotonic() + 60
        while sum("Booting worker" in line for line in instance.lines) < workers:
            assert process.poll() is None, "".join(instance.lines)
            assert time.monotonic() < deadline, "".join(instance.lines)
            time.sleep(0.2)
        return instance

    yield _start
    for instance in started:
        if instance.process.poll() is None:
            instance.process.terminate()
            instance.process.wait(timeout=30)


def sign_in(client: httpx.Client, base: str, password: str) -> int:
    form = client.get(f"{base}/reporting/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    assert token, form.text
    data = {"username": "fp-x", "password": password, "csrfmiddlewaretoken": token.group(1)}
    return client.post(f"{base}/reporting/login/", data=data).status_code


def test_the_sign_in_lockout_holds_across_two_workers(start) -> None:
    server = start(2)
    with httpx.Client(headers={"Connection": "close"}, timeout=30) as client:
        failures = [sign_in(client, server.base, "wrong") for _ in range(5)]
        assert 302 not in failures
        refused = []
        for _ in range(40):  # until both workers have answered the right password
            refused.append(sign_in(client, server.base, PASSWORD))
            if len(server.pids_serving("POST", "/reporting/login/")) == 2:
                break
        assert 302 not in refused, refused  # no worker let the right password in
        assert set(refused) == {429}
    assert len(server.pids_serving("POST", "/reporting/login/")) == 2, server.lines


def control(socket_path: str) -> dict[str, object]:
    done = subprocess.run(
        [BIN / "gunicornc", "-s", socket_path, "-c", "show stats", "-j"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return dict(json.loads(done.stdout))


def control_socket_of(instance: Instance) -> str:
    for line in instance.lines:
        if line.startswith("gunicorn control socket: "):
            return line.split(": ", 1)[1].strip()
    raise AssertionError(instance.lines)


def test_two_instances_each_have_their_own_control_socket(start) -> None:
    first, second = start(1), start(1)
    first_socket, second_socket = control_socket_of(first), control_socket_of(second)
    assert first_socket != second_socket
    assert control(first_socket)["pid"] == first.process.pid
    assert control(second_socket)["pid"] == second.process.pid
    first.process.terminate()
    first.process.wait(timeout=30)
    assert control(second_socket)["pid"] == second.process.pid
