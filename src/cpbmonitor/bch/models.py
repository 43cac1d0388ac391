"""What the BCH sync keeps: its runs, the state of each schema, what it knows of each
BCH document, the documents it refused (quarantine), and the records no Party must
publish, counted per government for indicator A.2(b)."""

from __future__ import annotations

from typing import ClassVar

from django.db import models


class RunStatus(models.TextChoices):
    RUNNING = "running", "running"
    SUCCEEDED = "succeeded", "succeeded"
    FAILED = "failed", "failed (some documents could not be fetched)"
    INTERRUPTED = "interrupted", "interrupted"


class SyncRun(models.Model):
    """One `cpb bch sync`: when, against which API, what it found and what went wrong."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=RunStatus.choices, default=RunStatus.RUNNING)
    url = models.CharField(max_length=500)
    schemas = models.JSONField(default=list, help_text="The BCH schemas synchronised.")
    fetched = models.PositiveIntegerField(default=0)
    new = models.PositiveIntegerField(default=0)
    revised = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    refused = models.PositiveIntegerField(default=0)
    retried = models.PositiveIntegerField(default=0, help_text="Requests repeated.")
    errors = models.JSONField(default=list, blank=True, help_text="One line per error.")

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"BCH sync {self.started_at:%Y-%m-%d %H:%M} ({self.status})"


class SyncState(models.Model):
    """The state of one BCH schema: its last successful sync and the latest change seen."""

    schema = models.CharField(max_length=100, unique=True)
    last_success = models.ForeignKey(
        SyncRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_success_at = models.DateTimeField(null=True, blank=True)
    watermark = models.DateTimeField(
        null=True, blank=True, help_text="Latest updatedDate_dt seen by the last successful sync."
    )

    class Meta:
        ordering = ["schema"]

    def __str__(self) -> str:
        return self.schema


class HarvestedDocumentQuerySet(models.QuerySet["HarvestedDocument"]):
    def of_schema(self, schema: str) -> HarvestedDocumentQuerySet:
        return self.filter(schema=schema)


class HarvestedDocument(models.Model):
    """What the sync knows of one BCH document: its dates and what became of its last
    fetched version (stored, or quarantined)."""

    identifier = models.CharField(max_length=200, unique=True)
    schema = models.CharField(max_length=100)
    government = models.CharField(max_length=10, blank=True)
    first_published = models.DateTimeField(help_text="createdDate_dt: timeliness is judged on it.")
    updated = models.DateTimeField(help_text="updatedDate_dt of the last version fetched.")
    stored = models.BooleanField(default=False, help_text="A version is stored.")
    quarantined = models.BooleanField(default=False, help_text="The last version was refused.")
    run = models.ForeignKey(SyncRun, on_delete=models.SET_NULL, null=True, related_name="+")

    objects: ClassVar[HarvestedDocumentQuerySet] = HarvestedDocumentQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        indexes = [models.Index(fields=["schema"])]

    def __str__(self) -> str:
        return self.identifier


class QuarantineQuerySet(models.QuerySet["QuarantinedDocument"]):
    def open(self) -> QuarantineQuerySet:
        """Refused documents not since stored in a later version."""
        return self.filter(resolved_at__isnull=True)


class QuarantinedDocument(models.Model):
    """A BCH document the sync fetched and refused, kept whole with the reason."""

    identifier = models.CharField(max_length=200)
    schema = models.CharField(max_length=100)
    government = models.CharField(max_length=10, blank=True)
    updated = models.DateTimeField(help_text="updatedDate_dt of the version refused.")
    document = models.JSONField(help_text="The document as the BCH answered it.")
    error = models.TextField()
    run = models.ForeignKey(SyncRun, on_delete=models.CASCADE, related_name="quarantined")
    quarantined_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(
        null=True, blank=True, help_text="When a later version of the document was stored."
    )

    objects: ClassVar[QuarantineQuerySet] = QuarantineQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["-quarantined_at", "identifier"]
        indexes = [models.Index(fields=["identifier"])]

    def __str__(self) -> str:
        return f"{self.identifier} ({self.schema})"


class CountedRecord(models.Model):
    """A current BCH record of a kind no Party must publish (virtual library resource,
    expert, organization), as listed by the index at the last sync: what indicator
    A.2(b) counts per government, as on any date (by first publication)."""

    identifier = models.CharField(max_length=200)
    kind = models.CharField(max_length=40, help_text="virtual-library-resource, expert...")
    schema = models.CharField(max_length=100)
    government = models.CharField(max_length=10, blank=True)
    first_published = models.DateTimeField(help_text="createdDate_dt.")
    run = models.ForeignKey(SyncRun, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["kind", "government", "identifier"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "identifier"], name="one_row_per_counted_record"
            )
        ]
        indexes = [models.Index(fields=["kind", "government"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.identifier} ({self.government or '-'})"
