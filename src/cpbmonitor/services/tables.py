"""Tables for download, the same for every edge: a registry from a subject to the stored
data it reads, the subject's table built by ``core.outputs`` (one set of columns).

The pages' downloads (``/indicators/<code>/data.csv``, ``/records/<type>/data.csv``,
``/capacity/data.csv``) and the API (``/api/v1/tables/<subject>``) call
:func:`download_table`; the CLI builds the same tables from the same core builders
(``cpb evaluate -f csv``, ``cpb records list -f csv``, ``cpb capacity needs -f csv``).
When the data are demonstration data, the table carries a notice saying so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.utils.translation import gettext as _

from cpbmonitor.core.outputs import Table, table_of
from cpbmonitor.core.records import RECORD_TYPES
from cpbmonitor.services.demonstration import demo_data

Params = Mapping[str, str]
Source = Callable[[Params], Table]
SOURCES: dict[str, Source] = {}


class TableRequestError(ValueError):
    """A download asked with a missing or wrong parameter (the message says which)."""


def source(subject: str) -> Callable[[Source], Source]:
    def register(function: Source) -> Source:
        SOURCES[subject] = function
        return function

    return register


def demo_notice() -> str | None:
    """The notice every download carries when the data are demonstration data: the
    words ``cpb evaluate`` prints (``core.demo.LABEL``), in the page's language."""
    if not demo_data():
        return None
    return _("Demonstration data: generated, not real national reports.")


def download_table(subject: str, params: Params) -> Table:
    """The table of ``subject`` for ``params``; ``LookupError`` for an unknown subject or
    item, :class:`TableRequestError` for a bad parameter."""
    if subject not in SOURCES:
        raise LookupError(f"no table {subject!r} (known: {', '.join(sorted(SOURCES))})")
    return SOURCES[subject](params).with_notices(demo_notice())


def _required(params: Params, name: str) -> str:
    value = params.get(name) or ""
    if not value:
        raise TableRequestError(f"give the parameter {name!r}")
    return value


@source("indicator-results")
def _indicator_results(params: Params) -> Table:
    """``indicator``: an indicator code of the current plan version."""
    from cpbmonitor.services.evaluation import current_evaluation, current_plan

    code = _required(params, "indicator")
    plan = current_plan()
    plan.indicator(code)  # KeyError (a LookupError) for an unknown code
    return table_of("indicator-results", current_evaluation(plan), indicator=code)


@source("indicator-series")
def _indicator_series(params: Params) -> Table:
    """``indicator``: an indicator code of the current plan version; ``cycles`` (optional,
    e.g. ``4,5,6``; default: every cycle with rules): its values in each cycle, each
    change with its comparability."""
    from cpbmonitor.services.evaluation import current_plan, parse_cycles
    from cpbmonitor.services.progress import stored_series

    code = _required(params, "indicator")
    plan = current_plan()
    plan.indicator(code)  # KeyError (a LookupError) for an unknown code
    text = params.get("cycles") or ""
    try:
        numbers = parse_cycles(text) if text else None
    except ValueError as error:
        raise TableRequestError(str(error)) from None
    return table_of("indicator-series", stored_series(plan.id, numbers), indicator=code)


@source("records")
def _records(params: Params) -> Table:
    """``type``: a record type; ``government`` (optional): an ISO code."""
    from cpbmonitor.services.parties import government
    from cpbmonitor.services.records import find_records, stored_records

    kind = _required(params, "type")
    if kind not in RECORD_TYPES:
        raise LookupError(f"no record type {kind!r}")
    party = government(params["government"]) if params.get("government") else None
    records = stored_records(find_records(kind, government=party))
    return table_of("records", records, type_name=kind)


@source("capacity-needs")
def _capacity_needs(params: Params) -> Table:
    """``cycle`` (optional, default: the latest with needs): a reporting cycle number."""
    from cpbmonitor.services.capacity import cycles_with_needs, stored_needs
    from cpbmonitor.services.evaluation import current_plan

    cycles = cycles_with_needs()
    asked = params.get("cycle") or (str(cycles[-1]) if cycles else "")
    if not asked.isdigit():
        raise TableRequestError(f"cycle must be a number, not {asked!r}")
    if int(asked) not in cycles:
        raise LookupError(f"no needs analysis for cycle {asked}")
    analysis = stored_needs(int(asked), compare=False)
    return table_of("capacity-needs", analysis, plan=current_plan())
