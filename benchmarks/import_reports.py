"""Importing national reports from files: time for 200 BCH documents, peak memory for a
large file.

    python benchmarks/import_reports.py [--documents 200] [--megabytes 50] [--skip-large]

Each run uses a fresh temporary SQLite database (the Parties and cycles loaded, the
built-in formats). The documents are the demonstration generator's fifth- and
fourth-report documents, in the BCH's wrapped JSON shape; the large file repeats them
under new identifiers until it reaches the size asked for. The large import runs in a
child process, so that its peak resident memory (``VmHWM``) less its memory before the
import is the import's own; the target is under 3 times the file size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

MB = 1024 * 1024


def setup(directory: str) -> None:
    os.environ["CPB_DATA_DIR"] = directory
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cpbmonitor.web.settings")
    os.environ["CPB_IMPORT_MAX_BYTES"] = str(1024 * MB)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.DEBUG = False  # as in production: no log of every query kept in memory

    call_command("migrate", interactive=False, verbosity=0)
    from cpbmonitor.services.cycles import sync_cycles
    from cpbmonitor.services.parties import load_parties, read_parties

    load_parties(read_parties())
    sync_cycles()


def demo_documents() -> list[dict[str, Any]]:
    from cpbmonitor.core.demo import generate_demo, read_parties

    dataset = generate_demo(read_parties())
    ordered = sorted(dataset.documents, key=lambda d: d.schema, reverse=True)  # fifth first
    return [doc.to_bch(wrapped=True) for doc in ordered]


def write_documents(path: Path, documents: list[dict[str, Any]]) -> None:
    path.write_text(json.dumps(documents), encoding="utf-8")


def write_large(path: Path, documents: list[dict[str, Any]], size: int) -> int:
    """Documents repeated under new identifiers until the file reaches ``size`` bytes."""
    written = count = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write("[")
        while written < size:
            for doc in documents:
                copy = dict(doc)
                count += 1
                identifier = f"{doc['identifier']}-copy{count}"
                body = dict(doc["body"], header=dict(doc["body"]["header"], identifier=identifier))
                copy.update(identifier=identifier, body=body)
                text = ("," if count > 1 else "") + json.dumps(copy)
                handle.write(text)
                written += len(text)
                if written >= size:
                    break
        handle.write("]")
    return count


def vm(field: str) -> int:
    """A memory figure of this process from /proc (bytes)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def import_large(path: str) -> None:
    """Child process: import ``path``; print the seconds, documents and memory figures."""
    with tempfile.TemporaryDirectory(prefix="cpb-bench-") as directory:
        setup(directory)
        from cpbmonitor.services.reports import import_reports

        before = vm("VmRSS")
        start = time.perf_counter()
        result = import_reports([Path(path)])
        seconds = time.perf_counter() - start
        print(
            json.dumps(
                {
                    "seconds": seconds,
                    "created": result.created,
                    "before": before,
                    "peak": vm("VmHWM"),
                }
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--megabytes", type=float, default=50)
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    from django.apps import apps

    if apps.ready:  # run by run_all after another benchmark: use a process of its own
        subprocess.run([sys.executable, __file__, *sys.argv[1:]], check=True)
        return
    if args.child:
        import_large(args.child)
        return
    with tempfile.TemporaryDirectory(prefix="cpb-bench-") as directory:
        setup(directory)
        from cpbmonitor.services.reports import import_reports

        documents = demo_documents()
        small = Path(directory) / "reports.json"
        write_documents(small, documents[: args.documents])
        start, cpu = time.perf_counter(), time.process_time()
        result = import_reports([small])
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(
            f"{result.created} BCH documents ({small.stat().st_size / MB:.1f} MB, "
            f"{result.answers} answer values) imported from a file: {seconds:.2f} s "
            f"(CPU {cpu:.2f} s; target 2 s; load average {os.getloadavg()[0]:.1f})"
        )
        if args.skip_large:
            return
        large = Path(directory) / "large.json"
        count = write_large(large, documents, int(args.megabytes * MB))
        size = large.stat().st_size
        child = subprocess.run(
            [sys.executable, __file__, "--child", str(large)],
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        grown = figures["peak"] - figures["before"]
        print(
            f"{figures['created']} of {count} documents in a {size / MB:.1f} MB file imported in "
            f"{figures['seconds']:.1f} s; peak memory {grown / MB:.0f} MB above the "
            f"{figures['before'] / MB:.0f} MB before the import = {grown / size:.2f}x the file "
            "size (target under 3x)"
        )


if __name__ == "__main__":
    main()
