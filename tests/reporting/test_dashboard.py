"""The reporting home page agrees with the data (item 17 of the hardening issue): a
government's reports in the registry are listed beside the drafts, cycles are named by
their deadline, and a submitted report's steps read as done, not as editable."""

from __future__ import annotations

import re

from django.urls import reverse

from cpbmonitor.national_reports.models import Party
from tests.national_reports.factories import make_report
from tests.reporting.test_pages import login


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_published_registry_report_is_listed(client, people, cycle5):
    make_report(Party.objects.get(iso2="br"), cycle5, submitted="2025-06-01")
    make_report(Party.objects.get(iso2="ng"), cycle5, submitted="2025-07-01")
    login(client, "fp-br")
    page = client.get(reverse("reporting:dashboard")).content.decode()
    assert "No reports yet" not in page
    registry = _text(page[page.index('id="registry-heading"') :])
    assert "Brazil 5 published 2025-06-01 complete, on time" in registry
    assert "Nigeria" not in registry  # another government's report is not the user's


def test_cycles_are_named_by_their_deadline(client, people, cycle5):
    login(client, "fp-br")
    page = client.get(reverse("reporting:dashboard")).content.decode()
    options = [_text(o) for o in re.findall(r"<option[^>]*>.*?</option>", page)]
    assert "Cycle 5 (deadline 2026-02-28)" in options
    assert not [o for o in options if "(2024)" in o]


def test_steps_of_a_submitted_report_read_as_done(client, people, complete_draft):
    draft = complete_draft
    login(client, "fp-br")
    section = client.get(reverse("reporting:section", args=[draft.pk, 1])).content.decode()
    assert 'class="steps read-only"' not in section
    client.post(reverse("reporting:submit", args=[draft.pk]), {"version": draft.version})
    section = client.get(reverse("reporting:section", args=[draft.pk, 1])).content.decode()
    steps = section[section.index('class="steps') : section.index("</nav>", section.index("steps"))]
    assert 'class="steps read-only"' in steps
    assert _text(steps[steps.index("<ol>") :]).startswith(
        "1. Tiny test format: general provisions (full titles) (done, read-only)"
    )
    assert "Review and submit" not in steps and "Review" in _text(steps)
    form = section[section.index('class="report-form"') :]
    assert "<button" not in form[: form.index("</form>")]  # no Save button
