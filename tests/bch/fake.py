"""A local stand-in for the BCH API: the index (Solr) and the document endpoint.

``FakeBch`` answers requests as plain data (status, headers, body); ``handler`` serves it
through pytest-httpserver, ``serve`` through a small threaded ``http.server`` (for the
benchmark). Documents are published with their index dates (bytes are served as they
are, anything else as JSON); ``faults`` holds statuses
answered (once each, in order) before any real answer, to test the retries.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

INDEX = "/api/v2013/index/select"
DOCUMENTS = "/api/v2013/documents/"
SCHEMA = re.compile(r"schema_s:(\S+)")
SINCE = re.compile(r"updatedDate_dt:\[(\S+) TO \*\]")


@dataclass
class Fault:
    status: int
    retry_after: str | None = None
    only: str = ""
    """Answer the fault only to paths starting with this."""


@dataclass
class FakeBch:
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    documents: dict[str, Any] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)
    log: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def publish(
        self,
        data: Any,
        *,
        identifier: str,
        schema: str,
        government: str,
        created: str,
        updated: str | None = None,
    ) -> None:
        """Serve ``data`` as the current version of ``identifier``."""
        self.entries[identifier] = {
            "identifier_s": identifier,
            "government_s": government,
            "schema_s": schema,
            "createdDate_dt": created,
            "updatedDate_dt": updated or created,
        }
        self.documents[identifier] = data

    @property
    def document_requests(self) -> list[str]:
        return [p for p in self.log if p.startswith(DOCUMENTS)]

    @property
    def index_requests(self) -> list[str]:
        return [p for p in self.log if p.startswith(INDEX)]

    def respond(
        self, path: str, params: Mapping[str, str], headers: Mapping[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        with self.lock:
            self.log.append(path)
            for number, fault in enumerate(self.faults):
                if path.startswith(fault.only):
                    del self.faults[number]
                    extra = {"Retry-After": fault.retry_after} if fault.retry_after else {}
                    return fault.status, extra, b'{"error": "fault"}'
        if path == INDEX:
            return 200, {}, _json(self._select(params))
        if path.startswith(DOCUMENTS):
            if headers.get("Realm") != "BCH":
                return 400, {}, b'{"error": "Realm header missing"}'
            identifier = unquote(path[len(DOCUMENTS) :])
            if identifier not in self.documents:
                return 404, {}, b'{"error": "not found"}'
            served = self.documents[identifier]
            return 200, {}, served if isinstance(served, bytes) else _json(served)
        return 404, {}, b"{}"

    def _select(self, params: Mapping[str, str]) -> dict[str, Any]:
        query = params.get("q", "")
        schema = SCHEMA.search(query)
        since = SINCE.search(query)
        found = [
            e
            for e in self.entries.values()
            if (schema is None or e["schema_s"] == schema.group(1))
            and (since is None or e["updatedDate_dt"] >= since.group(1))
        ]
        found.sort(key=lambda e: (e["updatedDate_dt"], e["identifier_s"]))
        start, rows = int(params.get("start", 0)), int(params.get("rows", 10))
        fields = params.get("fl", "").split(",")
        docs = [{k: v for k, v in e.items() if k in fields} for e in found[start : start + rows]]
        return {"response": {"numFound": len(found), "start": start, "docs": docs}}


def _json(data: Any) -> bytes:
    return json.dumps(data).encode()


def handler(fake: FakeBch):  # type: ignore[no-untyped-def]
    """A pytest-httpserver handler answering as ``fake``."""
    from werkzeug import Response

    def respond(request):  # type: ignore[no-untyped-def]
        status, headers, body = fake.respond(
            request.path, dict(request.args.items()), dict(request.headers.items())
        )
        return Response(body, status=status, headers=headers, content_type="application/json")

    return respond


def install(httpserver, fake: FakeBch) -> str:  # type: ignore[no-untyped-def]
    """Serve ``fake`` from ``httpserver``; returns the base URL."""
    httpserver.expect_request(re.compile(r"^/api/")).respond_with_handler(handler(fake))
    return httpserver.url_for("/").rstrip("/")


@contextmanager
def serve(fake: FakeBch, port: int = 0) -> Iterator[str]:
    """Serve ``fake`` from a threaded ``http.server`` on loopback (a free port by default)."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            params = {k: v[0] for k, v in parse_qs(url.query).items()}
            status, headers, body = fake.respond(url.path, params, dict(self.headers.items()))
            self.send_response(status)
            for name, value in {**headers, "Content-Type": "application/json"}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def publish_files(fake: FakeBch, paths: list[str]) -> int:
    """Publish the documents of BCH JSON files (one document or a list, wrapped or bare),
    each first published on its ``submittedOn``; returns how many."""
    count = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        for item in data if isinstance(data, list) else [data]:
            body = item.get("body", item)
            header, government = body["header"], body["government"]
            fake.publish(
                item,
                identifier=header["identifier"],
                schema=header["schema"],
                government=str(government.get("identifier", "")).lower(),
                created=item.get("submittedOn") or "2026-01-01T00:00:00Z",
            )
            count += 1
    return count


def main() -> None:
    """``python -m tests.bch.fake --port 8765 FILE...``: serve report files as the BCH
    would, to try ``cpb bch sync --url http://127.0.0.1:8765`` by hand."""
    import argparse
    import time

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    fake = FakeBch()
    count = publish_files(fake, args.files)
    with serve(fake, args.port) as url:
        print(f"fake BCH serving {count} document(s) at {url} (Ctrl-C stops)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
