"""Translated labels for codes the pages show: groups, statuses, units, changes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

GROUP_LABELS = {
    "global": _("World"),
    "AFR": _("African States"),
    "ASP": _("Asia-Pacific States"),
    "CEE": _("Central and Eastern European States"),
    "GRULAC": _("Latin American and Caribbean States"),
    "WEOG": _("Western European and other States"),
}
GROUP_SHORT = {
    "global": _("World"),
    "AFR": _("Africa"),
    "ASP": _("Asia-Pacific"),
    "CEE": _("CEE"),
    "GRULAC": _("GRULAC"),
    "WEOG": _("WEOG"),
}

STATUS_LABELS = {
    "not-computed": _("not yet computed"),
    "no-data": _("no data"),
    "no-baseline": _("no baseline"),
    "improved": _("improved"),
    "improving": _("improving"),
    "unchanged": _("unchanged"),
    "no-change": _("no change"),
    "no change": _("no change"),
    "declined": _("declined"),
    "worsened": _("worsened"),
    "declining": _("declining"),
    "target-met": _("target met"),
    "on-track": _("on track"),
    "off-track": _("off track"),
    "not comparable": _("not comparable"),
    "insufficient data": _("insufficient data"),
    "acceleration-needed": _("progress, acceleration needed"),
    "regression": _("no progress or regression"),
    "insufficient-data": _("insufficient data"),
}
STATUS_TONES = {
    "improved": "good",
    "improving": "good",
    "target-met": "good",
    "on-track": "good",
    "unchanged": "neutral",
    "no-change": "neutral",
    "no change": "neutral",
    "declined": "bad",
    "worsened": "bad",
    "declining": "bad",
    "off-track": "bad",
    "acceleration-needed": "neutral",
    "regression": "bad",
}

REPORT_STATUS_LABELS = {
    "published": _("published"),
    "submitted": _("submitted, not published"),
}

APPLIES_TO_LABELS = {
    "all": _("all Parties"),
    "parties-to-supplementary-protocol": _("Parties to the Supplementary Protocol"),
    "parties-choosing-socio-economic-considerations": _(
        "Parties that choose to take socio-economic considerations into account"
    ),
}

CHANGE_LABELS = {
    "same": _("same"),
    "reworded": _("reworded"),
    "renumbered": _("renumbered"),
    "added": _("added"),
    "removed": _("removed"),
    "merged": _("merged"),
    "split": _("split"),
}

KIND_LABELS = {"goal": _("Goals"), "objective": _("Objectives"), "indicator": _("Indicators")}
