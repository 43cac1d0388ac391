"""Records from the BCH, the Compliance Committee, usage statistics and the
capacity-building registry (see ``model``)."""

from cpbmonitor.core.records.model import (
    RECORD_TYPES,
    CapacityActivity,
    CapacityResource,
    ComplianceIssue,
    Decision,
    DetectionMethod,
    GovernmentRecordModel,
    Laboratory,
    LivingModifiedOrganism,
    NationalContact,
    RecordModel,
    RecordType,
    ReferenceMaterial,
    RiskAssessment,
    UsageStatistic,
    record_type_named,
    type_of,
)
from cpbmonitor.core.records.recordset import RecordSet

__all__ = [
    "RECORD_TYPES",
    "CapacityActivity",
    "CapacityResource",
    "ComplianceIssue",
    "Decision",
    "DetectionMethod",
    "GovernmentRecordModel",
    "Laboratory",
    "LivingModifiedOrganism",
    "NationalContact",
    "RecordModel",
    "RecordSet",
    "RecordType",
    "ReferenceMaterial",
    "RiskAssessment",
    "UsageStatistic",
    "record_type_named",
    "type_of",
]
