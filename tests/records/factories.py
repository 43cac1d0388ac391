"""Small core records for the tests (the tiny world: ar, br, eu, ng, sl)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cpbmonitor.core.records import (
    CapacityActivity,
    Decision,
    LivingModifiedOrganism,
    NationalContact,
)

DAY = dt.date(2019, 1, 1)


def lmo(identifier: str = "LMO-1", **fields: Any) -> LivingModifiedOrganism:
    values: dict[str, Any] = {
        "name": f"Maize {identifier}",
        "organism": "maize",
        "traits": ["insect resistance"],
        "valid_from": DAY,
    }
    return LivingModifiedOrganism(identifier=identifier, **(values | fields))


def decision(identifier: str = "DEC-BR-1", government: str = "br", **fields: Any) -> Decision:
    values: dict[str, Any] = {
        "title": f"Decision {identifier}",
        "decision_type": "transit",
        "lmos": ["LMO-1"],
        "valid_from": dt.date(2019, 6, 1),
    }
    return Decision(identifier=identifier, government=government, **(values | fields))


def contact(identifier: str, government: str, **fields: Any) -> NationalContact:
    values: dict[str, Any] = {
        "role": "national-focal-point",
        "name": "A. Person",
        "valid_from": DAY,
    }
    return NationalContact(identifier=identifier, government=government, **(values | fields))


def activity(identifier: str = "CBA-1", **fields: Any) -> CapacityActivity:
    values: dict[str, Any] = {
        "title": f"Workshop {identifier}",
        "providers": ["Secretariat"],
        "level": "subregional",
        "governments": ["br", "ng"],
        "regions": ["GRULAC"],
        "valid_from": dt.date(2020, 3, 1),
        "valid_to": dt.date(2020, 3, 5),
    }
    return CapacityActivity(identifier=identifier, **(values | fields))
