"""The BCH client's retries, against an httpx mock transport (no network)."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from cpbmonitor.core.bch.client import BchClient, backoff_delay, retry_after
from cpbmonitor.core.bch.errors import BchAnswerError, BchError
from cpbmonitor.core.bch.settings import BchSettings, SettingsError, described

SETTINGS = BchSettings(url="http://bch.test/", backoff=0.5, max_backoff=4, retries=3)


def client(answers: list[httpx.Response | Exception], seen: list[httpx.Request]) -> BchClient:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    return BchClient(SETTINGS, transport=httpx.MockTransport(handle), sleep=waits.append)


waits: list[float] = []


@pytest.fixture(autouse=True)
def _no_waits() -> None:
    waits.clear()


def test_backoff_doubles_up_to_its_cap() -> None:
    assert [backoff_delay(n, SETTINGS) for n in range(5)] == [0.5, 1.0, 2.0, 4.0, 4.0]


def test_retry_after_in_seconds_or_as_a_date() -> None:
    now = dt.datetime(2026, 1, 1, 12, 0, 0, tzinfo=dt.UTC)
    assert retry_after("7") == 7.0
    assert retry_after("Thu, 01 Jan 2026 12:00:30 GMT", now) == 30.0
    assert retry_after("Thu, 01 Jan 2026 11:00:00 GMT", now) == 0.0
    assert retry_after("soon") is None
    assert retry_after(None) is None


def test_timeout_429_and_503_are_retried_then_the_document_comes() -> None:
    seen: list[httpx.Request] = []
    with client(
        [
            httpx.ReadTimeout("slow"),
            httpx.Response(429, headers={"Retry-After": "60"}),
            httpx.Response(503),
            httpx.Response(200, json={"header": {"identifier": "X"}}),
        ],
        seen,
    ) as bch:
        assert bch.document("X/1") == {"header": {"identifier": "X"}}
        assert bch.retried == 3
    # Backoff 0.5, then Retry-After 60 capped at 4, then backoff 2.0.
    assert waits == [0.5, 4.0, 2.0]
    assert seen[0].url == "http://bch.test/api/v2013/documents/X%2F1"
    assert seen[0].headers["Realm"] == "BCH"


def test_retries_are_bounded() -> None:
    seen: list[httpx.Request] = []
    with (
        client([httpx.Response(500)] * 4, seen) as bch,
        pytest.raises(BchError, match=r"HTTP 500 after 4 attempt\(s\)"),
    ):
        bch.document("X")
    assert len(seen) == 4
    assert waits == [0.5, 1.0, 2.0]


def test_other_answers_are_not_retried() -> None:
    seen: list[httpx.Request] = []
    with client([httpx.Response(404)], seen) as bch, pytest.raises(BchError, match="HTTP 404"):
        bch.document("X")
    with (
        client([httpx.Response(200, text="<html>")], seen) as bch,
        pytest.raises(BchAnswerError, match="not JSON"),
    ):
        bch.document("X")
    assert len(seen) == 2
    assert waits == []


def test_settings_from_the_environment() -> None:
    settings = BchSettings.from_env(
        {"CPB_BCH_URL": "http://127.0.0.1:9/", "CPB_BCH_CONCURRENCY": "8"}, url=None
    )
    assert (settings.base_url, settings.concurrency, settings.retries) == (
        "http://127.0.0.1:9",
        8,
        5,
    )
    assert BchSettings.from_env({}, url="http://other/").url == "http://other/"
    with pytest.raises(
        SettingsError,
        match=r"CPB_BCH_CONCURRENCY: Input should be greater than or equal to 1 \(value '0'\)",
    ):
        BchSettings.from_env({"CPB_BCH_CONCURRENCY": "0"})
    assert [name for name, _, _ in described()][:4] == [
        "CPB_BCH_URL",
        "CPB_BCH_CONCURRENCY",
        "CPB_BCH_RETRIES",
        "CPB_BCH_TIMEOUT",
    ]


def test_every_setting_is_documented_in_the_readme_and_the_command_help() -> None:
    from typer.testing import CliRunner

    from cpbmonitor.cli.app import app
    from tests.paths import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    help_text = CliRunner().invoke(app, ["bch", "sync", "--help"], env={"COLUMNS": "300"}).output
    for name, _default, _help in described():
        assert f"| `{name}`" in readme, name
        assert name in help_text, name
    assert described()[-1] == (
        "CPB_BCH_BATCH",
        "50",
        "Documents fetched, then stored in one transaction, at a time (an interrupted sync "
        "loses at most one batch).",
    )
