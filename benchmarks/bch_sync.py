"""A first BCH sync of 200 national reports, then a sync with nothing new, from a local
fake BCH (a small threaded ``http.server`` on loopback); beside them, importing the
same 200 documents from files, as a user without the sync would.

    python benchmarks/bch_sync.py [-n 200] [--concurrency 4]

Targets (issue 13): first sync <= 10 s; a sync with nothing new <= 1 s. The documents
are generated demonstration reports (both cycles), served with their index dates; the
database is a fresh temporary SQLite file with the shipped list of governments.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.bch.fake: the same fake BCH the tests use


def fresh_database() -> None:
    directory = tempfile.mkdtemp(prefix="cpb-bench-bch-")
    os.environ["CPB_DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "cpbmonitor.web.settings"
    import django

    django.setup()
    from django.core.management import call_command

    from cpbmonitor.services.cycles import sync_cycles
    from cpbmonitor.services.parties import load_parties, read_parties

    call_command("migrate", interactive=False, verbosity=0)
    load_parties(read_parties())
    sync_cycles()


def publish(fake, count: int) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
    from cpbmonitor.core.bch.index import solr_datetime
    from cpbmonitor.core.demo import read_parties
    from cpbmonitor.core.demo.generator import generate_demo

    latest = {}
    for document in generate_demo(read_parties()).documents:
        latest[document.identifier] = document
    chosen = sorted(latest.values(), key=lambda d: (d.schema, d.identifier))[:count]
    served = []
    for document in chosen:
        data = document.to_bch(wrapped=True)
        when = solr_datetime(document.submitted_on)
        fake.publish(
            data,
            identifier=document.identifier,
            schema=document.schema,
            government=document.government,
            created=when,
        )
        served.append(data)
    return served


def timed(step: Callable[[], T]) -> tuple[tuple[float, float], T]:
    """(wall seconds, CPU seconds of this process, all threads), and what ``step`` gave."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = step()
    return (time.perf_counter() - wall, time.process_time() - cpu), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="reports served")
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    fresh_database()
    from django.db import connection
    from tests.bch.fake import FakeBch, serve

    from cpbmonitor.core.bch.settings import BchSettings
    from cpbmonitor.national_reports.models import Answer, NationalReport
    from cpbmonitor.services.bch import installed_schemas, sync
    from cpbmonitor.services.reports import import_reports

    fake = FakeBch()
    served = publish(fake, args.n)
    with serve(fake) as url:
        settings = BchSettings(url=url, concurrency=args.concurrency)
        schemas = installed_schemas()
        (first_s, first_cpu), first = timed(lambda: sync(settings, schemas))
        (again_s, again_cpu), again = timed(lambda: sync(settings, schemas))
    stored, answers = NationalReport.objects.count(), Answer.objects.count()
    print(
        f"first sync: {first_s:.2f} s ({first_cpu:.2f} s CPU) for {first.fetched} documents "
        f"({first.new} new, {first.refused} refused; {stored} reports, {answers} answer "
        "values stored) (target 10 s)"
    )
    print(
        f"sync with nothing new: {again_s:.3f} s ({again_cpu:.3f} s CPU), {again.fetched} "
        f"documents fetched, {again.unchanged} unchanged (target 1 s)"
    )
    NationalReport.objects.all().delete()
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for number, data in enumerate(served):
            path = Path(tmp) / f"{number}.json"
            path.write_text(json.dumps(data), encoding="utf-8")
            files.append(path)
        (import_s, import_cpu), result = timed(lambda: import_reports(files))
    print(
        f"the same documents imported from {len(files)} files: {import_s:.2f} s "
        f"({import_cpu:.2f} s CPU; {result.created} reports)"
    )
    connection.close()
    if first.refused or stored != args.n:
        sys.exit(f"expected {args.n} reports stored, none refused")


if __name__ == "__main__":
    main()
