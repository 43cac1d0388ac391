"""Each stored report's answers compiled into the compact form the engine reads."""

from __future__ import annotations

from django.db import models

from .reports import NationalReport


class CompiledAnswers(models.Model):
    """A report's answers compiled (``core.indicators.compact``), written whenever the
    report is stored; ``layout`` is the fingerprint of the layout and encoding they were
    made with: compiled answers of another fingerprint are stale and are rebuilt from
    the answer rows. Evaluations read ``codes`` only."""

    report = models.OneToOneField(
        NationalReport, primary_key=True, on_delete=models.CASCADE, related_name="compiled"
    )
    layout = models.CharField(max_length=40)
    codes = models.BinaryField(help_text="One code per question of the layout.")
    texts = models.BinaryField(help_text="The text of each code the report uses.")
    extras = models.BinaryField(help_text="Answers without a slot in the layout.")

    class Meta:
        verbose_name_plural = "compiled answers"

    def __str__(self) -> str:
        return f"compiled answers of report {self.report_id} ({self.layout})"
