"""Who belongs to which government in which role, report drafts, their history, API tokens.

A draft is one government's report for one cycle, edited online. Its answers are kept in
the BCH's JSON shape (question key -> answer), so a draft reads with the core's
``parse_document`` and publishes through the national reports import service unchanged.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cpbmonitor.national_reports.models import NationalReport, Party, ReportingCycle


class Role(models.TextChoices):
    FOCAL_POINT = "focal_point", "national focal point"
    AUTHORIZED_USER = "authorized_user", "national authorized user"
    SECRETARIAT = "secretariat", "Secretariat"
    ADMIN = "admin", "administrator"


NATIONAL_ROLES = frozenset({Role.FOCAL_POINT, Role.AUTHORIZED_USER})


class Membership(models.Model):
    """A user's role; national roles belong to one government."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=16, choices=Role.choices)
    government = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "government"], name="one_membership"),
            models.CheckConstraint(
                condition=(
                    Q(role__in=["focal_point", "authorized_user"], government__isnull=False)
                    | Q(role__in=["secretariat", "admin"], government__isnull=True)
                ),
                name="government_only_for_national_roles",
            ),
        ]

    def __str__(self) -> str:
        where = f" of {self.government.iso2}" if self.government is not None else ""
        return f"{self.user} ({self.get_role_display()}{where})"


class DraftStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    PUBLISHED = "published", _("published")


class DraftQuerySet(models.QuerySet["ReportDraft"]):
    def open(self) -> DraftQuerySet:
        return self.exclude(status=DraftStatus.PUBLISHED)

    def of_governments(self, governments: list[int]) -> DraftQuerySet:
        return self.filter(government_id__in=governments)


class ReportDraft(models.Model):
    """One government's report for one cycle, edited online (draft -> submitted ->
    published; a returned report is a draft again, with the Secretariat's comment)."""

    government = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="drafts")
    cycle = models.ForeignKey(ReportingCycle, on_delete=models.PROTECT, related_name="drafts")
    status = models.CharField(max_length=10, choices=DraftStatus.choices, default=DraftStatus.DRAFT)
    answers = models.JSONField(default=dict, blank=True, help_text="Question key -> BCH answer.")
    language = models.CharField(max_length=5, default="en")
    version = models.PositiveIntegerField(default=1, help_text="Optimistic lock: +1 per change.")
    return_comment = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_report = models.ForeignKey(
        NationalReport, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects: ClassVar[DraftQuerySet] = DraftQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["government", "cycle"],
                condition=~Q(status="published"),
                name="one_open_draft_per_government_and_cycle",
            )
        ]
        permissions = [
            ("submit_reportdraft", "Can submit a report"),
            ("publish_reportdraft", "Can publish a report"),
            ("return_reportdraft", "Can return a report with a comment"),
            ("reopen_reportdraft", "Can reopen a published report"),
        ]

    def __str__(self) -> str:
        return f"{self.identifier} ({self.status})"

    @property
    def identifier(self) -> str:
        """The document identifier stored on publication."""
        return f"CPBM-{self.cycle.schema}-{self.government.iso2.upper()}-{self.pk}"


class Action(models.TextChoices):
    CREATE = "create", _("created")
    SAVE = "save", _("saved")
    SUBMIT = "submit", _("submitted")
    RETURN = "return", _("returned")
    PUBLISH = "publish", _("published")
    REOPEN = "reopen", _("reopened")


class DraftVersion(models.Model):
    """One recorded change of a draft: who, when, what (per question old -> new), and the
    answers as they were after it."""

    draft = models.ForeignKey(ReportDraft, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    action = models.CharField(max_length=8, choices=Action.choices)
    status = models.CharField(max_length=10, choices=DraftStatus.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    changes = models.JSONField(default=list, help_text="[{question, old, new}] as display text.")
    answers = models.JSONField(default=dict)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["draft", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "number"], name="one_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.draft_id} v{self.number} {self.action}"


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def issue(self, user: object, name: str = "") -> tuple[ApiToken, str]:
        """A new token for ``user``; the plain key is returned once and never stored."""
        key = "cpb_" + secrets.token_urlsafe(32)
        token = self.create(user=user, name=name, prefix=key[:12], digest=_digest(key))
        return token, key

    def authenticate(self, key: str) -> ApiToken | None:
        return (
            self.select_related("user")
            .filter(digest=_digest(key), active=True, user__is_active=True)
            .first()
        )


class ApiToken(models.Model):
    """A bearer token for the API (``Authorization: Bearer <key>``); only its SHA-256
    digest is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, blank=True)
    prefix = models.CharField(max_length=12, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[ApiTokenQuerySet] = ApiTokenQuerySet.as_manager()  # type: ignore[assignment]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user}, {self.name or 'unnamed'})"
