"""Public pages rendered once per data version: the content of a page is kept in the
shared cache (``services.cache.cached_fragment``), the rest of the page (the navigation,
which depends on the user, the language links) is rendered on every request.

A cached page's template extends ``base_template`` (default ``portal/base.html``). On a
miss its content block alone is rendered, through ``portal/_fragment.html`` and without
the request (so nothing of the user's can reach the cache); ``portal/base.html`` then
shows the cached ``page_fragment`` in place of the block.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cpbmonitor.portal.conf import setting
from cpbmonitor.services.cache import cached_fragment, pinned_version

FRAGMENT_TEMPLATE = "portal/_fragment.html"
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
    parts: tuple[object, ...] = (),
) -> HttpResponse:
    """``template`` rendered with ``content()`` as its context; the content block cached
    under the language, the page's path and ``parts`` (what the page reads from the query
    string). ``page``: what the rest of the template (its title) needs."""
    if not setting("PORTAL_PAGE_CACHE"):
        return render(request, template, {**content(), **(page or {})})
    with pinned_version():

        def fragment() -> str:
            context = {**content(), **(page or {}), "base_template": FRAGMENT_TEMPLATE}
            return render_to_string(template, context)

        html = cached_fragment(template, fragment, get_language(), request.path, *parts)
        context = {**(page or {}), "page_fragment": mark_safe(html)}  # rendered by us
        return render(request, template, context)
