"""The evaluation runs' pages: roles first (403 for others), CSRF, EN and FR."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cpbmonitor.evaluations.models import EvaluationRun, ReviewComment
from cpbmonitor.services import evaluation_runs as runs
from cpbmonitor.services import run_texts

PLAN = "draft-2020"


@pytest.fixture
def run(registry):
    return runs.create_run("Mid-term evaluation 2026", PLAN, 5, 4)


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def pages(run) -> list[tuple[str, str]]:
    comment = ReviewComment.objects.create(run=run, section="conclusions", text="?")
    return [
        ("get", reverse("evaluations:list")),
        ("get", reverse("evaluations:detail", args=[run.slug])),
        ("get", reverse("evaluations:compare") + f"?before={run.slug}&after={run.slug}"),
        ("post", reverse("evaluations:write", args=[run.slug, "conclusions"])),
        ("post", reverse("evaluations:comment", args=[run.slug, "conclusions"])),
        ("post", reverse("evaluations:resolve", args=[run.slug, comment.pk])),
        ("post", reverse("evaluations:publish", args=[run.slug])),
        ("get", reverse("evaluations:document", args=[run.slug, "html"])),
    ]


MANAGE = {"write", "resolve", "publish"}


@pytest.mark.parametrize("who", ["public", "focal"])
def test_others_get_403_everywhere(run, users, who):
    client = client_of(users[who])
    for method, url in pages(run):
        assert getattr(client, method)(url).status_code == 403, url
    assert not run_texts.latest_texts(run)


def test_anonymous_users_are_sent_to_sign_in(run):
    response = Client().get(reverse("evaluations:detail", args=[run.slug]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_reviewer_reads_and_comments_but_cannot_write_resolve_or_publish(run, users):
    client = client_of(users["reviewer"])
    for method, url in pages(run):
        manages = any(f"/{act}/" in url for act in MANAGE)
        expected = 403 if manages else (302 if method == "post" else 200)
        data = {"text": "Say more."} if method == "post" else None
        assert getattr(client, method)(url, data).status_code == expected, url
    assert list(
        ReviewComment.objects.filter(text="Say more.").values_list("section", flat=True)
    ) == ["conclusions"]
    assert not EvaluationRun.objects.get(pk=run.pk).published


def test_the_secretariat_creates_writes_resolves_and_publishes(registry, users):
    client = client_of(users["secretariat"])
    response = client.post(
        reverse("evaluations:list"),
        {"name": "Final evaluation 2030", "cycle": "5", "baseline": "4"},
    )
    run = EvaluationRun.objects.get(name="Final evaluation 2030")
    assert response.status_code == 302 and run.created_by == users["secretariat"]
    client.post(
        reverse("evaluations:write", args=[run.slug, "goal-A.1"]),
        {"text": "<p>Good <em>progress</em>.<script>x()</script></p>"},
    )
    page = client.get(reverse("evaluations:detail", args=[run.slug])).content.decode()
    assert "<p>Good <em>progress</em>.</p>" in page and "<script>x()" not in page
    assert "Written by the Secretariat (version 1, secretariat" in page
    assert run.data_fingerprint in page
    note = run_texts.comment(run, "goal-A.1", "Cite the figure.", users["reviewer"])
    client.post(reverse("evaluations:resolve", args=[run.slug, note.pk]), {"resolution": "Cited."})
    assert ReviewComment.objects.get(pk=note.pk).resolution == "Cited."
    client.post(reverse("evaluations:publish", args=[run.slug]))
    assert EvaluationRun.objects.get(pk=run.pk).published
    client.post(reverse("evaluations:write", args=[run.slug, "goal-A.1"]), {"text": "late"})
    assert run_texts.latest_texts(run)["goal-A.1"].version == 1


def test_a_bad_run_is_refused_with_a_message(registry, users):
    client = client_of(users["secretariat"])
    response = client.post(reverse("evaluations:list"), {"name": "X", "cycle": "9"}, follow=True)
    assert response.status_code == 200 and not EvaluationRun.objects.exists()
    assert "X" in response.content.decode()


def test_posts_need_the_csrf_token(run, users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["secretariat"])
    url = reverse("evaluations:write", args=[run.slug, "conclusions"])
    assert client.post(url, {"text": "<p>x</p>"}).status_code == 403
    assert not run_texts.latest_texts(run)


def test_pages_in_french(run, users):
    client = client_of(users["secretariat"])
    page = client.get("/fr/evaluations/" + run.slug + "/").content.decode()
    assert "Texte de l’évaluation" in page and "Laisser un commentaire" in page
