"""Translated labels for what the pages show of milestones and linkages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

STATUS_LABELS = {
    "reached": _("reached"),
    "on track": _("on track"),
    "off track": _("off track"),
    "not assessable": _("not assessable"),
}
STATUS_TONES = {
    "reached": "good",
    "on track": "good",
    "off track": "bad",
    "not assessable": "none",
}
NOTE_LABELS = {
    "the latest value meets the target": _("the latest value meets the target"),
    "the target date had passed by the latest cycle": _(
        "the target date had passed by the latest cycle"
    ),
    "no baseline value to draw a trend from": _("no baseline value to draw a trend from"),
    "the trend since the baseline reaches the target by its date": _(
        "the trend since the baseline reaches the target by its date"
    ),
    "the trend since the baseline falls short of the target by its date": _(
        "the trend since the baseline falls short of the target by its date"
    ),
    "indicator results are not yet computed": _("indicator results are not yet computed"),
}
FRAMEWORK_LABELS = {
    "kmgbf": _("Kunming-Montreal Global Biodiversity Framework"),
    "sdg": _("Sustainable Development Goals"),
}
BASIS_LABELS = {
    "seed": _("stated in the plan"),
    "seed-plan-level": _("stated in the plan for the plan as a whole"),
    "reading": _("the project's reading"),
}
