"""A crawler over the site with Django's test client: follows every link of every page it
fetches and records each answer that is a 404 or a server error.

Pages of one route (``portal:party``, ``records:detail``...) differ by their data, not by
their template, so at most ``per_route`` pages of each route are fetched per language;
routes in ``every`` (indicator and goal pages, generated from the plan) are always
fetched, and so is every link of a pair in ``always`` (each question an indicator's
methodology links to).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import translation

EVERY = frozenset({"portal:indicator", "portal:goal"})
ALWAYS = frozenset({("portal:indicator", "portal:question")})
NOT_CRAWLED = ("/admin/", "/api/", "/static/")
"""Paths left to other tests (the admin's own pages, the API's schema tests, files)."""


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") if tag == "a" else None
        if href:
            self.links.append(href)


def language_of(path: str) -> str:
    return "fr" if path == "/fr/" or path.startswith("/fr/") else "en"


def route_of(path: str) -> str | None:
    with translation.override(language_of(path)):
        try:
            return resolve(path).view_name
        except Resolver404:
            return None


@dataclass
class Crawl:
    fetched: dict[str, int] = field(default_factory=dict)
    """Path -> status code."""
    problems: list[str] = field(default_factory=list)
    """``"<status> <path> (linked from <page>)"`` for each 404 or 5xx."""
    routes: Counter[str] = field(default_factory=Counter)


def crawl(
    client: Client,
    starts: list[str],
    *,
    per_route: int = 3,
    every: frozenset[str] = EVERY,
    always: frozenset[tuple[str, str]] = ALWAYS,
) -> Crawl:
    """Crawl from ``starts``, staying in their language (the other language's pages are
    another crawl)."""
    languages = {language_of(start) for start in starts}
    result = Crawl()
    queue: list[tuple[str, str, str]] = [(start, "start", "") for start in starts]
    taken: Counter[tuple[str, str]] = Counter()
    while queue:
        path, referrer, from_route = queue.pop(0)
        if path in result.fetched:
            continue
        route = route_of(path.split("?")[0])
        key = (route or "?", language_of(path))
        forced = route in every or (from_route, route) in always or from_route == ""
        if route is not None and not forced and taken[key] >= per_route:
            continue
        taken[key] += 1
        response = client.get(path)
        result.fetched[path] = response.status_code
        result.routes[key[0]] += 1
        if response.status_code == 404 or response.status_code >= 500:
            result.problems.append(f"{response.status_code} {path} (linked from {referrer})")
            continue
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = _Links()
        parser.feed(response.content.decode())
        for href in parser.links:
            link = _internal(href)
            if link is not None and link not in result.fetched and language_of(link) in languages:
                queue.append((link, path, route or "?"))
    return result


def _internal(href: str) -> str | None:
    link, _fragment = urldefrag(href)
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not link.startswith("/"):
        return None
    if link.startswith(NOT_CRAWLED):
        return None
    return link
