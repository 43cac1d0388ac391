"""Pages and API under concurrent clients, against `cpb serve` with 2 workers on loopback.

    .venv/bin/python benchmarks/home_page.py [--clients 10 50] [--requests 400] [--baseline]

The database: PostgreSQL when ``CPB_DATABASE_URL`` is set (it must hold the
demonstration data, or be empty: they are then loaded), else a copy of the
demonstration SQLite database built by ``end_to_end.py`` (``var/bench/scale-1``; built
if missing) in a temporary folder. The server runs with production settings (debug
off) on a free port. For each page (home, an indicator page, the question analyzer, the
indicators API) and each number of concurrent clients, one request first (it fills the
caches; reported apart), then ``--requests`` requests shared among the clients: median
and p99 latency. With ``--baseline``, a second server with the page cache off
(``PORTAL_PAGE_CACHE=0``: every page rendered on each request) takes turns with the first
(``--rounds``), so that both see the same load of the machine; the first request goes
to the page-cache server first, on an emptied cache. Last, a report is published (a corrected fifth
report imported with ``cpb import reports``, as the BCH import does) and the very next
request to the indicators API and to the indicator page must show it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
CPB = str(Path(sys.executable).with_name("cpb"))
PAGES = {
    "home": "/",
    "indicator": "/indicators/A.1(a)/",
    "question": "/questions/5/Q007/",
    "indicators API": "/api/v1/plans/draft-2020/indicators",
}
WORKERS = 2


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def database_env(folder: Path) -> tuple[dict[str, str], str]:
    """The environment of the server and the commands, and which database it is."""
    env = {
        **os.environ,
        "CPB_ENV": "local",  # debug off, plain HTTP on loopback (prod redirects to HTTPS)
        "CPB_ALLOWED_HOSTS": "127.0.0.1",
        "CPB_SECRET_KEY": secrets.token_urlsafe(40),
        "CPB_DATA_DIR": str(folder),
    }
    if os.environ.get("CPB_DATABASE_URL"):
        subprocess.run([CPB, "db", "migrate"], env=env, check=True, stdout=subprocess.DEVNULL)
        loaded = subprocess.run([CPB, "demo", "load"], env=env, capture_output=True, text=True)
        note = "demonstration data loaded" if loaded.returncode == 0 else "data as found"
        return env, f"PostgreSQL ({note})"
    import end_to_end

    end_to_end.build(1)
    shutil.copy(end_to_end.data_dir(1) / "cpbmonitor.sqlite3", folder / "cpbmonitor.sqlite3")
    subprocess.run([CPB, "db", "migrate"], env=env, check=True, stdout=subprocess.DEVNULL)
    return env, "SQLite (a copy of the demonstration data)"


def get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=120) as response:
        return int(response.status), response.read()


def wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if server.poll() is not None:
            sys.exit("cpb serve stopped before answering")
        try:
            get(base + "/api/v1/plans")
            return
        except OSError:
            time.sleep(0.1)
    sys.exit("cpb serve did not answer within 60 s")


def load(url: str, clients: int, total: int) -> list[float]:
    """``total`` requests to ``url`` from ``clients`` threads; each one's latency."""
    timings: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    share = [total // clients + (i < total % clients) for i in range(clients)]

    def client(count: int) -> None:
        for _ in range(count):
            start = time.perf_counter()
            try:
                status, _ = get(url)
            except OSError as error:
                status, _ = 0, str(error)
            elapsed = time.perf_counter() - start
            with lock:
                timings.append(elapsed)
                if status != 200:
                    failures.append(str(status))

    threads = [threading.Thread(target=client, args=(n,)) for n in share]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        print(f"  {len(failures)} failed requests ({', '.join(sorted(set(failures)))})")
    return timings


def p99(timings: list[float]) -> float:
    return statistics.quantiles(timings, n=100)[-1] if len(timings) > 1 else timings[0]


def a1a_world(base: str) -> tuple[int, int]:
    _, body = get(base + PAGES["indicators API"])
    for row in json.loads(body):
        if "A.1(a)" not in (row.get("code"), row.get("indicator")):
            continue
        groups: Any = row.get("groups", [row])
        if isinstance(groups, dict):
            groups = [{"group": name, **values} for name, values in groups.items()]
        for group in groups:
            if group.get("group") == "global":
                return int(group["numerator"]), int(group["denominator"])
    raise LookupError("A.1(a) global not in the indicators API")


def page_a1a_world(base: str) -> tuple[int, int]:
    """Numerator and denominator of the world row on the A.1(a) page (its result table)."""
    _, body = get(base + PAGES["indicator"])
    page = body.decode()
    table = page[page.index("Indicator A.1(a) by region</caption>") :]
    row = table[table.index('<tr class="total">') :].split("</tr>")[0]
    cells = [cell.split("</td>")[0] for cell in row.split('<td class="num">')[1:3]]
    return int(cells[0].replace(",", "")), int(cells[1].replace(",", ""))


def empty_cache(env: dict[str, str]) -> None:
    script = (
        "from cpbmonitor.web.bootstrap import setup_django; setup_django(); "
        "from cpbmonitor.services.cache import invalidate; invalidate()"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True)


def start(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [CPB, "serve", "--port", str(port), "--workers", str(WORKERS)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_until_up(base, server)
    return server, base


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    server.wait(timeout=30)


def measure(bases: dict[str, str], clients: list[int], requests: int, rounds: int) -> None:
    """Every page under every number of clients on every server (label: base URL), one
    line each. The servers take turns, ``rounds`` times, so that a change in the machine's
    load falls on all of them alike."""
    print(f"{'page':<16} {'server':<15} {'clients':>7} {'first':>9} {'median':>9} {'p99':>9}")
    for name, path in PAGES.items():
        first: dict[str, float] = {}
        for label, base in bases.items():
            start_time = time.perf_counter()
            get(base + path)
            first[label] = time.perf_counter() - start_time
        for count in clients:
            timings: dict[str, list[float]] = {label: [] for label in bases}
            for turn in range(rounds):
                share = requests // rounds + (turn < requests % rounds)
                for label, base in bases.items():
                    timings[label] += load(base + path, count, share)
            for label, found in timings.items():
                print(
                    f"{name:<16} {label:<15} {count:>7} {first[label] * 1000:>7.0f}ms "
                    f"{statistics.median(found) * 1000:>7.0f}ms {p99(found) * 1000:>7.0f}ms"
                )


def corrected_report(env: dict[str, str], folder: Path) -> Path:
    """A newer fifth report of a Party that does not meet A.1(a), now meeting it."""
    script = """
import json, sys
from cpbmonitor.web.bootstrap import setup_django
setup_django()
from cpbmonitor.national_reports.models import Answer, NationalReport
report = (NationalReport.objects.current().for_cycle(5).by_parties().filter(complete=True)
          .filter(answers__question="Q007", answers__value="implementation.none").first())
body = dict(report.body)
body["Q007"] = {"value": "implementation.fullInPlace"}
print(json.dumps({"identifier": report.identifier, "submittedOn": "2026-02-20T12:00:00Z",
                  "publishedOn": "2026-02-20T12:00:00Z", "body": body}))
"""
    made = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    path = folder / "corrected.json"
    path.write_text(made.stdout, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 50])
    parser.add_argument("--requests", type=int, default=400, help="per page and client count")
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="also a server with the page cache off, taking turns with the other",
    )
    parser.add_argument("--rounds", type=int, default=4, help="turns of the servers")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cpb-bench-pages-"))
    servers: list[subprocess.Popen[bytes]] = []
    try:
        env, label = database_env(folder)
        empty_cache(env)
        variants = {"page cache": env}
        if args.baseline:
            variants["page cache off"] = {**env, "PORTAL_PAGE_CACHE": "0"}
        bases = {}
        for name, variant in variants.items():
            server, bases[name] = start(variant)
            servers.append(server)
        base = bases["page cache"]
        print(f"cpb serve, {WORKERS} workers, loopback; {label}")
        print(f"load average at the start {os.getloadavg()[0]:.1f}")
        measure(bases, args.clients, args.requests, args.rounds)
        before, page_before = a1a_world(base), page_a1a_world(base)
        report = corrected_report(env, folder)
        subprocess.run(
            [CPB, "import", "reports", str(report)], env=env, check=True, stdout=subprocess.DEVNULL
        )
        after, page_after = a1a_world(base), page_a1a_world(base)
        for where, old, new in (("API", before, after), ("page", page_before, page_after)):
            state = "visible" if new[0] == old[0] + 1 else "NOT visible"
            print(
                f"published report {state} on the next request ({where}): A.1(a) world "
                f"{old[0]}/{old[1]} -> {new[0]}/{new[1]}"
            )
        print(f"load average at the end {os.getloadavg()[0]:.1f}")
    finally:
        for server in servers:
            stop(server)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    random.seed(1)
    main()
