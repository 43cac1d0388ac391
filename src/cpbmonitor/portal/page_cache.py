"""Public pages rendered once per data version: the content of a page is kept in the
shared cache (``services.cache.cached_fragment``) under the page version, the language,
the path and the query parameters the page reads.

A cached page's template extends ``base_template`` (default ``portal/base.html``). On a
miss its content block alone is rendered, through ``portal/_fragment.html`` and without
the request (so nothing of the user's can reach the cache); ``portal/base.html`` then
shows the cached ``page_fragment`` in place of the block, inside the navigation rendered
for this visitor. Anonymous visitors, all alike (the portal's pages have no form and
name no one), get the whole page from the cache when the address is the page's own.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cpbmonitor.portal.conf import setting
from cpbmonitor.services.cache import cached_fragment, pinned_version

FRAGMENT_TEMPLATE = "portal/_fragment.html"
Read = str | int | None
"""A query parameter's value as the page understood it (``None``: not given or unusable)."""
P = ParamSpec("P")


def one_data_version(
    view: Callable[P, HttpResponse],
) -> Callable[P, HttpResponse]:
    """A page that reads several cached results reads the data version once (a page
    request changes no data)."""

    @wraps(view)
    def pinned(*args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        with pinned_version():
            return view(*args, **kwargs)

    return pinned


def cached_page(
    request: HttpRequest,
    template: str,
    content: Callable[[], dict[str, Any]],
    page: dict[str, Any] | None = None,
    reads: dict[str, Read] | None = None,
) -> HttpResponse:
    """``template`` rendered with ``content()`` as its context; the content block cached
    under the language, the page's path and ``reads`` (the query parameters the page
    reads, by name, as it understood them). ``page``: what the rest of the template (its
    title) needs.

    An anonymous visitor whose query string holds only parameters the page reads gets the
    whole page from the cache (the same for every anonymous visitor: no form, no name);
    anyone signed in, or asking with other parameters, gets the cached content inside a
    navigation rendered for them."""
    page, reads = page or {}, reads or {}
    if not setting("PORTAL_PAGE_CACHE"):
        return render(request, template, {**content(), **page})
    parts = (get_language(), request.path, *sorted(reads.items()))
    with pinned_version():

        def fragment() -> str:
            context = {**content(), **page, "base_template": FRAGMENT_TEMPLATE}
            return render_to_string(template, context)

        def whole() -> str:
            html = cached_fragment(template, fragment, *parts)
            context = {**page, "page_fragment": mark_safe(html)}  # rendered by us, escaped
            return render(request, template, context).content.decode()

        if request.user.is_authenticated or request.get_full_path() != _canonical(request, reads):
            return HttpResponse(whole())
        return HttpResponse(cached_fragment(template + ":anonymous", whole, *parts))


def _canonical(request: HttpRequest, reads: dict[str, Read]) -> str:
    """The page's address with the parameters it reads, as it understood them: only such
    addresses are kept whole (the language links repeat the query string as it came)."""
    given = {name: value for name, value in reads.items() if value is not None}
    return request.path + (f"?{urlencode(given)}" if given else "")
