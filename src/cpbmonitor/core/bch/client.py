"""An HTTP client of the BCH API: bounded retries with exponential backoff, and a limit
on the requests in flight at once.

Timeouts, connection errors, ``429 Too Many Requests`` and ``5xx`` answers are retried
(``settings.retries`` times at most), waiting ``backoff * 2**attempt`` seconds capped at
``max_backoff``, or what ``Retry-After`` asks (also capped). Other answers are not
retried. Documents are fetched by a pool of ``settings.concurrency`` threads.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any
from urllib.parse import quote

import httpx

from cpbmonitor import __version__
from cpbmonitor.core.bch import index
from cpbmonitor.core.bch.errors import BchAnswerError, BchError
from cpbmonitor.core.bch.settings import BchSettings

DOCUMENT_PATH = "/api/v2013/documents/{identifier}"
REALM = "BCH"
RETRIED_STATUSES = frozenset({429})
KEPT = 100_000
"""Characters of an unreadable answer kept for the quarantine."""
Sleep = Callable[[float], None]
Fetched = tuple[str, dict[str, Any] | BchError]
"""A document's identifier and its decoded JSON, or why it could not be fetched."""


def backoff_delay(attempt: int, settings: BchSettings) -> float:
    """Seconds to wait before retry number ``attempt + 1`` (``attempt`` counts from 0)."""
    return float(min(settings.backoff * 2**attempt, settings.max_backoff))


def retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds asked for by a ``Retry-After`` header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    now = now or dt.datetime.now(dt.UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - now).total_seconds())


def is_retried(status: int) -> bool:
    return status in RETRIED_STATUSES or status >= 500


class BchClient:
    def __init__(
        self,
        settings: BchSettings,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Sleep = time.sleep,
    ) -> None:
        self.settings = settings
        self._sleep = sleep
        self._http = httpx.Client(
            base_url=settings.base_url,
            timeout=settings.timeout,
            headers={"Accept": "application/json", "User-Agent": f"cpbmonitor/{__version__}"},
            transport=transport,
            limits=httpx.Limits(max_connections=settings.concurrency),
        )
        self.retried = 0
        """Requests repeated after a timeout, 429 or 5xx (for the run's record)."""

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> BchClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ one request

    def get_json(
        self, path: str, params: dict[str, str] | None = None, headers: dict[str, str] | None = None
    ) -> Any:
        """The decoded JSON answer of ``GET path``, retrying as the settings say."""
        attempt = 0
        while True:
            delay = self._attempt(path, params, headers, attempt)
            if isinstance(delay, _Answer):
                return delay.data
            self.retried += 1
            self._sleep(delay)
            attempt += 1

    def _attempt(
        self, path: str, params: dict[str, str] | None, headers: dict[str, str] | None, attempt: int
    ) -> float | _Answer:
        last = attempt >= self.settings.retries
        try:
            response = self._http.get(path, params=params, headers=headers)
        except httpx.TransportError as error:  # timeouts and connection errors
            if last:
                raise BchError(
                    f"GET {path}: {type(error).__name__} after {attempt + 1} attempt(s)"
                ) from None
            return backoff_delay(attempt, self.settings)
        if is_retried(response.status_code):
            if last:
                raise BchError(
                    f"GET {path}: HTTP {response.status_code} after {attempt + 1} attempt(s)"
                )
            asked = retry_after(response.headers.get("Retry-After"))
            wait = backoff_delay(attempt, self.settings) if asked is None else asked
            return float(min(wait, self.settings.max_backoff))
        if response.status_code != 200:
            raise BchError(f"GET {path}: HTTP {response.status_code}")
        try:
            return _Answer(response.json())
        except ValueError:
            problem = "is not JSON"
        except RecursionError:
            problem = "is JSON nested too deeply to read"
        raise BchAnswerError(f"GET {path}: the answer {problem}", raw=response.text[:KEPT])

    # ------------------------------------------------------------ the API

    def index_page(
        self, schema: str, start: int, since: dt.datetime | None = None, fields: str = ""
    ) -> index.IndexPage:
        params = index.params(schema, start, self.settings.page_size, since)
        if fields:
            params["fl"] = fields
        try:
            return index.page(self.get_json(index.INDEX_PATH, params))
        except BchAnswerError as error:
            raise BchAnswerError(f"index of {schema} at start {start}: {error}") from None

    def index_pages(
        self, schema: str, since: dt.datetime | None = None, fields: str = ""
    ) -> Iterator[index.IndexPage]:
        """Every page of the index entries of ``schema`` changed from ``since`` on."""
        first = self.index_page(schema, 0, since, fields)
        yield first
        for start in index.starts(first.found, self.settings.page_size):
            yield self.index_page(schema, start, since, fields)

    def document(self, identifier: str) -> dict[str, Any]:
        path = DOCUMENT_PATH.format(identifier=quote(identifier, safe=""))
        data = self.get_json(path, headers={"Realm": REALM})
        if not isinstance(data, dict):
            raw = json.dumps(data)[:KEPT]
            raise BchAnswerError(f"GET {path}: the document is not a JSON object", raw=raw)
        return data

    def documents(self, identifiers: Iterable[str], ahead: int = 0) -> Iterator[Fetched]:
        """Fetch documents ``settings.concurrency`` at a time, yielding them in the order
        asked; up to ``ahead`` more are fetched while the caller handles the ones
        yielded (so storing a batch overlaps fetching the next)."""
        window = max(ahead, self.settings.concurrency)
        asked = iter(identifiers)
        pending: deque[tuple[str, Future[dict[str, Any]]]] = deque()
        with ThreadPoolExecutor(max_workers=self.settings.concurrency) as pool:
            try:
                while True:
                    while len(pending) < window and (following := next(asked, None)):
                        pending.append((following, pool.submit(self.document, following)))
                    if not pending:
                        return
                    identifier, future = pending.popleft()
                    try:
                        yield identifier, future.result()
                    except BchError as error:
                        yield identifier, error
            finally:
                for _, future in pending:
                    future.cancel()


class _Answer:
    __slots__ = ("data",)

    def __init__(self, data: Any) -> None:
        self.data = data
