"""The reporting pages end to end with Django's test client: save, exclusive options,
conditions, the missing list, submit, return, publish, history, stale saves."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cpbmonitor.national_reports.models import Answer, NationalReport, Party, ReportingCycle
from cpbmonitor.reporting.models import DraftStatus, DraftVersion
from tests.national_reports.factories import make_report
from tests.reporting.conftest import PASSWORD

LAWS = "instrument.nationalBiosafetyLaws"
RISK = "7C980FF4-3C5B-4711-81F9-BA6F28C12598"


def login(client, username):
    assert client.login(username=username, password=PASSWORD)
    return client


def step(draft, number):
    return reverse("reporting:section", args=[draft.pk, number])


def post_step(client, draft, number, data, go="stay"):
    draft.refresh_from_db()
    return client.post(step(draft, number), {"version": draft.version, "go": go, **data})


SECTION1 = {"Q007": "implementation.partiallyInPlace", "Q008": [LAWS], "Q009": "false"}


def test_anonymous_is_sent_to_sign_in(client, draft):
    response = client.get(step(draft, 1))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("reporting:login"))


def test_sign_in_page_and_dashboard(client, people, draft):
    assert client.get(reverse("reporting:login")).status_code == 200
    response = client.post(reverse("reporting:login"), {"username": "fp-br", "password": PASSWORD})
    assert response.status_code == 302
    page = client.get(reverse("reporting:dashboard")).content.decode()
    assert "Brazil" in page and f'href="{reverse("reporting:review", args=[draft.pk])}"' in page


def test_start_opens_the_open_draft(client, people, draft, cycle5):
    login(client, "au-br")
    br = Party.objects.get(iso2="br")
    response = client.post(reverse("reporting:start"), {"government": br.pk, "cycle": cycle5.pk})
    assert response["Location"] == step(draft, 1)


def test_save_a_section_records_a_version(client, people, draft):
    login(client, "au-br")
    response = post_step(client, draft, 1, SECTION1, go="next")
    assert response.status_code == 302 and response["Location"] == step(draft, 2)
    draft.refresh_from_db()
    assert draft.answers["Q008"] == [{"value": LAWS}]
    assert draft.version == 2
    latest = draft.versions.first()
    assert latest.action == "save" and latest.author == people["au-br"]
    assert {"question": "Q007", "old": "", "new": "Partly"} in latest.changes


def test_exclusive_option_is_rejected(client, people, draft):
    login(client, "fp-br")
    data = {**SECTION1, "Q008": [LAWS, "instrument.none"]}
    response = post_step(client, draft, 1, data)
    assert response.status_code == 400
    assert "“None” cannot be combined with other answers." in response.content.decode()
    draft.refresh_from_db()
    assert draft.answers == {} and draft.version == 1


def test_conditional_question_is_cleared(client, people, draft):
    login(client, "fp-br")
    post_step(client, draft, 2, {"Q122": "true", "Q123": [RISK], "Q124": "true"})
    draft.refresh_from_db()
    assert set(draft.answers) == {"Q122", "Q123", "Q124"}
    response = post_step(client, draft, 2, {"Q122": "false", "Q123": [RISK], "Q124": "true"})
    draft.refresh_from_db()
    assert set(draft.answers) == {"Q122"}
    page = client.get(response["Location"]).content.decode()
    assert 'id="q-Q123"' in page and "Not asked, given the answers above." in page


def test_disabled_inputs_on_the_page(client, people, draft):
    login(client, "fp-br")
    page = client.get(step(draft, 2)).content.decode()
    q123 = page[page.index('id="q-Q123"') :]
    assert q123[: q123.index(">")].endswith("disabled")
    assert 'data-conditions="' in q123[: q123.index(">")]


def test_missing_list_then_submit(client, people, draft):
    login(client, "fp-br")
    post_step(client, draft, 1, SECTION1)
    post_step(client, draft, 2, {"Q122": "true"})
    page = client.get(reverse("reporting:review", args=[draft.pk])).content.decode()
    assert "What is missing" in page
    assert "Full title: in which areas?" in page and "Full title: have the needs" in page
    response = client.post(reverse("reporting:submit", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DRAFT  # refused: still missing
    post_step(client, draft, 2, {"Q122": "false"})
    assert (
        "Every mandatory question is answered."
        in client.get(reverse("reporting:review", args=[draft.pk])).content.decode()
    )
    draft.refresh_from_db()
    response = client.post(reverse("reporting:submit", args=[draft.pk]), {"version": draft.version})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == DraftStatus.SUBMITTED and draft.submitted_at is not None


def test_authorized_user_cannot_submit(client, people, complete_draft):
    login(client, "au-br")
    response = client.post(reverse("reporting:submit", args=[complete_draft.pk]))
    assert response.status_code == 403
    complete_draft.refresh_from_db()
    assert complete_draft.status == DraftStatus.DRAFT


def _submit(client, draft):
    login(client, "fp-br")
    client.post(reverse("reporting:submit", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == DraftStatus.SUBMITTED
    client.logout()


def test_return_with_a_comment(client, people, complete_draft):
    draft = complete_draft
    _submit(client, draft)
    login(client, "secretariat")
    client.post(reverse("reporting:return", args=[draft.pk]), {"comment": ""})
    draft.refresh_from_db()
    assert draft.status == DraftStatus.SUBMITTED  # a comment is required
    client.post(
        reverse("reporting:return", args=[draft.pk]),
        {"comment": "Please explain <script>x</script>Q008."},
    )
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DRAFT
    assert draft.return_comment == "Please explain Q008."
    client.logout()
    login(client, "fp-br")
    page = client.get(step(draft, 1)).content.decode()
    assert "Comment from the Secretariat:" in page and "Please explain Q008." in page


def test_publish_makes_the_current_stored_report(client, people, complete_draft, cycle5):
    draft = complete_draft
    br = Party.objects.get(iso2="br")
    older = make_report(br, cycle5, identifier="NR5-BR-OLD", submitted="2025-01-01")
    _submit(client, draft)
    login(client, "secretariat")
    response = client.post(reverse("reporting:publish", args=[draft.pk]))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == DraftStatus.PUBLISHED
    current = NationalReport.objects.current().get(government=br, cycle=cycle5)
    assert current == draft.published_report
    assert current.identifier == draft.identifier
    assert current.status == "published" and current.complete
    assert set(Answer.objects.filter(report=current).values_list("question", "value")) == {
        ("Q007", "implementation.partiallyInPlace"),
        ("Q008", LAWS),
        ("Q009", "false"),
        ("Q122", "false"),
    }
    older.refresh_from_db()
    assert not older.is_current and older.superseded_by == current
    # reopen: a draft again, the published report stays current until the next one
    client.post(reverse("reporting:reopen", args=[draft.pk]), {"comment": "Correction"})
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DRAFT
    assert NationalReport.objects.current().get(government=br, cycle=cycle5) == current


def test_history_and_earlier_versions(client, people, draft):
    login(client, "fp-br")
    post_step(client, draft, 1, {**SECTION1, "Q008_a": "First text"})
    post_step(client, draft, 1, {**SECTION1, "Q008_a": "Second text"})
    page = client.get(reverse("reporting:history", args=[draft.pk])).content.decode()
    assert "<del>First text</del>" in page and "<ins>Second text</ins>" in page
    assert "by fp-br" in page
    old = client.get(reverse("reporting:version", args=[draft.pk, 2])).content.decode()
    assert "First text" in old and "Second text" not in old
    assert DraftVersion.objects.filter(draft=draft).count() == 3


def test_stale_save_is_refused(client, people, draft):
    login(client, "fp-br")
    opened = draft.version
    other = client.__class__()
    login(other, "au-br")
    post_step(other, draft, 1, {**SECTION1, "Q008_a": "Written by au-br"})
    response = client.post(
        step(draft, 1), {"version": opened, **SECTION1, "Q008_a": "Written by fp-br"}
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "changed by au-br" in page and "Your changes were not saved" in page
    assert "Written by au-br" in page  # the page shows the current answers
    draft.refresh_from_db()
    assert draft.answers["Q008_a"] == {"en": "Written by au-br"}


def test_script_in_a_text_answer_is_stripped_and_escaped(client, people, draft):
    login(client, "fp-br")
    text = "Act <script>alert('x')</script>2020 & <i>more</i>"
    post_step(client, draft, 1, {**SECTION1, "Q008_a": text})
    draft.refresh_from_db()
    assert draft.answers["Q008_a"] == {"en": "Act 2020 & more"}
    page = client.get(step(draft, 1)).content.decode()
    assert "alert(" not in page and "Act 2020 &amp; more" in page


def test_other_government_cannot_open_the_draft(client, people, draft):
    login(client, "fp-ng")
    for url in (
        step(draft, 1),
        reverse("reporting:review", args=[draft.pk]),
        reverse("reporting:history", args=[draft.pk]),
    ):
        assert client.get(url).status_code == 403
    page = client.get(reverse("reporting:dashboard")).content.decode()
    assert reverse("reporting:review", args=[draft.pk]) not in page


def test_previous_cycle_answer_beside_the_question(client, people, draft):
    br = Party.objects.get(iso2="br")
    cycle4 = ReportingCycle.objects.get(name="4")
    report = make_report(br, cycle4, submitted="2019-09-01")
    Answer.objects.create(report=report, question="Q014", value="implementation.fullInPlace")
    login(client, "fp-br")
    page = client.get(step(draft, 1)).content.decode()
    assert "Previous report (cycle 4, Q014):</span> Fully" in page


@pytest.mark.parametrize("number", [0, 3])
def test_unknown_step_is_404(client, people, draft, number):
    login(client, "fp-br")
    assert client.get(step(draft, number)).status_code == 404


def test_sign_in_is_refused_after_five_failures_even_with_the_right_password(client, people):
    from django.core.cache import cache

    cache.clear()
    url = reverse("reporting:login")
    for _ in range(5):
        response = client.post(url, {"username": "fp-br", "password": "wrong"})
        assert response.status_code == 200
        assert "Too many failed" not in response.content.decode()
    response = client.post(url, {"username": "fp-br", "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed sign-in attempts" in response.content.decode()
    other = client.post(url, {"username": "au-br", "password": PASSWORD})
    assert other.status_code == 302  # another user name is not locked out
    cache.clear()
