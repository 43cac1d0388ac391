"""One record of every type with every field set (lists with several values, optional
fields given, booleans true), and one with only the required fields."""

from __future__ import annotations

import datetime as dt

from cpbmonitor.core.records import (
    RECORD_TYPES,
    CapacityActivity,
    CapacityResource,
    ComplianceIssue,
    ComplianceReview,
    Decision,
    DetectionMethod,
    Laboratory,
    LivingModifiedOrganism,
    NationalContact,
    NonMandatoryRecord,
    RecordModel,
    ReferenceMaterial,
    ReportFunding,
    RiskAssessment,
    UsageStatistic,
)

D = dt.date
COMMON = {"valid_from": D(2018, 4, 1), "valid_to": D(2022, 1, 1), "demonstration": True}

FULL: dict[str, RecordModel] = {
    "contact": NationalContact(
        identifier="contact-br-nfp-1",
        government="br",
        role="national-focal-point",
        name="Biosafety desk",
        organization="Ministry of Environment",
        email="nfp@br.example",
        **COMMON,
    ),
    "decision": Decision(
        identifier="dec-br-001",
        government="br",
        title="Import of maize, for food = feed",
        decision_type="direct-use-food-feed-processing",
        lmos=["MON-00001-1", "SYN-00002-2"],
        risk_assessment="ra-br-001",
        **COMMON,
    ),
    "risk-assessment": RiskAssessment(
        identifier="ra-br-001",
        government="br",
        title="Risk assessment of maize",
        lmos=["MON-00001-1", "SYN-00002-2"],
        **COMMON,
    ),
    "lmo": LivingModifiedOrganism(
        identifier="MON-ØØØØ1-1",
        name="Maize event 00001",
        organism="maize",
        traits=["insect resistance (Lepidoptera)", "herbicide tolerance (glyphosate)"],
        developer="Example Seeds",
        adverse_effects=True,
        **COMMON,
    ),
    "detection-method": DetectionMethod(
        identifier="dm-001",
        title="Screening PCR",
        lmos=["MON-00001-1", "SYN-00002-2"],
        method_type="element-specific",
        **COMMON,
    ),
    "reference-material": ReferenceMaterial(
        identifier="crm-001",
        title="Certified reference material for maize",
        lmos=["MON-00001-1"],
        provider="Reference Materials Centre",
        **COMMON,
    ),
    "laboratory": Laboratory(
        identifier="lab-ng-1",
        government="ng",
        name="GMO Detection Laboratory",
        accredited=True,
        **COMMON,
    ),
    "compliance-issue": ComplianceIssue(
        identifier="cc-001",
        government="ng",
        subject="No competent national authority designated",
        finding_of_non_compliance=True,
        **COMMON,
    ),
    "compliance-review": ComplianceReview(
        identifier="ccr-ng-4",
        government="ng",
        subject="General review of the fourth national report",
        conclusion="non-compliance",
        obligations_not_met=["Article 19", "Article 20"],
        **COMMON,
    ),
    "gef-funding": ReportFunding(
        identifier="gef-ng-4",
        government="ng",
        cycle=4,
        agency="UNEP",
        amount=20000.0,
        **COMMON,
    ),
    "bch-publication": NonMandatoryRecord(
        identifier="vlr-ng-1", government="ng", kind="virtual-library-resource", **COMMON
    ),
    "usage-statistic": UsageStatistic(identifier="usage-2018", users=8123, visits=254001, **COMMON),
    "cb-activity": CapacityActivity(
        identifier="cba-001",
        title="=Risk assessment course",
        providers=["CBD Secretariat", "GEF/UNEP"],
        target_audiences=["risk assessors", "policy makers"],
        level="subregional",
        governments=["bw", "ng"],
        regions=["AFR"],
        funding_source="GEF",
        funding_amount=125000.5,
        goals=["A.5", "A.6"],
        key_areas=["A.5 (1)", "A.6-A.8 (3)"],
        activities=["A.5 (i)", "A.6-A.8 (iii)"],
        needs_areas=["(c)", "(i)"],
        **COMMON,
    ),
    "cb-resource": CapacityResource(
        identifier="cbr-001",
        title="Detection manual",
        resource_type="manual",
        publisher="FAO",
        languages=["en", "fr"],
        url="https://example.org/manual",
        key_areas=["A.6-A.8 (2)"],
        needs_areas=["(i)"],
        regions=["AFR", "ASP"],
        **COMMON,
    ),
}

REQUIRED_ONLY: dict[str, dict[str, object]] = {
    "contact": {"government": "br", "role": "bch-focal-point", "name": "BCH desk"},
    "decision": {"government": "br", "title": "Transit", "decision_type": "transit"},
    "risk-assessment": {"government": "br", "title": "Assessment"},
    "lmo": {"name": "Soybean event", "organism": "soybean"},
    "detection-method": {"title": "PCR", "lmos": ["X-1"]},
    "reference-material": {"title": "CRM", "lmos": ["X-1"]},
    "laboratory": {"government": "ng", "name": "Lab"},
    "compliance-issue": {"government": "ng", "subject": "Report missing"},
    "compliance-review": {"government": "ng", "subject": "Review", "conclusion": "in-compliance"},
    "gef-funding": {"government": "ng", "cycle": 5},
    "bch-publication": {"government": "br", "kind": "expert"},
    "usage-statistic": {"users": 0, "visits": 0, "valid_to": D(2019, 1, 1)},
    "cb-activity": {"title": "Course", "providers": ["FAO"], "level": "global"},
    "cb-resource": {"title": "Video", "resource_type": "video"},
}

MINIMAL: dict[str, RecordModel] = {
    name: RECORD_TYPES[name].model.model_validate(
        {"identifier": f"{name}-min", "valid_from": D(2019, 1, 1), **fields}
    )
    for name, fields in REQUIRED_ONLY.items()
}

assert set(FULL) == set(MINIMAL) == set(RECORD_TYPES), "a sample for every record type"
