"""Each stored report's answers compiled into the compact form the engine reads."""

from __future__ import annotations

from django.db import models

from .reports import NationalReport


class CompiledAnswers(models.Model):
    """A report's answers as one blob (``core.indicators.compact``), written whenever the
    report is stored; ``layout`` is the fingerprint of the layout and encoding it was
    made with: a blob of another fingerprint is stale and is rebuilt from the answers."""

    report = models.OneToOneField(
        NationalReport, primary_key=True, on_delete=models.CASCADE, related_name="compiled"
    )
    layout = models.CharField(max_length=40)
    data = models.BinaryField()

    class Meta:
        verbose_name_plural = "compiled answers"

    def __str__(self) -> str:
        return f"compiled answers of report {self.report_id} ({self.layout})"
