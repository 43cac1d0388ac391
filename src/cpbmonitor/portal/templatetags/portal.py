"""Template tags and filters of the portal: numbers, statuses, labels, languages."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cpbmonitor.portal import labels
from cpbmonitor.portal.conf import demo_data

register = template.Library()


def format_value(value: float | None, unit: str = "percent") -> str:
    """A value in its unit: ``63.2 %`` (``63,2 %`` in French), a count as an integer."""
    if value is None:
        return "–"
    if unit == "percent":
        return f"{formats.number_format(round(value, 1), 1)}\u00a0%"
    if float(value).is_integer():
        return formats.number_format(int(value), 0, use_l10n=True, force_grouping=True)
    return formats.number_format(round(value, 1), 1)


def format_change(change: float | None, unit: str = "percent") -> str:
    """A signed change: ``+4.1 pts`` for percentages, ``+3`` for counts."""
    if change is None:
        return "–"
    sign = "+" if change > 0 else ("−" if change < 0 else "±")
    places = 1 if unit == "percent" else 0
    magnitude = formats.number_format(round(abs(change), places), places)
    if unit != "percent":
        return f"{sign}{magnitude}"
    points = _("pts")
    return f"{sign}{magnitude}\u00a0{points}"


@register.filter
def value(number: float | None, unit: str = "percent") -> str:
    return format_value(number, unit)


@register.filter
def change(number: float | None, unit: str = "percent") -> str:
    return format_change(number, unit)


@register.filter
def count(number: float | None) -> str:
    return format_value(number, "count")


@register.filter
def group_label(code: str) -> str:
    return str(labels.GROUP_LABELS.get(code, code))


@register.filter
def group_short(code: str) -> str:
    return str(labels.GROUP_SHORT.get(code, code))


@register.filter
def label(code: str, table: str) -> str:
    """``{{ code|label:"CHANGE_LABELS" }}``: a code's translated label from ``labels``."""
    mapping: dict[str, Any] = getattr(labels, table)
    return str(mapping.get(code, code))


@register.simple_tag
def status_badge(status: str | None) -> SafeString:
    status = status or "not-computed"
    tone = labels.STATUS_TONES.get(status, "none")
    text = labels.STATUS_LABELS.get(status, status.replace("-", " "))
    return format_html('<span class="badge badge-{}">{}</span>', tone, text)


@register.simple_tag
def yes_no(flag: bool | None) -> SafeString:
    if flag is None:
        return format_html('<span class="badge badge-none">{}</span>', _("no data"))
    if flag:
        return format_html('<span class="badge badge-good">{}</span>', _("yes"))
    return format_html('<span class="badge badge-bad">{}</span>', _("no"))


@register.inclusion_tag("portal/_languages.html", takes_context=True)
def language_links(context: dict[str, Any]) -> dict[str, Any]:
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = get_language()
    return {
        "languages": [
            {
                "code": code,
                "name": name,
                "url": translate_url(path, code),
                "current": code == current,
            }
            for code, name in settings.LANGUAGES
        ]
    }


@register.simple_tag
def is_demo_data() -> bool:
    return demo_data()
