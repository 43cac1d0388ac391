"""The Secretariat's text on a run and the Liaison Group's review of it."""

from __future__ import annotations

import pytest

from cpbmonitor.core.evaluation.model import Notice, Quote
from cpbmonitor.services import evaluation_runs as runs
from cpbmonitor.services import run_texts
from cpbmonitor.services.run_documents import paragraphs, run_document

PLAN = "draft-2020"


@pytest.fixture
def run(registry):
    return runs.create_run("Mid-term evaluation 2026", PLAN, 5, 4)


def test_sections_are_key_messages_goals_conclusions_recommendations(run):
    keys = [s.key for s in run_texts.sections(run)]
    assert keys[0] == "key-messages" and keys[-2:] == ["conclusions", "recommendations"]
    assert "goal-A.1" in keys and "goal-B.1" in keys


def test_text_is_sanitised_and_every_version_kept(run, users):
    first = run_texts.write(run, "goal-A.1", "<p>First <b>draft</b></p>", users["secretariat"])
    second = run_texts.write(
        run,
        "goal-A.1",
        '<p onclick="x()">Progress <strong>held</strong>.</p><script>alert(1)</script>'
        '<a href="javascript:alert(1)">bad</a><a href="https://cbd.int">good</a>',
        users["admin"],
    )
    assert (first.version, second.version) == (1, 2)
    assert first.html == "<p>First draft</p>"
    assert second.html == (
        '<p>Progress <strong>held</strong>.</p><a rel="noopener noreferrer">bad</a>'
        '<a href="https://cbd.int" rel="noopener noreferrer">good</a>'
    )
    history = run_texts.history(run, "goal-A.1")
    assert [(t.version, t.author.username) for t in history] == [(1, "secretariat"), (2, "admin")]
    assert run_texts.latest_texts(run)["goal-A.1"].version == 2
    with pytest.raises(runs.RunError, match=r"no section 'goal-Z\.9'"):
        run_texts.write(run, "goal-Z.9", "text", users["secretariat"])


def test_a_reviewer_comment_is_resolved(run, users):
    note = run_texts.comment(run, "conclusions", "  Say which regions lag.  ", users["reviewer"])
    assert [c.text for c in run_texts.comments(run, open_only=True)] == ["Say which regions lag."]
    resolved = run_texts.resolve(run, note.pk, users["secretariat"], "Added in version 2.")
    assert (
        resolved.resolved_by == users["secretariat"]
        and resolved.resolution == "Added in version 2."
    )
    assert run_texts.comments(run, open_only=True) == []
    with pytest.raises(runs.RunError, match="already resolved"):
        run_texts.resolve(run, note.pk, users["secretariat"])


def test_publishing_freezes_the_text(run, users):
    run_texts.write(run, "conclusions", "<p>Done.</p>", users["secretariat"])
    runs.publish(run, users["secretariat"])
    for act in (
        lambda: run_texts.write(run, "conclusions", "<p>Changed.</p>", users["secretariat"]),
        lambda: run_texts.comment(run, "conclusions", "Late.", users["reviewer"]),
    ):
        with pytest.raises(runs.RunError, match="published: its text is frozen"):
            act()
    assert run_texts.latest_texts(run)["conclusions"].html == "<p>Done.</p>"


def test_paragraphs_of_sanitised_html():
    assert paragraphs("<p>One &amp; two</p><ul><li>three</li><li> four </li></ul>") == (
        "One & two",
        "three",
        "four",
    )


def test_an_edit_appears_in_the_next_document_marked_as_written(run, users):
    run_texts.write(run, "goal-A.1", "<p>Most Parties have measures.</p>", users["secretariat"])
    run_texts.write(run, "key-messages", "<p>Reporting improved.</p>", users["secretariat"])
    document = run_document(run)
    by_key = {section.key: section for _, section in document.walk()}
    goal = by_key["goal-A.1"]
    assert goal.blocks[0] == Quote(
        "Most Parties have measures.", "Written by the Secretariat (secretariat)"
    )
    assert goal.blocks[1] == Notice("info", "Generated from the data")
    assert by_key["written-key-messages"].blocks == (
        Quote("Reporting improved.", "Written by the Secretariat (secretariat)"),
    )
    first = document.sections[0]
    assert first.blocks[0].text.startswith(
        "Produced from the evaluation run Mid-term evaluation 2026 (draft; data as on"
    )
    assert run.data_fingerprint[:12] in first.blocks[0].text
    run_texts.write(run, "goal-A.1", "<p>Edited again.</p>", users["secretariat"])
    again = {s.key: s for _, s in run_document(run).walk()}["goal-A.1"]
    assert again.blocks[0].text == "Edited again."
