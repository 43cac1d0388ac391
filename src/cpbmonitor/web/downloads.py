"""A table as a file download (``services.tables`` builds it, ``core.outputs`` writes it).

Every format holds the same rows and columns. When the data are demonstration data, each
says so: CSV in first lines ``# <notice>``, JSON in ``"notices"`` beside ``"rows"``, XLSX
in the first rows of the sheet and in the printed page header.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse, HttpResponseBadRequest

from cpbmonitor.core.outputs import TABLE_FORMATS, write
from cpbmonitor.services.tables import Params, TableRequestError, download_table

FORMATS: tuple[str, ...] = tuple(TABLE_FORMATS)


def table_response(subject: str, params: Params, fmt: str, name: str) -> HttpResponse:
    """The table of ``subject`` in ``fmt`` as an attachment ``<name>.<fmt>``."""
    if fmt not in TABLE_FORMATS:
        raise Http404(f"no {fmt} download")
    try:
        table = download_table(subject, params)
    except TableRequestError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    except LookupError as error:
        raise Http404(str(error)) from None
    response = HttpResponse(write(table, fmt), content_type=TABLE_FORMATS[fmt].media_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
