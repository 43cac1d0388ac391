"""Word-level differences between two texts, as HTML with ``<del>`` and ``<ins>``."""

from __future__ import annotations

import difflib

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cpbmonitor.core.plan.crosswalk import normalise


def word_diff_html(old_text: str, new_text: str) -> SafeString:
    """``old_text`` turned into ``new_text``: removed words in ``<del>``, added in ``<ins>``;
    every word is escaped."""
    old_words, new_words = normalise(old_text).split(" "), normalise(new_text).split(" ")
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape(" ".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(' '.join(old_words[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(' '.join(new_words[j1:j2]))}</ins>")
    return mark_safe(" ".join(parts))  # noqa: S308 - every word is escaped above
