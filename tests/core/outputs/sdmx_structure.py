"""The data structure of ``docs/sdmx.md`` as pysdmx model objects, and a check of an
SDMX-CSV file against it with pysdmx (format detection, dataflow reference, components,
code lists, types). pysdmx is installed without its ``data`` extra (pandas), so the rows
are read with ``csv`` and checked here against pysdmx's own structure objects."""

from __future__ import annotations

import csv
import io

from pysdmx.io.format import Format
from pysdmx.io.input_processor import process_string_to_read
from pysdmx.model import Code, Codelist, Component, Components, Concept, DataType, Role
from pysdmx.util import parse_short_urn

from cpbmonitor.core.plan import load_plan


def _codes(cl_id: str, ids: list[str]) -> Codelist:
    return Codelist(cl_id, agency="CPBM", items=[Code(i) for i in ids])


def structure() -> Components:
    indicators = [
        "".join(c if c.isalnum() else "_" for c in i.code).strip("_")
        for plan in ("draft-2019", "draft-2020")
        for i in load_plan(plan).indicators()
    ]
    areas = ["WLD", "AFR", "ASP", "CEE", "GRULAC", "WEOG"]

    def component(cid, role, dtype, codes=None, required=True):
        return Component(
            cid,
            required,
            role,
            Concept(cid, dtype=dtype),
            local_codes=codes,
            attachment_level=("O" if role == Role.ATTRIBUTE else None),
        )

    return Components(
        [
            component(
                "INDICATOR",
                Role.DIMENSION,
                DataType.STRING,
                _codes("CL_INDICATOR", sorted(set(indicators))),
            ),
            component("REF_AREA", Role.DIMENSION, DataType.STRING, _codes("CL_AREA", areas)),
            component("TIME_PERIOD", Role.DIMENSION, DataType.YEAR),
            component("OBS_VALUE", Role.MEASURE, DataType.DOUBLE),
            component(
                "UNIT_MEASURE", Role.ATTRIBUTE, DataType.STRING, _codes("CL_UNIT", ["PT", "NUMBER"])
            ),
            component("REPORTING_CYCLE", Role.ATTRIBUTE, DataType.INTEGER),
            component("COMMENT_DSET", Role.ATTRIBUTE, DataType.STRING, required=False),
        ]
    )


def read_checked(content: bytes) -> list[dict[str, str]]:
    """The observations of an SDMX-CSV 1.0 file, after checking it against the structure;
    raises ``AssertionError`` naming the first problem."""
    text = content.decode("utf-8")
    _, found = process_string_to_read(text)
    assert found == Format.DATA_SDMX_CSV_1_0_0, found
    rows = list(csv.DictReader(io.StringIO(text)))
    components = structure()
    header = text.splitlines()[0].split(",")
    assert header == ["DATAFLOW", *(c.id for c in components)], header
    for number, row in enumerate(rows, start=2):
        flow = parse_short_urn(f"Dataflow={row['DATAFLOW']}")
        assert (flow.agency, flow.id, flow.version) == ("CPBM", "CPB_INDICATORS", "1.0"), number
        for c in components:
            value = row[c.id]
            assert value or not c.required, (number, c.id)
            if c.local_codes is not None and value:
                assert value in {code.id for code in c.local_codes}, (number, c.id, value)
            if c.dtype == DataType.DOUBLE:
                float(value)
            if c.dtype in (DataType.YEAR, DataType.INTEGER):
                assert value.isdigit(), (number, c.id, value)
    return rows
