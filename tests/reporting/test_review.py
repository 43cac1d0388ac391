"""The review step (item 14 of the hardening issue): the whole report read-only before
Submit, and what changed since the last submitted version (added, removed, changed)."""

from __future__ import annotations

import re

from django.urls import reverse

from tests.reporting.test_pages import LAWS, login, post_step

FIRST = {
    "Q007": "implementation.partiallyInPlace",
    "Q008": [LAWS],
    "Q008_a": "An act of 2019.",
    "Q009": "false",
}


def _review(client, draft) -> str:
    return client.get(reverse("reporting:review", args=[draft.pk])).content.decode()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def _section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_review_shows_every_answer_read_only(client, people, draft):
    login(client, "fp-br")
    post_step(client, draft, 1, FIRST)
    post_step(client, draft, 2, {"Q122": "false"})
    page = _review(client, draft)
    report = _text(_section(page, "report-title"))
    assert "7 Full title: are national measures in place to implement the Protocol? Partly" in (
        report
    )
    assert "Full title: which instruments are in place? Laws" in report
    assert "An act of 2019." in report
    assert "122 Full title: are there still capacity-building needs? No" in report
    assert "Full title: in which areas? —" in report  # not asked, no answer
    assert "<input" not in _section(page, "report-title")  # read-only: no form field
    assert "not been submitted before" in page
    assert 'id="changes-title"' not in page


def test_review_lists_the_changes_since_the_last_submission(client, people, draft):
    login(client, "fp-br")
    post_step(client, draft, 1, FIRST)
    post_step(client, draft, 2, {"Q122": "false"})
    draft.refresh_from_db()
    client.post(reverse("reporting:submit", args=[draft.pk]), {"version": draft.version})
    client.logout()
    login(client, "secretariat")
    draft.refresh_from_db()
    client.post(
        reverse("reporting:return", args=[draft.pk]),
        {"comment": "Please complete.", "version": draft.version},
    )
    client.logout()
    login(client, "fp-br")
    post_step(client, draft, 1, {**FIRST, "Q007": "implementation.fullInPlace", "Q008_a": ""})
    post_step(client, draft, 2, {"Q122": "true", "Q123": [], "Q124": "true"})
    draft.refresh_from_db()
    submitted = draft.versions.get(action="submit").number
    changes = _section(_review(client, draft), "changes-title")
    rows = [_text(row) for row in re.findall(r"<tr class=\"change[^>]*>.*?</tr>", changes, re.S)]
    assert f"since version {submitted}" in _text(changes)
    assert rows == [
        "7 Full title: are national measures in place to implement the Protocol? "
        "changed Partly Fully",
        "Full title: more about the instruments removed An act of 2019. no answer",
        "122 Full title: are there still capacity-building needs? changed No Yes",
        "124 Full title: have the needs been prioritised? added no answer Yes",
    ]
