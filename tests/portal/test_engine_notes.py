"""The engine's notes in the page's language: kinds translated, details escaped and
marked as English."""

from __future__ import annotations

from django.utils import translation

from cpbmonitor.portal.templatetags.engine_notes import explain


def test_kinds_are_named_and_details_kept_in_english():
    note = "pending: BCH records import (LMO records)"
    assert explain(note) == 'Pending: <span lang="en">BCH records import (LMO records)</span>'


def test_nested_and_joined_notes():
    note = "no rule for cycle 5: not defined; baseline: not measurable: no source"
    assert explain(note) == (
        'No rule for cycle 5: <span lang="en">not defined</span>; '
        'Baseline: Not measurable: <span lang="en">no source</span>'
    )


def test_a_caveat_after_a_baseline_note_stays_with_it():
    note = "baseline: no rule for cycle 4: Not asked in 2019; it changed."
    assert explain(note) == (
        'Baseline: No rule for cycle 4: <span lang="en">Not asked in 2019; it changed.</span>'
    )


def test_other_notes_are_shown_as_they_are_and_escaped():
    assert explain("no <b>records</b> loaded") == (
        '<span lang="en">no &lt;b&gt;records&lt;/b&gt; loaded</span>'
    )
    assert explain("no methodology entry for this indicator") == (
        "No methodology entry for this indicator."
    )


def test_french():
    with translation.override("fr"):
        assert explain("baseline: no rule for cycle 4: Not asked.") == (
            'Référence : Aucune règle pour le cycle 4 : <span lang="en">Not asked.</span>'
        )
        assert explain("pending: x").startswith("En attente : ")
        assert explain("not measurable: y").startswith("Non mesurable : ")
