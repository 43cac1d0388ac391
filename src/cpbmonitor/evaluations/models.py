"""A named evaluation run, its frozen inputs (content-addressed), the text written on it
and the review comments left on that text."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class FrozenData(models.Model):
    """Serialised inputs of one or more runs, stored once under their SHA-256."""

    fingerprint = models.CharField(max_length=64, primary_key=True)
    content = models.BinaryField(help_text="zlib-compressed canonical JSON.")
    size = models.PositiveBigIntegerField(help_text="Bytes before compression.")

    def __str__(self) -> str:
        return self.fingerprint


class EvaluationRun(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    plan = models.CharField(max_length=40)
    cycle = models.PositiveIntegerField()
    baseline = models.PositiveIntegerField(null=True, blank=True)
    as_of = models.DateField(help_text="The date the data are taken as on.")
    methodology_fingerprint = models.CharField(max_length=64)
    data = models.ForeignKey(FrozenData, on_delete=models.PROTECT, related_name="runs")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name

    @property
    def data_fingerprint(self) -> str:
        return str(self.data_id)

    @property
    def published(self) -> bool:
        return self.published_at is not None


class WrittenText(models.Model):
    """One version of the Secretariat's text for one section of a run (never changed:
    an edit adds a version)."""

    run = models.ForeignKey(EvaluationRun, on_delete=models.CASCADE, related_name="texts")
    section = models.CharField(max_length=64)
    version = models.PositiveIntegerField()
    html = models.TextField(help_text="Sanitised HTML (nh3, small allow-list).")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["section", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "section", "version"], name="evaluations_text_version"
            )
        ]


class ReviewComment(models.Model):
    """A reviewer's comment on one section of a run's draft, until the Secretariat
    resolves it."""

    run = models.ForeignKey(EvaluationRun, on_delete=models.CASCADE, related_name="comments")
    section = models.CharField(max_length=64)
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.TextField(blank=True)

    class Meta:
        ordering = ["written_at", "id"]
