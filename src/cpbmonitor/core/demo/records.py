"""Demonstration records: national contacts, LMOs, detection methods, reference materials,
laboratories, non-mandatory BCH records, decisions and risk assessments, Compliance
Committee issues and reviews (``records_committee``), BCH usage, GEF funding for national
reports (``records_funding``) and the capacity-building registry (``records_capacity``),
for real Parties.

Generated, never real: every record has ``demonstration=True`` and an identifier starting
``demo-``. Deterministic for a seed. Built so that indicators "as on" a date have
something to show: some contacts are designated after 31 December 2019 and some were
withdrawn before it; about two LMOs in three have a detection method; some risk
assessment reports were registered after the decision that links them; the Compliance
Committee found non-compliance in issues of four Parties open on that date and of two
open on 28 February 2026. The counts are the constants below, for the 173 Parties; a
smaller world gets proportionally fewer decisions, issues and activities (``scaled``).
Every record passes ``check_links``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from cpbmonitor.core.demo.design import DEFAULT_SEED, IDENTIFIER_PREFIX
from cpbmonitor.core.demo.parties import DemoParty
from cpbmonitor.core.demo.records_capacity import capacity_records
from cpbmonitor.core.demo.records_committee import compliance_reviews
from cpbmonitor.core.demo.records_common import (
    day_between,
    rng_for,
    scaled,
    weighted_choice,
    weighted_sample,
)
from cpbmonitor.core.demo.records_funding import gef_funding
from cpbmonitor.core.records.model import (
    ComplianceIssue,
    ContactRole,
    Decision,
    DecisionType,
    DetectionMethod,
    Laboratory,
    LivingModifiedOrganism,
    NationalContact,
    NonMandatoryRecord,
    RecordModel,
    ReferenceMaterial,
    RiskAssessment,
    UsageStatistic,
)

SNAPSHOT = dt.date(2019, 12, 31)
"""The baseline date of the indicators measured from BCH records."""
LAST_DAY = dt.date(2025, 10, 31)
"""No record starts after this day, except planned capacity-building activities."""
NFP_GAP_SHARE = 0.08
"""Parties whose national focal point was withdrawn before ``SNAPSHOT`` and whose
successor was designated after it."""
LMO_COUNT = 150
DETECTED_LMOS = 98
"""LMOs with an event-specific detection method (65 %)."""
GROUP_METHODS = 8
"""Construct- or element-specific methods, each for several already detected LMOs."""
REFERENCE_MATERIALS = 30
DECISION_COUNT = 420
DECISION_RA_SHARE = 0.55
RA_REGISTERED_LATER_SHARE = 0.12
"""Linked risk assessment reports registered in the BCH after the decision."""
UNLINKED_RISK_ASSESSMENTS = 25
ISSUE_COUNT = 20
RESOLVED_ISSUES = 12
USAGE_YEARS = range(2016, 2026)

ROLES: dict[ContactRole, tuple[str, str, float]] = {
    "national-focal-point": ("nfp", "National focal point", 0.97),
    "competent-national-authority": ("cna", "Competent national authority", 0.86),
    "article-17-contact-point": ("a17", "Article 17 contact point", 0.72),
    "bch-focal-point": ("bch", "BCH national focal point", 0.82),
}
"""Role -> (identifier tag, label, share of Parties that ever designated one)."""
ORGANIZATIONS = (
    "Ministry of Environment",
    "Ministry of Agriculture",
    "National Biosafety Authority",
    "Ministry of Science and Technology",
    "Environmental Protection Agency",
    "Ministry of Foreign Affairs",
)

IR_LEP, IR_COL = "insect resistance (Lepidoptera)", "insect resistance (Coleoptera)"
HT_GLY, HT_GLU = "herbicide tolerance (glyphosate)", "herbicide tolerance (glufosinate)"
OIL, DROUGHT, VIRUS = "modified oil composition", "drought tolerance", "virus resistance"
ORGANISMS: dict[str, tuple[float, tuple[str, ...]]] = {
    "maize": (40, (IR_LEP, IR_COL, HT_GLY, HT_GLU, DROUGHT, "modified starch")),
    "soybean": (28, (HT_GLY, "herbicide tolerance (dicamba)", OIL, IR_LEP)),
    "cotton": (22, (IR_LEP, HT_GLY, HT_GLU)),
    "canola": (18, (HT_GLU, HT_GLY, "male sterility", OIL)),
    "rice": (6, (IR_LEP, "provitamin A biosynthesis")),
    "potato": (6, (VIRUS, "reduced acrylamide potential", "late blight resistance")),
    "sugar beet": (4, (HT_GLY,)),
    "alfalfa": (4, (HT_GLY, "reduced lignin")),
    "sugarcane": (4, (IR_LEP, DROUGHT)),
    "papaya": (2, (VIRUS,)),
    "eggplant": (2, (IR_LEP,)),
    "carnation": (2, ("altered flower colour",)),
    "wheat": (2, (DROUGHT, HT_GLU)),
}
"""Organism -> (weight among LMOs, traits)."""
DEVELOPERS = {
    "NFR": "Northfield Seed Research",
    "TVG": "Terravale Genetics",
    "SMA": "Sunmeadow Agro",
    "RBB": "Riverbend Biotech",
    "HPS": "Highplain Seeds",
    "PCI": "Public Crop Institute",
}
"""Fictional developers, by the prefix of their unique identifiers."""

DECISION_TYPES: dict[DecisionType, tuple[float, str]] = {
    "direct-use-food-feed-processing": (55, "direct use as food or feed, or for processing"),
    "intentional-introduction": (20, "introduction into the environment"),
    "contained-use": (10, "contained use"),
    "domestic-use": (8, "domestic use, including placing on the market"),
    "transit": (4, "transit"),
    "other": (3, "other uses"),
}
"""Decision type -> (weight, what the decision is for)."""
DECIDING_REGIONS = {None: 6.0, "WEOG": 3.0, "ASP": 1.5, "GRULAC": 1.5, "CEE": 1.0, "AFR": 0.6}
"""How often a Party of a region takes decisions on LMOs (None: the European Union)."""
LAB_SHARE = {None: 1.0, "WEOG": 0.7, "CEE": 0.5, "GRULAC": 0.45, "ASP": 0.35, "AFR": 0.25}
LAB_KINDS = (
    "National Biosafety Laboratory",
    "GMO Detection Laboratory",
    "Plant Health Laboratory",
    "Food Control Laboratory",
)
ISSUE_SUBJECTS = (
    "National report not submitted for the cycle",
    "No competent national authority designated",
    "No national biosafety framework in place",
    "Decisions on LMOs not made available in the BCH",
    "Risk assessment summaries not made available in the BCH",
    "No Article 17 emergency contact point designated",
)
ISSUE_REGIONS = {"AFR": 4.0, "ASP": 3.0, "GRULAC": 2.0, "CEE": 1.5, "WEOG": 0.3}
MATERIAL_PROVIDERS = (
    "National Metrology Institute",
    "Reference Materials Centre",
    "Grain Inspection Laboratory",
)


def _id(*parts: object) -> str:
    return IDENTIFIER_PREFIX + "-".join(str(part) for part in parts)


# -- national contacts ------------------------------------------------------------------------


def _contact(
    party: DemoParty,
    role: ContactRole,
    number: int,
    period: tuple[dt.date, dt.date | None],
    rng: random.Random,
) -> NationalContact:
    tag, label, _ = ROLES[role]
    return NationalContact(
        identifier=_id("contact", party.iso2, tag, number),
        government=party.iso2,
        role=role,
        name=f"{label} of {party.name} ({number})",
        organization=rng.choice(ORGANIZATIONS),
        email=f"{tag}{number}@{party.iso2}.demo.example",
        valid_from=period[0],
        valid_to=period[1],
        demonstration=True,
    )


def _designations(
    rng: random.Random, since: dt.date, gap: bool
) -> list[tuple[dt.date, dt.date | None]]:
    """(designated, withdrawn) of the successive holders of one post."""
    first = day_between(rng, since, min(LAST_DAY, since + dt.timedelta(days=4 * 365)))
    if gap and first < dt.date(2017, 1, 1):
        withdrawn = day_between(rng, dt.date(2017, 1, 1), dt.date(2019, 10, 31))
        successor = day_between(rng, dt.date(2020, 2, 1), dt.date(2022, 12, 31))
        return [(first, withdrawn), (successor, None)]
    if rng.random() < 0.35 and first < dt.date(2022, 1, 1):
        change = day_between(rng, first + dt.timedelta(days=400), LAST_DAY)
        return [(first, change), (change, None)]
    return [(first, None)]


def contacts(parties: Sequence[DemoParty], seed: int) -> list[NationalContact]:
    rng = rng_for(seed, "contacts")
    found = []
    for party in parties:
        since = max(party.cp_party_since or SNAPSHOT, dt.date(2004, 1, 1))
        gap = rng.random() < NFP_GAP_SHARE
        for role, (_, _, share) in ROLES.items():
            if rng.random() >= share:
                continue
            periods = _designations(rng, since, gap and role == "national-focal-point")
            if role == "competent-national-authority" and rng.random() < 0.4:
                periods.append((day_between(rng, since, LAST_DAY), None))
            for number, period in enumerate(periods, start=1):
                found.append(_contact(party, role, number, period, rng))
    return found


# -- LMOs, detection methods, reference materials ----------------------------------------


def lmos(seed: int) -> list[LivingModifiedOrganism]:
    rng = rng_for(seed, "lmos")
    weights = {name: weight for name, (weight, _) in ORGANISMS.items()}
    numbers = rng.sample(range(10000, 100000), LMO_COUNT)
    found = []
    for number in numbers:
        organism = weighted_choice(rng, weights)
        traits = ORGANISMS[organism][1]
        prefix = rng.choice(sorted(DEVELOPERS))
        check = sum(int(digit) for digit in str(number)) % 10
        found.append(
            LivingModifiedOrganism(
                identifier=_id(prefix, number, check),
                name=f"{organism.capitalize()} event {prefix}{number}",
                organism=organism,
                traits=sorted(rng.sample(traits, rng.randint(1, min(3, len(traits))))),
                developer=DEVELOPERS[prefix],
                valid_from=day_between(rng, dt.date(2000, 1, 1), dt.date(2024, 12, 31)),
                demonstration=True,
            )
        )
    return sorted(found, key=lambda lmo: lmo.valid_from)


def _after(rng: random.Random, start: dt.date, years: int) -> dt.date:
    return day_between(rng, start, min(LAST_DAY, start + dt.timedelta(days=365 * years)))


def detection_methods(
    organisms: Sequence[LivingModifiedOrganism], seed: int
) -> list[DetectionMethod]:
    rng = rng_for(seed, "detection")
    detected = rng.sample(list(organisms), DETECTED_LMOS)
    found = [
        DetectionMethod(
            identifier=_id("dm", f"{n:03d}"),
            title=f"Event-specific real-time PCR for {lmo.name}",
            lmos=[lmo.identifier],
            valid_from=_after(rng, lmo.valid_from, 4),
            demonstration=True,
        )
        for n, lmo in enumerate(detected, start=1)
    ]
    for n in range(len(found) + 1, len(found) + GROUP_METHODS + 1):
        group = rng.sample(detected, rng.randint(3, 6))
        element = rng.choice(("35S promoter", "NOS terminator", "bar gene", "cry1Ab construct"))
        found.append(
            DetectionMethod(
                identifier=_id("dm", f"{n:03d}"),
                title=f"Screening PCR for the {element}",
                lmos=sorted(lmo.identifier for lmo in group),
                method_type="construct-specific" if "construct" in element else "element-specific",
                valid_from=_after(rng, max(lmo.valid_from for lmo in group), 3),
                demonstration=True,
            )
        )
    return found


def reference_materials(
    methods: Sequence[DetectionMethod], organisms: Sequence[LivingModifiedOrganism], seed: int
) -> list[ReferenceMaterial]:
    rng = rng_for(seed, "materials")
    by_id = {lmo.identifier: lmo for lmo in organisms}
    detected = sorted({m.lmos[0] for m in methods if m.method_type == "event-specific"})
    return [
        ReferenceMaterial(
            identifier=_id("crm", f"{n:03d}"),
            title=f"Certified reference material for {by_id[lmo].name}",
            lmos=[lmo],
            provider=rng.choice(MATERIAL_PROVIDERS),
            valid_from=_after(rng, by_id[lmo].valid_from, 5),
            demonstration=True,
        )
        for n, lmo in enumerate(rng.sample(detected, REFERENCE_MATERIALS), start=1)
    ]


def laboratories(parties: Sequence[DemoParty], seed: int) -> list[Laboratory]:
    rng = rng_for(seed, "laboratories")
    found = []
    for party in parties:
        share = LAB_SHARE[party.region]
        count = (rng.random() < share) + (rng.random() < share / 3)
        found += [
            Laboratory(
                identifier=_id("lab", party.iso2, n),
                government=party.iso2,
                name=f"{rng.choice(LAB_KINDS)} of {party.name}",
                accredited=rng.random() < 0.3 + share / 2,
                valid_from=day_between(rng, dt.date(2005, 1, 1), dt.date(2024, 12, 31)),
                demonstration=True,
            )
            for n in range(1, count + 1)
        ]
    return found


PUBLICATION_KINDS = {"virtual-library-resource": 3.0, "expert": 1.5, "organization": 1.0}
PUBLICATION_PERIODS = (
    (dt.date(2010, 1, 1), dt.date(2015, 10, 31), 0.8),
    (dt.date(2015, 11, 1), dt.date(2019, 10, 1), 1.0),
    (dt.date(2019, 10, 2), LAST_DAY, 1.15),
)
"""(first day, last day, how much likelier than the regional share a Party publishes)."""
PUBLISHING_SHARE = {None: 0.9, "WEOG": 0.6, "CEE": 0.45, "GRULAC": 0.45, "ASP": 0.35, "AFR": 0.3}


def publications(parties: Sequence[DemoParty], seed: int) -> list[NonMandatoryRecord]:
    """Non-mandatory BCH records (virtual library resources, experts, organizations):
    in each period, a Party publishes with its region's share (a little more in the
    later periods), one to four records."""
    rng = rng_for(seed, "publications")
    found = []
    for party in parties:
        for period, (first, last, factor) in enumerate(PUBLICATION_PERIODS, start=1):
            if rng.random() >= PUBLISHING_SHARE[party.region] * factor:
                continue
            for n in range(1, rng.randint(1, 4) + 1):
                found.append(
                    NonMandatoryRecord(
                        identifier=_id("pub", party.iso2, period, n),
                        government=party.iso2,
                        kind=weighted_choice(rng, PUBLICATION_KINDS),
                        valid_from=day_between(rng, first, last),
                        demonstration=True,
                    )
                )
    return found


# -- decisions and risk assessments -----------------------------------------------------


def _risk_assessment(
    decision: Decision, subject: str, number: int, rng: random.Random
) -> RiskAssessment:
    """The report that ``decision`` links: mostly registered before the decision, some
    (``RA_REGISTERED_LATER_SHARE``) after it."""
    day = decision.valid_from
    if rng.random() < RA_REGISTERED_LATER_SHARE:
        day = min(LAST_DAY, day + dt.timedelta(days=rng.randint(30, 500)))
    else:
        day -= dt.timedelta(days=rng.randint(30, 400))
    return RiskAssessment(
        identifier=_id("ra", decision.government, f"{number:04d}"),
        government=decision.government,
        title=f"Risk assessment of {subject}",
        lmos=list(decision.lmos),
        valid_from=day,
        demonstration=True,
    )


def _decision_days(
    rng: random.Random, parties: Sequence[DemoParty]
) -> list[tuple[dt.date, DemoParty]]:
    """(day, Party) of every decision, in the order of time; Parties of some regions
    decide more often (``DECIDING_REGIONS``)."""
    by_code = {p.iso2: p for p in parties}
    weights = {p.iso2: DECIDING_REGIONS[p.region] for p in parties}
    days = []
    for _ in range(scaled(DECISION_COUNT, len(parties))):
        party = by_code[weighted_choice(rng, weights)]
        since = max(party.cp_party_since or SNAPSHOT, dt.date(2012, 1, 1))
        days.append((day_between(rng, since, LAST_DAY), party))
    return sorted(days, key=lambda pair: (pair[0], pair[1].iso2))


def decisions(
    parties: Sequence[DemoParty], organisms: Sequence[LivingModifiedOrganism], seed: int
) -> list[Decision | RiskAssessment]:
    """``DECISION_COUNT`` decisions on LMOs registered by their day, some with a linked
    risk assessment report, and ``UNLINKED_RISK_ASSESSMENTS`` reports of no decision
    (proportionally fewer of both for fewer Parties)."""
    rng = rng_for(seed, "decisions")
    types = {name: weight for name, (weight, _) in DECISION_TYPES.items()}
    counters: dict[str, int] = {}
    found: list[Decision | RiskAssessment] = []
    for day, party in _decision_days(rng, parties):
        known = [lmo for lmo in organisms if lmo.valid_from <= day] or list(organisms[:1])
        covered = sorted(rng.sample(known, 1 if rng.random() < 0.8 else 2), key=lambda o: o.name)
        subject = " and ".join(lmo.name for lmo in covered)
        kind = weighted_choice(rng, types)
        counters[party.iso2] = number = counters.get(party.iso2, 0) + 1
        decision = Decision(
            identifier=_id("dec", party.iso2, f"{number:04d}"),
            government=party.iso2,
            title=f"Decision of {party.name} on {subject} for {DECISION_TYPES[kind][1]}",
            decision_type=kind,
            lmos=[lmo.identifier for lmo in covered],
            valid_from=day,
            demonstration=True,
        )
        if rng.random() < DECISION_RA_SHARE:
            assessment = _risk_assessment(decision, subject, number, rng)
            decision = decision.model_copy(update={"risk_assessment": assessment.identifier})
            found.append(assessment)
        found.append(decision)
    for number in range(1, scaled(UNLINKED_RISK_ASSESSMENTS, len(parties)) + 1):
        party = rng.choice(list(parties))
        lmo = rng.choice(list(organisms))
        found.append(
            RiskAssessment(
                identifier=_id("ra", party.iso2, f"u{number:03d}"),
                government=party.iso2,
                title=f"Risk assessment of {lmo.name}",
                lmos=[lmo.identifier],
                valid_from=_after(rng, max(lmo.valid_from, dt.date(2012, 1, 1)), 6),
                demonstration=True,
            )
        )
    return found


# -- Compliance Committee and usage -------------------------------------------------------


IssueCourse = tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date] | None]
"""(first and last day it may open, first and last day it may be resolved or ``None``)."""
FINDINGS: tuple[IssueCourse, ...] = (
    ((dt.date(2016, 1, 1), dt.date(2019, 6, 30)), None),
    ((dt.date(2021, 1, 1), dt.date(2024, 6, 30)), None),
    ((dt.date(2015, 1, 1), dt.date(2018, 12, 31)), (dt.date(2020, 3, 1), dt.date(2023, 12, 31))),
    ((dt.date(2015, 1, 1), dt.date(2018, 12, 31)), (dt.date(2020, 3, 1), dt.date(2023, 12, 31))),
    ((dt.date(2016, 1, 1), dt.date(2019, 6, 30)), (dt.date(2021, 1, 1), dt.date(2024, 12, 31))),
    ((dt.date(2014, 1, 1), dt.date(2015, 6, 30)), (dt.date(2016, 6, 1), dt.date(2017, 12, 31))),
)
"""Issues in which the Committee found non-compliance, by design: open on 31 December 2019
the first, third, fourth and fifth (4), open on 28 February 2026 the first two (2), the
last resolved before 2019. Each goes to a Party that was a Party when it opened; a smaller
world gets the first ones."""
ISSUE_DAYS = (dt.date(2014, 1, 1), dt.date(2024, 12, 31))
"""When the other issues open."""


def _issue_parties(
    parties: Sequence[DemoParty], rng: random.Random
) -> tuple[list[tuple[DemoParty, IssueCourse]], list[DemoParty]]:
    """(Parties with a finding and its course, Parties with another issue), one issue each."""
    weights = {
        p.iso2: ISSUE_REGIONS.get(p.region or "", 0.0) if p.is_party_on(ISSUE_DAYS[1]) else 0.0
        for p in parties
    }
    by_code = {p.iso2: p for p in parties}
    count = scaled(ISSUE_COUNT, len(parties))
    chosen = [by_code[code] for code in sorted(weighted_sample(rng, weights, count))]
    findings = []
    for course in FINDINGS[: scaled(len(FINDINGS), len(parties))]:
        able = [p for p in chosen if p.is_party_on(course[0][0])]
        if able:
            party = rng.choice(able)
            chosen.remove(party)
            findings.append((party, course))
    return findings, chosen


IssueDays = tuple[dt.date, dt.date | None]
"""(opened, resolved or ``None``)."""


def _finding_days(party: DemoParty, course: IssueCourse, rng: random.Random) -> IssueDays:
    (first, last), resolution = course
    opened = day_between(rng, max(first, party.cp_party_since or first), last)
    return opened, None if resolution is None else day_between(rng, *resolution)


def _other_days(party: DemoParty, resolved: bool, rng: random.Random) -> IssueDays:
    first, last = ISSUE_DAYS
    opened = day_between(rng, max(first, party.cp_party_since or first), last)
    closed = opened + dt.timedelta(days=rng.randint(180, 1500))
    return opened, min(closed, LAST_DAY) if resolved else None


def compliance_issues(parties: Sequence[DemoParty], seed: int) -> list[ComplianceIssue]:
    """``ISSUE_COUNT`` issues, one per Party, mostly in Africa and Asia: the ``FINDINGS``,
    and others opened in ``ISSUE_DAYS``; ``RESOLVED_ISSUES`` in all are resolved."""
    rng = rng_for(seed, "compliance")
    findings, others = _issue_parties(parties, rng)
    resolved_findings = sum(1 for _, (_, resolution) in findings if resolution)
    wanted = scaled(RESOLVED_ISSUES - resolved_findings, len(parties))
    resolved = set(rng.sample(range(len(others)), min(len(others), wanted)))
    days = {party.iso2: (_finding_days(party, course, rng), True) for party, course in findings}
    for index, party in enumerate(others):
        days[party.iso2] = (_other_days(party, index in resolved, rng), False)
    return [
        ComplianceIssue(
            identifier=_id("cc", f"{number:03d}"),
            government=code,
            subject=rng.choice(ISSUE_SUBJECTS),
            finding_of_non_compliance=days[code][1],
            valid_from=days[code][0][0],
            valid_to=days[code][0][1],
            demonstration=True,
        )
        for number, code in enumerate(sorted(days), start=1)
    ]


def usage_statistics(seed: int) -> list[UsageStatistic]:
    rng = rng_for(seed, "usage")
    found = []
    for year in USAGE_YEARS:
        users = round(6000 * 1.09 ** (year - USAGE_YEARS[0]) * rng.uniform(0.95, 1.05))
        found.append(
            UsageStatistic(
                identifier=_id("usage", year),
                users=users,
                visits=round(users * rng.uniform(28, 36)),
                valid_from=dt.date(year, 1, 1),
                valid_to=dt.date(year + 1, 1, 1),
                demonstration=True,
            )
        )
    return found


# -- everything -------------------------------------------------------------------------------


def generate_demo_records(
    parties: Sequence[DemoParty], seed: int = DEFAULT_SEED
) -> list[RecordModel]:
    """The demonstration records of the Parties among ``parties``, for ``seed``."""
    members = sorted((p for p in parties if p.cp_party), key=lambda p: p.iso2)
    organisms = lmos(seed)
    methods = detection_methods(organisms, seed)
    issues = compliance_issues(members, seed)
    return [
        *contacts(members, seed),
        *organisms,
        *methods,
        *reference_materials(methods, organisms, seed),
        *laboratories(members, seed),
        *publications(members, seed),
        *decisions(members, organisms, seed),
        *issues,
        *compliance_reviews(members, issues, seed),
        *usage_statistics(seed),
        *gef_funding(members, seed),
        *capacity_records(members, seed),
    ]
