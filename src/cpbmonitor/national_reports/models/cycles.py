"""Reporting cycles and the questionnaire (format) each one uses."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q


class UnknownCycle(LookupError):
    """No reporting cycle has this number, name or schema."""


class ReportingCycleQuerySet(models.QuerySet["ReportingCycle"]):
    def resolve(self, cycle: int | str) -> ReportingCycle:
        """The cycle with this number (``5``), name (``interim``) or schema."""
        text = str(cycle).strip()
        match = self.filter(Q(name=text) | Q(schema=text)).first()
        if match is None:
            known = ", ".join(self.values_list("name", flat=True)) or "none loaded"
            raise UnknownCycle(f"unknown reporting cycle {text!r} (known: {known})")
        return match


class ReportingCycle(models.Model):
    """One national-reporting cycle: number (none for the interim report), schema, deadline."""

    number = models.PositiveSmallIntegerField(unique=True, null=True, blank=True)
    name = models.CharField(max_length=16, unique=True, help_text="'interim', '1', '2', ...")
    schema = models.CharField(max_length=64, unique=True)
    year = models.PositiveSmallIntegerField()
    deadline = models.DateField()

    objects: ClassVar[ReportingCycleQuerySet] = ReportingCycleQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["year"]

    def __str__(self) -> str:
        return f"cycle {self.name} ({self.schema}, deadline {self.deadline})"

    @property
    def label(self) -> int | str:
        """The number, or the name for the interim cycle (as JSON output shows it)."""
        return self.name if self.number is None else self.number


class FormatSource(models.TextChoices):
    SHIPPED = "shipped", "shipped with CPB Monitor (short labels)"
    IMPORTED = "imported", "imported from the BCH (full texts)"


class ReportingFormatQuerySet(models.QuerySet["ReportingFormat"]):
    def imported(self) -> ReportingFormatQuerySet:
        return self.filter(source=FormatSource.IMPORTED)


class ReportingFormat(models.Model):
    """The questionnaire of one report schema, stored as JSON (core's model, dumped)."""

    schema = models.CharField(max_length=64, unique=True)
    source = models.CharField(max_length=8, choices=FormatSource.choices)
    questionnaire = models.JSONField()
    imported_from = models.CharField(max_length=500, blank=True)
    imported_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[ReportingFormatQuerySet] = ReportingFormatQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["schema"]

    def __str__(self) -> str:
        return f"{self.schema} ({self.source})"
