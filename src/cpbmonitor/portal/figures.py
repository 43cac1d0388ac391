"""The portal's charts, built from the core's results with the generic ``charts`` module."""

from __future__ import annotations

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from cpbmonitor.core.formats.model import Question
from cpbmonitor.core.indicators import IndicatorResult, QuestionAnalysis
from cpbmonitor.portal.charts import Series, bar_chart
from cpbmonitor.portal.labels import GROUP_LABELS
from cpbmonitor.portal.templatetags.portal import format_value
from cpbmonitor.services.status import GroupStatus


def indicator_chart(result: IndicatorResult | None, chart_id: str) -> SafeString | None:
    """Baseline and current value of one indicator, world and regions; ``None`` if not
    computed."""
    if result is None or not result.computed:
        return None
    values = result.in_order()
    unit = result.scale
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


def question_chart(question: Question, analysis: QuestionAnalysis) -> SafeString:
    """World share of reports choosing each option, previous and current cycle."""
    rows = analysis.rows()
    series = []
    if analysis.previous is not None:
        series.append(
            Series(
                _("Cycle %(cycle)s") % {"cycle": analysis.previous.cycle},
                [row.previous.share("global") if row.previous else None for row in rows],
            )
        )
    series.append(
        Series(
            _("Cycle %(cycle)s") % {"cycle": analysis.current.cycle},
            [row.option.share("global") for row in rows],
        )
    )
    return bar_chart(
        chart_id="question-chart",
        title=_("Question %(key)s: share of reports choosing each option (world)")
        % {"key": question.number or question.key},
        categories=[row.option.label for row in rows],
        series=series,
        fmt=lambda number: format_value(number, "percent"),
        maximum=100,
    )
