"""Median response time of the portal's home page.

    python benchmarks/home_page.py [-n 50] [--url http://127.0.0.1:8000/] [--path /fr/]
                                   [--synthetic]

Without ``--url``, requests go through Django's test client against the configured
database (``CPB_DATABASE_URL`` / ``CPB_DATA_DIR``; the demo data when they are loaded;
a fresh temporary SQLite database when the configured one has no schema). With
``--url``, they go over HTTP to a running ``cpb serve``. The first request (which fills
the cache) is reported apart; the median is over the ``n`` requests after it.
``--synthetic`` fills every indicator and group with made-up values (the page at its
fullest) while the indicator engine is not there to compute real ones.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable


class SyntheticSource:
    """Every indicator of the plan, every group, with made-up values (the core's own
    ``Evaluation``, as the results source gives it)."""

    def evaluate(self, plan):  # type: ignore[no-untyped-def]
        import datetime as dt

        from cpbmonitor.core.indicators import (
            GROUPS,
            CycleInfo,
            Evaluation,
            GroupResult,
            IndicatorResult,
            Settings,
        )

        def group(code: str, name: str, n: int) -> GroupResult:
            value = (40 + n) / 0.8
            return GroupResult(
                code,
                5,
                name,
                40 + n,
                80,
                value,
                80,
                4,
                36,
                80,
                45.0,
                value - 45,
                "improved" if n > 4 else "declined",
                None,
            )

        indicators = tuple(
            IndicatorResult(
                ind.code,
                plan.goal_of(ind.code).code,
                ind.text,
                "percent-of-parties",
                "national-reports",
                "reporting-parties",
                "",
                {name: group(ind.code, name, n) for n, name in enumerate(GROUPS, len(ind.code))},
            )
            for ind in plan.indicators()
        )
        cycle = CycleInfo(5, "cpbNationalReport5", dt.date(2026, 2, 28))
        baseline = CycleInfo(4, "cpbNationalReport4", dt.date(2019, 10, 1))
        return Evaluation(plan.id, cycle, baseline, Settings(), indicators)


def over_http(url: str) -> Callable[[], int]:
    def get() -> int:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return int(response.status)

    return get


def through_django(path: str, synthetic: bool) -> tuple[Callable[[], int], str]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cpbmonitor.web.settings")
    import django

    django.setup()
    if synthetic:
        from django.conf import settings

        settings.CPB_RESULTS_SOURCE = "__main__.SyntheticSource"
    from django.core.management import call_command
    from django.test import Client

    from cpbmonitor.web.bootstrap import pending_migrations

    label = "synthetic results, " if synthetic else ""
    label += "configured database"
    if pending_migrations():
        from django.conf import settings
        from django.db import connections

        temporary = tempfile.mkdtemp(prefix="cpb-bench-")
        settings.DATABASES["default"]["NAME"] = os.path.join(temporary, "bench.sqlite3")
        connections.close_all()
        call_command("migrate", interactive=False, verbosity=0)
        label = label.replace("configured database", "empty temporary database")
    from cpbmonitor.national_reports.models import NationalReport

    label += f", {NationalReport.objects.count()} reports"
    client = Client()

    def get() -> int:
        return int(client.get(path).status_code)

    return get, label


def measure(get: Callable[[], int], n: int) -> tuple[float, list[float]]:
    start = time.perf_counter()
    status = get()
    first = time.perf_counter() - start
    if status != 200:
        sys.exit(f"home page answered {status}")
    timings = []
    for _ in range(n):
        start = time.perf_counter()
        get()
        timings.append(time.perf_counter() - start)
    return first, timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50, help="requests to time (default 50)")
    parser.add_argument("--url", help="measure a running server at this URL instead")
    parser.add_argument("--path", default="/", help="page path for the test client")
    parser.add_argument("--synthetic", action="store_true", help="made-up indicator values")
    args = parser.parse_args()
    if args.url:
        get, label = over_http(args.url), args.url
    else:
        get, label = through_django(args.path, args.synthetic)
    first, timings = measure(get, args.n)
    median = statistics.median(timings) * 1000
    print(f"home page ({label}): first request {first * 1000:.1f} ms")
    print(
        f"home page median over {args.n} requests: {median:.1f} ms "
        f"(p90 {statistics.quantiles(timings, n=10)[-1] * 1000:.1f} ms)"
    )


if __name__ == "__main__":
    main()
