"""National reports as submitted to the BCH, with supersession history, and their answers."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q

from cpbmonitor.core.demo.design import IDENTIFIER_PREFIX as DEMO_PREFIX

from .cycles import ReportingCycle
from .parties import Party


class ReportStatus(models.TextChoices):
    PUBLISHED = "published", "published"
    SUBMITTED = "submitted", "submitted, not published"


class NationalReportQuerySet(models.QuerySet["NationalReport"]):
    def current(self) -> NationalReportQuerySet:
        """The latest submission of each government for each cycle (no superseded ones)."""
        return self.filter(is_current=True)

    def superseded(self) -> NationalReportQuerySet:
        return self.filter(is_current=False)

    def for_cycle(self, cycle: int | str | ReportingCycle) -> NationalReportQuerySet:
        """Reports of one cycle, given as object, number (``5``) or name (``interim``)."""
        if not isinstance(cycle, ReportingCycle):
            cycle = ReportingCycle.objects.resolve(cycle)
        return self.filter(cycle=cycle)

    def for_government(self, code: str) -> NationalReportQuerySet:
        return self.filter(government=Party.objects.resolve(code))

    def by_parties(self) -> NationalReportQuerySet:
        """Reports from governments that were Parties to the Protocol when they submitted."""
        return self.filter(by_party=True)

    def by_non_parties(self) -> NationalReportQuerySet:
        return self.filter(by_party=False)

    def complete(self) -> NationalReportQuerySet:
        return self.filter(complete=True)

    def on_time(self) -> NationalReportQuerySet:
        return self.filter(on_time=True)

    def demonstration(self) -> NationalReportQuerySet:
        """Reports of the generated demonstration dataset (identifiers ``demo-...``)."""
        return self.filter(identifier__startswith=DEMO_PREFIX)

    def history(self, government: Party, cycle: ReportingCycle) -> NationalReportQuerySet:
        """Every submission of one government for one cycle, newest first."""
        return self.filter(government=government, cycle=cycle).order_by(*NEWEST_FIRST)

    def settle_history(self, government: Party, cycle: ReportingCycle) -> NationalReport | None:
        """Make the newest submission of ``government`` for ``cycle`` the current one;
        each older one is marked superseded by the next newer. Returns the current one."""
        history = list(self.model.objects.history(government, cycle))
        if not history:
            return None
        self.model.objects.filter(pk__in=[r.pk for r in history]).update(is_current=False)
        newer: NationalReport | None = None
        for report in history:
            report.is_current = newer is None
            report.superseded_by = newer
            newer = report
        self.model.objects.bulk_update(history, ["is_current", "superseded_by"])
        return history[0]

    def settle_histories(self, pairs: set[tuple[int, int]]) -> None:
        """``settle_history`` for many (government id, cycle id) pairs in a few queries."""
        if not pairs:
            return
        candidates = (
            self.model.objects.filter(
                government_id__in={g for g, _ in pairs}, cycle_id__in={c for _, c in pairs}
            )
            .only("government_id", "cycle_id", "submitted_on", "published_on", "is_current")
            .order_by(*NEWEST_FIRST)
        )
        history = [r for r in candidates if (r.government_id, r.cycle_id) in pairs]
        newest: dict[tuple[int, int], NationalReport] = {}
        for report in history:  # newest first within each pair
            pair = (report.government_id, report.cycle_id)
            report.superseded_by = newest.get(pair)
            report.is_current = report.superseded_by is None
            newest[pair] = report
        self.model.objects.filter(pk__in=[r.pk for r in history]).update(is_current=False)
        self.model.objects.bulk_update(history, ["is_current", "superseded_by"], batch_size=500)

    def refresh_party_flags(self) -> int:
        """Recompute ``by_party`` (after the list of Parties changed); returns the count changed."""
        changed = []
        for report in self.select_related("government", "cycle"):
            flag = report.compute_by_party()
            if flag != report.by_party:
                report.by_party = flag
                changed.append(report)
        self.model.objects.bulk_update(changed, ["by_party"])
        return len(changed)


NEWEST_FIRST = ("-submitted_on", "-published_on", "-id")


class NationalReport(models.Model):
    """One submission of a national report (a BCH document) by one government for one cycle.

    A newer submission by the same government for the same cycle supersedes the older
    one, which is kept (``is_current=False``, ``superseded_by`` set) as history.
    """

    government = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="reports")
    cycle = models.ForeignKey(ReportingCycle, on_delete=models.PROTECT, related_name="reports")
    identifier = models.CharField(max_length=100, help_text="The BCH document identifier.")
    submitted_on = models.DateTimeField(null=True, blank=True)
    published_on = models.DateTimeField(null=True, blank=True)
    body = models.JSONField(help_text="The BCH document, as imported.")
    status = models.CharField(max_length=10, choices=ReportStatus.choices)
    is_current = models.BooleanField(default=True)
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="supersedes"
    )
    by_party = models.BooleanField(
        default=True,
        help_text="The government was a Party to the Protocol when it submitted; "
        "reports from non-Parties are kept out of Party percentages.",
    )
    complete = models.BooleanField(default=False)
    on_time = models.BooleanField(default=False)
    missing_questions = models.JSONField(
        default=list, blank=True, help_text="Keys of enabled mandatory questions left unanswered."
    )
    source_file = models.CharField(max_length=500, blank=True)
    imported_at = models.DateTimeField(
        auto_now=True, db_index=True, help_text="Indexed: the data version reads its latest."
    )

    objects: ClassVar[NationalReportQuerySet] = NationalReportQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["cycle__year", "government__name", *NEWEST_FIRST]
        constraints = [
            models.UniqueConstraint(
                fields=["government", "cycle"],
                condition=Q(is_current=True),
                name="one_current_report_per_government_and_cycle",
            ),
            models.UniqueConstraint(
                fields=["identifier", "submitted_on"], name="one_row_per_submission"
            ),
        ]
        indexes = [models.Index(fields=["cycle", "is_current"])]

    def __str__(self) -> str:
        return f"{self.identifier} ({self.government.iso2}, cycle {self.cycle.name})"

    def compute_by_party(self) -> bool:
        """Whether the government was a Party to the Protocol on the day it submitted
        (on the cycle's deadline when the submission date is unknown)."""
        day = self.submitted_on.date() if self.submitted_on else self.cycle.deadline
        return self.government.is_protocol_party_on(day)


class Answer(models.Model):
    """One value of one answer: a multiple choice gives one row per chosen value.

    ``value`` holds the option value, term identifier or integer (as text); free text
    goes to ``text`` (with ``language``), as does an option's additional text.
    """

    report = models.ForeignKey(NationalReport, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=64)
    value = models.CharField(max_length=255, blank=True)
    text = models.TextField(blank=True)
    language = models.CharField(max_length=10, blank=True)

    class Meta:
        ordering = ["report", "question", "id"]
        indexes = [
            models.Index(fields=["question", "value"]),
            models.Index(fields=["report", "question"]),
        ]

    def __str__(self) -> str:
        return f"{self.question}={self.value or self.text[:30]}"
