"""Translatable names of record types and fields, for the pages and forms.

The core's labels are English; these are marked for the French catalogue. A field or
type missing here is shown by its name, so a new record type still works.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from cpbmonitor.core.records import RECORD_TYPES, RecordType

TYPE_PLURALS: dict[str, Promise] = {
    "contact": _("National contacts"),
    "decision": _("Decisions on LMOs"),
    "risk-assessment": _("Risk assessment reports"),
    "lmo": _("LMOs"),
    "detection-method": _("Detection methods"),
    "reference-material": _("Certified reference materials"),
    "laboratory": _("Laboratories"),
    "bch-publication": _("Non-mandatory BCH records"),
    "compliance-issue": _("Compliance issues"),
    "compliance-review": _("Compliance reviews"),
    "gef-funding": _("GEF funding for national reports"),
    "usage-statistic": _("BCH usage statistics"),
    "cb-activity": _("Capacity-building activities"),
    "cb-resource": _("Capacity-building resources"),
}
TYPE_LABELS: dict[str, Promise] = {
    "contact": _("National contact"),
    "decision": _("Decision on LMOs"),
    "risk-assessment": _("Risk assessment report"),
    "lmo": _("LMO"),
    "detection-method": _("Detection method"),
    "reference-material": _("Certified reference material"),
    "laboratory": _("Laboratory"),
    "bch-publication": _("Non-mandatory BCH record"),
    "compliance-issue": _("Compliance issue"),
    "compliance-review": _("Compliance review"),
    "gef-funding": _("GEF funding for a national report"),
    "usage-statistic": _("BCH usage statistic"),
    "cb-activity": _("Capacity-building activity"),
    "cb-resource": _("Capacity-building resource"),
}
SOURCE_LABELS: dict[str, Promise] = {
    "bch": _("Biosafety Clearing-House"),
    "compliance-committee": _("Compliance Committee"),
    "usage": _("BCH usage statistics"),
    "gef": _("Global Environment Facility"),
}

FIELD_LABELS: dict[str, Promise] = {
    "identifier": _("Identifier"),
    "valid_from": _("Holds from"),
    "valid_to": _("Ended on"),
    "government": _("Government"),
    "governments": _("Governments covered"),
    "role": _("Role"),
    "name": _("Name"),
    "organization": _("Organization"),
    "email": _("Email"),
    "title": _("Title"),
    "decision_type": _("Type of decision"),
    "lmos": _("LMOs"),
    "risk_assessment": _("Risk assessment report"),
    "organism": _("Organism"),
    "traits": _("Traits"),
    "developer": _("Developer"),
    "adverse_effects": _("Likely to have adverse effects"),
    "method_type": _("Type of method"),
    "provider": _("Provider"),
    "accredited": _("Accredited"),
    "subject": _("Subject"),
    "finding_of_non_compliance": _("Finding of non-compliance"),
    "conclusion": _("Conclusion"),
    "obligations_not_met": _("Obligations not met"),
    "cycle": _("Reporting cycle"),
    "agency": _("GEF agency"),
    "amount": _("Amount (US dollars)"),
    "kind": _("Kind of record"),
    "users": _("Users"),
    "visits": _("Visits"),
    "providers": _("Providers"),
    "target_audiences": _("Target audiences"),
    "level": _("Level"),
    "regions": _("Regions covered"),
    "funding_source": _("Funding source"),
    "funding_amount": _("Funding (US dollars)"),
    "goals": _("Goals of the plan"),
    "key_areas": _("Key areas"),
    "activities": _("Activities of the Capacity-Building Action Plan"),
    "needs_areas": _("Needs areas addressed"),
    "resource_type": _("Type of resource"),
    "publisher": _("Publisher"),
    "languages": _("Languages"),
    "url": _("Web address"),
}
DATE_LABELS: dict[str, tuple[Promise, Promise]] = {
    "contact": (_("Designated on"), _("Withdrawn on")),
    "decision": (_("Date of the decision"), _("No longer in force from")),
    "risk-assessment": (_("Date of the assessment"), _("Withdrawn on")),
    "lmo": (_("Registered on"), _("Removed on")),
    "compliance-issue": (_("Opened on"), _("Resolved on")),
    "compliance-review": (_("Concluded on"), _("Superseded on")),
    "gef-funding": (_("Funding accessed on"), _("Ended on")),
    "bch-publication": (_("First published on"), _("Removed on")),
    "usage-statistic": (_("Period from"), _("Period until (first day after)")),
    "cb-activity": (_("Starts on"), _("Ends on")),
    "cb-resource": (_("Available from"), _("Withdrawn on")),
}
FIELD_HELP: dict[str, Promise] = {
    "identifier": _("Unique within the type; no spaces."),
    "valid_to": _("The first day on which the record no longer holds; empty while it holds."),
    "lmos": _("LMO unique identifiers, one per line (or separated by ';')."),
    "governments": _("ISO codes of the governments covered, one per line (br, ng...)."),
    "goals": _("Goal codes of the plan, one per line (A.5...)."),
    "key_areas": _("One per line, as 'goal code', e.g. A.5 (1)."),
    "activities": _("One per line, as 'goal code', e.g. A.5 (i)."),
    "needs_areas": _("Needs areas (a) to (q), one per line."),
    "risk_assessment": _("Identifier of the linked risk assessment report, if any."),
    "obligations_not_met": _("The obligations found not met, one per line."),
    "cycle": _("The reporting cycle of the national report funded (4, 5...)."),
}


def type_plural(name: str) -> str:
    return str(TYPE_PLURALS.get(name, RECORD_TYPES[name].plural))


def type_label(name: str) -> str:
    return str(TYPE_LABELS.get(name, RECORD_TYPES[name].label))


def field_label(kind: RecordType, field: str) -> str:
    dates = DATE_LABELS.get(kind.name)
    if dates and field in ("valid_from", "valid_to"):
        return str(dates[field == "valid_to"])
    return str(FIELD_LABELS.get(field, capfirst(field.replace("_", " "))))


def choice_label(value: str) -> str:
    """An option value of a core field, readable: ``contained-use`` -> ``Contained use``."""
    return capfirst(value.replace("-", " "))
