"""Governments: Parties to the CBD, the Cartagena Protocol (CP) and the Supplementary Protocol."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from .cycles import ReportingCycle


class Region(models.TextChoices):
    AFR = "AFR", "African States"
    ASP = "ASP", "Asia-Pacific States"
    CEE = "CEE", "Central and Eastern European States"
    GRULAC = "GRULAC", "Latin American and Caribbean States"
    WEOG = "WEOG", "Western European and other States"


class UnknownGovernment(LookupError):
    """No government has this code."""


class PartyQuerySet(models.QuerySet["Party"]):
    def resolve(self, code: str) -> Party:
        """The government with this ISO code, in any case: ``br``, ``BR`` or ``bra``."""
        normalised = (code or "").strip().lower()
        lookup = Q(iso2=normalised) if len(normalised) == 2 else Q(iso3=normalised.upper())
        try:
            return self.get(lookup)
        except self.model.DoesNotExist:
            raise UnknownGovernment(f"unknown government code {code!r}") from None

    def protocol_parties(self) -> PartyQuerySet:
        """Current Parties to the Cartagena Protocol."""
        return self.filter(cp_party=True)

    def protocol_parties_on(self, day: dt.date) -> PartyQuerySet:
        """Parties for which the Cartagena Protocol was in force on ``day``."""
        return self.filter(cp_party=True, cp_party_since__lte=day)

    def supplementary_parties(self) -> PartyQuerySet:
        """Current Parties to the Supplementary Protocol (dates are not always known)."""
        return self.filter(sp_party=True)

    def supplementary_parties_on(self, day: dt.date) -> PartyQuerySet:
        """Parties for which the Supplementary Protocol was in force on ``day``."""
        return self.filter(sp_party=True, sp_party_since__lte=day)

    def in_region(self, region: str | None) -> PartyQuerySet:
        """Governments of one regional group (``None``: those in no group, i.e. the EU)."""
        if region is None:
            return self.filter(region="")
        return self.filter(region=region.upper())

    def listing(self, *, region: str | None = None, protocol_only: bool = False) -> PartyQuerySet:
        """Governments for a list: optionally one region, optionally only CP Parties."""
        result = self if region is None else self.in_region(region)
        return result.protocol_parties() if protocol_only else result

    def gef_eligible(self) -> PartyQuerySet:
        return self.filter(gef_eligible=True)

    def with_current_report(self, cycle: ReportingCycle) -> PartyQuerySet:
        """Prefetch each government's current report for ``cycle`` into
        ``current_reports`` (a list of zero or one report), in one extra query."""
        from .reports import NationalReport

        reports = NationalReport.objects.current().filter(cycle=cycle).order_by()
        return self.prefetch_related(
            models.Prefetch("reports", queryset=reports, to_attr="current_reports")
        )


class Party(models.Model):
    """A government that may report to the BCH. Non-Parties to the Protocol are kept too."""

    iso2 = models.CharField(
        "code", max_length=2, unique=True, help_text="Lower-case ISO alpha-2, as the BCH uses it."
    )
    iso3 = models.CharField(max_length=3, unique=True)
    name = models.CharField(max_length=100)
    region = models.CharField(
        max_length=6,
        choices=Region.choices,
        blank=True,
        help_text="UN regional group; empty for the European Union.",
    )
    cp_party = models.BooleanField("Party to the Cartagena Protocol", default=False)
    cp_party_since = models.DateField(null=True, blank=True)
    sp_party = models.BooleanField("Party to the Supplementary Protocol", default=False)
    sp_party_since = models.DateField(null=True, blank=True)
    gef_eligible = models.BooleanField(
        "eligible for GEF funding", default=False, help_text="Editable; kept on reload."
    )
    notes = models.TextField(blank=True)

    objects: ClassVar[PartyQuerySet] = PartyQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "parties"
        constraints = [
            models.CheckConstraint(
                condition=Q(cp_party=True) | Q(cp_party_since__isnull=True),
                name="cp_since_only_for_parties",
            ),
            models.CheckConstraint(
                condition=Q(sp_party=True) | Q(sp_party_since__isnull=True),
                name="sp_since_only_for_parties",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.iso2})"

    def is_protocol_party_on(self, day: dt.date) -> bool:
        return bool(self.cp_party and self.cp_party_since and self.cp_party_since <= day)
