"""The portal's charts, built from its records with the generic ``charts`` module."""

from __future__ import annotations

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from cpbmonitor.portal.charts import Series, bar_chart
from cpbmonitor.portal.labels import GROUP_LABELS
from cpbmonitor.portal.templatetags.portal import format_value
from cpbmonitor.services.questions import Analysis
from cpbmonitor.services.results import IndicatorResult
from cpbmonitor.services.status import GroupStatus


def indicator_chart(result: IndicatorResult, chart_id: str) -> SafeString | None:
    """Baseline and current value of one indicator, world and regions; ``None`` if not
    computed."""
    if not result.computed:
        return None
    values = result.in_order()
    unit = result.unit
    return bar_chart(
        chart_id=chart_id,
        title=_("Indicator %(code)s: baseline and current value by region") % {"code": result.code},
        categories=[str(GROUP_LABELS[v.group]) for v in values],
        series=[
            Series(_("Baseline"), [v.baseline_value for v in values]),
            Series(_("Current"), [v.value for v in values]),
        ],
        fmt=lambda number: format_value(number, unit),
        maximum=100 if unit == "percent" else None,
    )


def status_chart(groups: list[GroupStatus], cycle_label: str) -> SafeString:
    """Share of Parties that submitted, and that submitted complete and on time."""
    return bar_chart(
        chart_id="reporting-status",
        title=_("Reporting status of cycle %(cycle)s by region") % {"cycle": cycle_label},
        categories=[str(GROUP_LABELS[g.group]) for g in groups],
        series=[
            Series(_("Submitted"), [g.submitted_share for g in groups]),
            Series(_("Complete and on time"), [g.on_time_share for g in groups]),
        ],
        fmt=lambda number: format_value(number, "percent"),
        maximum=100,
    )


def question_chart(analysis: Analysis) -> SafeString:
    """World share of reports choosing each option, previous and current cycle."""
    current = analysis.current
    series = []
    if analysis.previous is not None:
        previous = analysis.previous
        series.append(
            Series(
                _("Cycle %(cycle)s") % {"cycle": previous.cycle},
                [
                    o.share("global") if (o := previous.option(opt.value)) else None
                    for opt in current.options
                ],
            )
        )
    series.append(
        Series(
            _("Cycle %(cycle)s") % {"cycle": current.cycle},
            [o.share("global") for o in current.options],
        )
    )
    return bar_chart(
        chart_id="question-chart",
        title=_("Question %(key)s: share of reports choosing each option (world)")
        % {"key": analysis.question.number or analysis.question.key},
        categories=[o.label for o in current.options],
        series=series,
        fmt=lambda number: format_value(number, "percent"),
        maximum=100,
    )
