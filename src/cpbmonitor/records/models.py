"""One table for every record type of ``cpbmonitor.core.records``.

A row holds the common fields in columns (type, identifier, validity dates, the publishing
government, demonstration flag) and the type's own fields in ``data``, as the core model
dumps them. ``governments`` and ``regions`` hold every government and regional group the
record concerns (a capacity-building activity covers several), for filters and roles;
``title`` is the record's name, title or subject, for lists and search. Rows are written
only through ``convert.from_model`` so that these derived columns stay in step.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q

from cpbmonitor.core.records import RECORD_TYPES
from cpbmonitor.national_reports.models import Party


def record_type_choices() -> list[tuple[str, str]]:
    """The registered record types (a callable, so new types need no migration)."""
    return [(name, kind.label) for name, kind in RECORD_TYPES.items()]


class RecordQuerySet(models.QuerySet["Record"]):
    def of_type(self, name: str) -> RecordQuerySet:
        return self.filter(record_type=name)

    def concerning(self, government: Party | int) -> RecordQuerySet:
        """Records of or covering ``government`` (a ``Party`` or its primary key)."""
        return self.filter(governments=government).distinct()

    def in_region(self, region: str) -> RecordQuerySet:
        """Records concerning a regional group (codes never contain one another)."""
        return self.filter(regions__contains=region.upper())

    def holding_on(self, day: dt.date) -> RecordQuerySet:
        """Records that hold on ``day``: from ``valid_from``, until before ``valid_to``."""
        return self.filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day), valid_from__lte=day)

    def search(self, text: str) -> RecordQuerySet:
        """Identifier, title, publishing government or any text of the type's fields."""
        text = text.strip()
        if not text:
            return self
        return self.filter(
            Q(identifier__icontains=text)
            | Q(title__icontains=text)
            | Q(government__name__icontains=text)
            | Q(data__icontains=text)
        )

    def demonstration(self) -> RecordQuerySet:
        return self.filter(demonstration=True)

    def counts_by_type(self) -> dict[str, int]:
        rows = self.order_by().values_list("record_type").annotate(n=models.Count("id"))
        found = dict(rows)
        return {name: found.get(name, 0) for name in RECORD_TYPES}


class Record(models.Model):
    """One record of one registered type (see the module docstring)."""

    record_type = models.CharField("type", max_length=32, choices=record_type_choices)
    identifier = models.CharField(max_length=120)
    title = models.CharField(max_length=300, blank=True, editable=False)
    government = models.ForeignKey(
        Party,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="records",
        help_text="The government that published the record (types published by one).",
    )
    governments = models.ManyToManyField(
        Party, blank=True, related_name="concerning_records", editable=False
    )
    regions = models.CharField(
        max_length=40, blank=True, editable=False, help_text="Regional groups concerned."
    )
    valid_from = models.DateField()
    valid_to = models.DateField(
        null=True, blank=True, help_text="The first day on which the record no longer holds."
    )
    data = models.JSONField(default=dict, blank=True, help_text="The type's own fields.")
    demonstration = models.BooleanField(default=False, help_text="Generated, not real.")
    source = models.CharField(max_length=500, blank=True, help_text="File or page it came from.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects: ClassVar[RecordQuerySet] = RecordQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["record_type", "-valid_from", "identifier"]
        constraints = [
            models.UniqueConstraint(
                fields=["record_type", "identifier"], name="one_record_per_type_and_identifier"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="record_ends_after_it_starts",
            ),
        ]
        indexes = [
            models.Index(fields=["record_type", "valid_from"]),
        ]  # ``government``, a foreign key, has its own index

    def __str__(self) -> str:
        return f"{self.record_type} {self.identifier}"
