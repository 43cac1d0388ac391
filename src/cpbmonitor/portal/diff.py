"""Word-level differences between two texts, as HTML with ``<del>`` and ``<ins>``."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cpbmonitor.core.plan.crosswalk import word_diff_steps

HTML = {"equal": "{}", "removed": "<del>{}</del>", "added": "<ins>{}</ins>"}


def word_diff_html(old_text: str, new_text: str) -> SafeString:
    """``old_text`` turned into ``new_text``: removed words in ``<del>``, added in ``<ins>``;
    every word is escaped."""
    steps = word_diff_steps(old_text, new_text)
    return mark_safe(" ".join(HTML[tag].format(escape(words)) for tag, words in steps))
