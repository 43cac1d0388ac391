"""/api/v1/evaluations: published runs for anyone, drafts for the Secretariat and
reviewers; every answer cites its run."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cpbmonitor.services import evaluation_runs as runs
from tests.evaluations.conftest import import_new_report

PLAN = "draft-2020"


@pytest.fixture
def draft(registry):
    return runs.create_run("Mid-term evaluation 2026", PLAN, 5, 4)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("who", ["public", "focal"])
def test_drafts_are_refused_to_others(draft, users, who):
    client = signed_in(users[who])
    assert client.get(f"/api/v1/evaluations/{draft.slug}").status_code == 403
    assert client.get("/api/v1/evaluations").json() == []
    assert Client().get(f"/api/v1/evaluations/{draft.slug}").status_code == 403


def test_a_reviewer_reads_a_draft_with_its_citation(draft, users):
    answer = signed_in(users["reviewer"]).get(f"/api/v1/evaluations/{draft.slug}").json()
    assert answer["citation"] == {
        "name": "Mid-term evaluation 2026",
        "as_of": draft.as_of.isoformat(),
        "data_fingerprint": draft.data_fingerprint,
        "published": False,
    }
    world = next(
        f for f in answer["figures"] if (f["indicator"], f["group"]) == ("A.1(a)", "global")
    )
    assert (world["numerator"], world["denominator"], world["value"]) == (3, 5, 60.0)


def test_published_runs_are_public_and_compared(draft, users):
    runs.publish(draft)
    new = import_new_report()
    later = runs.publish(runs.create_run("Final evaluation 2030", PLAN, 5, 4))
    client = Client()
    assert [r["name"] for r in client.get("/api/v1/evaluations").json()] == [
        "Final evaluation 2030",
        "Mid-term evaluation 2026",
    ]
    compared = client.get(f"/api/v1/evaluations/{draft.slug}/compare/{later.slug}").json()
    assert compared["after"]["data_fingerprint"] == later.data_fingerprint
    assert [(r["change"], r["identifier"]) for r in compared["reports"]] == [
        ("added", new.identifier)
    ]
    assert client.get("/api/v1/evaluations/nothing").status_code == 404


def test_a_runs_document_comes_from_the_api_as_from_the_pages(draft, users):
    url = f"/api/v1/evaluations/{draft.slug}/document/html"
    assert Client().get(url).status_code == 403  # a draft: reviewers only
    reviewer = signed_in(users["reviewer"])
    first = reviewer.get(url)
    assert first.status_code == 200 and first["Content-Type"] == "text/html; charset=utf-8"
    assert first["Content-Disposition"] == f'attachment; filename="cpb-{draft.slug}.html"'
    assert "Produced from the evaluation run Mid-term evaluation 2026 (draft" in (
        first.content.decode()
    )
    page = reviewer.get(reverse("evaluations:document", args=[draft.slug, "html"]))
    assert page.status_code == 200 and page.content == first.content
    import_new_report()
    assert reviewer.get(url).content == first.content
    word = reviewer.get(f"/api/v1/evaluations/{draft.slug}/document/docx")
    assert word.status_code == 200 and word.content.startswith(b"PK")
    assert reviewer.get(f"/api/v1/evaluations/{draft.slug}/document/pdf").status_code == 404
    assert reviewer.get("/api/v1/evaluations/no-run/document/html").status_code == 404
