"""The indicator engine's notes, shown in the page's language.

The engine (``core.indicators``) explains a missing value or a caveat in one English line:
``pending: <what is awaited>``, ``not measurable: <why>``, ``no rule for cycle 4: <why>``,
``baseline: <the baseline's note>``, several joined by ``"; "``. The kinds named by these
prefixes are translated; what follows them is methodology text, kept in English (marked
``lang="en"``) like the plan's texts. A note of any other shape is shown as it is.
"""

from __future__ import annotations

import re

from django import template
from django.utils.functional import Promise
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cpbmonitor.core.indicators.engine import NO_ENTRY

register = template.Library()

KINDS: tuple[tuple[re.Pattern[str], Promise], ...] = (
    (re.compile(r"baseline: "), gettext_lazy("Baseline")),
    (re.compile(r"pending: "), gettext_lazy("Pending")),
    (re.compile(r"not measurable: "), gettext_lazy("Not measurable")),
    (
        re.compile(r"no rule for cycle (?P<cycle>\w+): "),
        gettext_lazy("No rule for cycle %(cycle)s"),
    ),
)
"""Note prefixes the engine writes, and their translated names."""
WHOLE: dict[str, Promise] = {NO_ENTRY: gettext_lazy("No methodology entry for this indicator.")}
"""Notes the engine writes in full, and their translations."""
SEGMENT = re.compile(r"; (?=baseline: |pending: |not measurable: |no rule for cycle \w+: )")


def explain(note: str) -> SafeString:
    """``note`` as HTML: its kinds translated, the rest escaped and marked as English."""
    return mark_safe("; ".join(_segment(part) for part in SEGMENT.split(note)))


def _segment(text: str) -> str:
    for pattern, name in KINDS:
        found = pattern.match(text)
        if found:
            label = conditional_escape(str(name) % found.groupdict())
            rest = _segment(text[found.end() :])
            return _("%(label)s: %(detail)s") % {"label": label, "detail": rest}
    if text in WHOLE:
        return str(conditional_escape(str(WHOLE[text])))
    return str(format_html('<span lang="en">{}</span>', text))


@register.simple_tag
def engine_note(note: str | None) -> SafeString:
    """``{% engine_note note %}``: one note of the engine, in the page's language."""
    return explain(note) if note else mark_safe("")
