"""A small set of demonstration milestones for ``draft-2020``, labelled as such.

They exist to show the feature on the demonstration data: a mix of indicators measured
from national reports (some likely reached, on track or off track), one regional
milestone, one indicator with no baseline and one pending indicator (not assessable).
None was set by the meeting of the Parties.
"""

from __future__ import annotations

import datetime as dt

from cpbmonitor.core.milestones.model import DEMONSTRATION_LABEL, Milestone

DEMO_PLAN = "draft-2020"
END_OF_PLAN = dt.date(2030, 12, 31)
MID_TERM = dt.date(2026, 12, 31)

_TARGETS: tuple[tuple[str, str, float, dt.date], ...] = (
    ("A.1(a)", "global", 75.0, END_OF_PLAN),
    ("A.1(a)", "AFR", 50.0, END_OF_PLAN),
    ("A.3(a)", "global", 80.0, END_OF_PLAN),
    ("A.5(a)", "global", 50.0, END_OF_PLAN),
    ("A.5(d)", "global", 90.0, END_OF_PLAN),
    ("A.6(a)", "global", 95.0, MID_TERM),
    ("A.8(a)", "global", 60.0, END_OF_PLAN),
    ("B.1(a)", "global", 70.0, END_OF_PLAN),
)


def demo_milestones() -> list[Milestone]:
    """The demonstration milestones, every one with ``demonstration=True``."""
    return [
        Milestone(
            plan=DEMO_PLAN,
            indicator=indicator,
            group=group,
            target_value=target,
            target_date=date,
            label=DEMONSTRATION_LABEL,
            demonstration=True,
        )
        for indicator, group, target, date in _TARGETS
    ]
