"""The 500 page: the site's layout (``500.html``) rendered with the request, so that it
is in the request's language; a bare page when even that fails."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader

log = logging.getLogger(__name__)

BARE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Server error</title>'
    "</head><body><h1>Server error</h1><p>Please try again later.</p></body></html>"
)


def server_error(request: HttpRequest) -> HttpResponse:
    try:
        page = loader.get_template("500.html").render(request=request)
    except Exception:  # the layout needs the database; a 500 page must not fail
        log.exception("the 500 page could not be rendered")
        page = BARE
    return HttpResponseServerError(page)
