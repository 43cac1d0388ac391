"""The JSON API: public reads, token-authenticated draft workflow, the same policy."""

from __future__ import annotations

import pytest

from cpbmonitor.national_reports.models import NationalReport, Party
from cpbmonitor.reporting.models import ApiToken, ReportDraft
from tests.national_reports.factories import make_report
from tests.reporting.conftest import COMPLETE, cycle5, draft, people  # noqa: F401

API = "/api/v1"


@pytest.fixture
def tokens(people):  # noqa: F811
    return {name: ApiToken.objects.issue(user, "test")[1] for name, user in people.items()}


def call(client, method, path, token=None, **body):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    kwargs = {"content_type": "application/json", "data": body} if method != "get" else {}
    return getattr(client, method)(API + path, headers=headers, **kwargs)


def test_openapi_and_local_docs(client, db):
    spec = client.get(f"{API}/openapi.json").json()
    assert spec["info"]["version"] == "1"
    assert "/api/v1/drafts/{draft_id}/answers" in spec["paths"]
    docs = client.get(f"{API}/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()


def test_public_reads(client, world):
    assert {p["id"] for p in client.get(f"{API}/plans").json()} >= {"draft-2019", "draft-2020"}
    assert client.get(f"{API}/plans/draft-2020").json()["id"] == "draft-2020"
    assert client.get(f"{API}/plans/nope").status_code == 404
    parties = {p["code"] for p in client.get(f"{API}/parties").json()}
    assert {"br", "ng"} <= parties
    assert client.get(f"{API}/parties/BRA").json()["name"] == "Brazil"
    assert "5" in [c["name"] for c in client.get(f"{API}/cycles").json()]
    assert client.get(f"{API}/plans/draft-2020/indicators").json() == []  # no report yet


def test_indicator_results_are_the_cores(client, world):
    # Brazil (GRULAC) and Nigeria (AFR) report in cycle 5; Brazil's Q007 is "fully in
    # place", Nigeria's "none": A.1(a) world 1 of 2 = 50.0 %, GRULAC 1 of 1.
    from cpbmonitor.national_reports.models import Answer, ReportingCycle

    cycle = ReportingCycle.objects.get(name="5")
    for code, value in (("br", "implementation.fullInPlace"), ("ng", "implementation.none")):
        report = make_report(Party.objects.get(iso2=code), cycle)
        Answer.objects.create(report=report, question="Q007", value=value)
    results = {r["code"]: r for r in client.get(f"{API}/plans/draft-2020/indicators").json()}
    a1 = results["A.1(a)"]
    assert a1["computed"] is True and a1["unit"] == "percent"
    assert [g["group"] for g in a1["groups"]] == ["global", "AFR", "ASP", "CEE", "GRULAC", "WEOG"]
    world_value = a1["groups"][0]
    assert (world_value["numerator"], world_value["denominator"]) == (1, 2)
    assert world_value["value"] == 50.0 and world_value["status"] == "no-baseline"
    grulac = a1["groups"][4]
    assert (grulac["numerator"], grulac["denominator"], grulac["value"]) == (1, 1, 100.0)


def test_question_analysis(client, world):
    br = Party.objects.get(iso2="br")
    from cpbmonitor.national_reports.models import Answer, ReportingCycle

    report = make_report(br, ReportingCycle.objects.get(name="5"))
    Answer.objects.create(report=report, question="Q007", value="implementation.fullInPlace")
    response = client.get(f"{API}/cycles/5/questions/Q007/analysis")
    assert response.status_code == 200, response.content
    full = next(
        o
        for o in response.json()["current"]["options"]
        if o["value"] == "implementation.fullInPlace"
    )
    assert full["counts"]["global"] == 1
    assert client.get(f"{API}/cycles/5/questions/Q999/analysis").status_code == 404


def test_unpublished_reports_only_for_the_secretariat(client, tokens, cycle5):  # noqa: F811
    br = Party.objects.get(iso2="br")
    make_report(br, cycle5, status="submitted", published_on=None)
    assert call(client, "get", "/reports").json() == []
    assert call(client, "get", "/reports", tokens["fp-br"]).json() == []
    rows = call(client, "get", "/reports?cycle=5", tokens["secretariat"]).json()
    assert [r["government"] for r in rows] == ["br"]
    assert call(client, "get", f"/reports/{rows[0]['id']}").status_code == 404
    assert call(client, "get", f"/reports/{rows[0]['id']}", tokens["admin"]).status_code == 200


def test_bad_token_is_refused(client, world):
    assert call(client, "get", "/parties", "cpb_wrong").status_code == 401
    assert call(client, "get", "/drafts").status_code == 401


def test_draft_workflow_through_the_api(client, tokens, cycle5):  # noqa: F811
    created = call(client, "post", "/drafts", tokens["au-br"], government="br", cycle="5")
    assert created.status_code == 201
    draft_id, version = created.json()["id"], created.json()["version"]
    assert "Q007" in created.json()["missing"]
    saved = call(
        client,
        "patch",
        f"/drafts/{draft_id}/answers",
        tokens["au-br"],
        version=version,
        answers={**COMPLETE, "Q008_a": {"en": "<script>x</script>Act"}},
    )
    assert saved.status_code == 200, saved.content
    body = saved.json()
    assert body["missing"] == [] and body["answers"]["Q008_a"] == {"en": "Act"}
    stale = call(
        client,
        "patch",
        f"/drafts/{draft_id}/answers",
        tokens["fp-br"],
        version=version,
        answers={"Q009": {"value": "true"}},
    )
    assert stale.status_code == 409 and stale.json()["version"] == body["version"]
    bad = call(
        client,
        "patch",
        f"/drafts/{draft_id}/answers",
        tokens["fp-br"],
        version=body["version"],
        answers={
            "Q008": [{"value": "instrument.none"}, {"value": "instrument.nationalBiosafetyLaws"}]
        },
    )
    assert bad.status_code == 422 and bad.json()["problems"][0]["code"] == "exclusive-combined"
    assert call(client, "post", f"/drafts/{draft_id}/submit", tokens["au-br"]).status_code == 403
    submitted = call(
        client, "post", f"/drafts/{draft_id}/submit", tokens["fp-br"], version=body["version"]
    )
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    assert call(client, "post", f"/drafts/{draft_id}/publish", tokens["fp-br"]).status_code == 403
    published = call(client, "post", f"/drafts/{draft_id}/publish", tokens["secretariat"])
    assert published.status_code == 200 and published.json()["status"] == "published"
    report = NationalReport.objects.current().get(government__iso2="br", cycle=cycle5)
    assert report.identifier == ReportDraft.objects.get(pk=draft_id).identifier
    public = call(client, "get", "/reports?cycle=5&government=br").json()
    assert [r["identifier"] for r in public] == [report.identifier]
    history = call(client, "get", f"/drafts/{draft_id}/history", tokens["fp-br"]).json()
    assert [v["action"] for v in history] == ["publish", "submit", "save", "create"]
    again = call(client, "post", f"/drafts/{draft_id}/publish", tokens["secretariat"])
    assert again.status_code == 409


def test_return_needs_a_comment(client, tokens, cycle5):  # noqa: F811
    draft_id = call(client, "post", "/drafts", tokens["fp-br"], government="br", cycle="5").json()[
        "id"
    ]
    call(
        client, "patch", f"/drafts/{draft_id}/answers", tokens["fp-br"], version=1, answers=COMPLETE
    )
    call(client, "post", f"/drafts/{draft_id}/submit", tokens["fp-br"], version=2)
    refused = call(client, "post", f"/drafts/{draft_id}/return", tokens["secretariat"])
    assert refused.status_code == 409
    returned = call(
        client, "post", f"/drafts/{draft_id}/return", tokens["secretariat"], comment="Check Q009"
    )
    assert returned.json()["status"] == "draft"
    assert returned.json()["return_comment"] == "Check Q009"


def test_other_government_cannot_open_a_draft(client, tokens, draft):  # noqa: F811
    assert call(client, "get", f"/drafts/{draft.pk}", tokens["fp-ng"]).status_code == 403
    assert call(client, "get", "/drafts", tokens["fp-ng"]).json() == []
    assert (
        call(
            client,
            "patch",
            f"/drafts/{draft.pk}/answers",
            tokens["fp-ng"],
            version=1,
            answers={"Q009": {"value": "true"}},
        ).status_code
        == 403
    )
    assert (
        call(client, "post", "/drafts", tokens["fp-ng"], government="br", cycle="5").status_code
        == 403
    )
    assert [d["id"] for d in call(client, "get", "/drafts", tokens["fp-br"]).json()] == [draft.pk]


def test_token_management(people):  # noqa: F811
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("cpb_api_token", "fp-br", "--name", "cli", stdout=out)
    key = out.getvalue().strip()
    token = ApiToken.objects.authenticate(key)
    assert token.user.username == "fp-br" and token.name == "cli"
    assert key not in str(ApiToken.objects.values_list().get(pk=token.pk))


def test_an_answer_to_a_disabled_question_is_refused_naming_the_condition(
    client,
    tokens,
    cycle5,  # noqa: F811
):
    """Against the built-in fifth format (no format imported): Q010_adq is shown only while
    Q010 is Yes; given with Q010 No it was dropped with 200, now it is refused with 422."""
    from cpbmonitor.services.formats import reset_format

    reset_format(cycle5.schema)
    created = call(client, "post", "/drafts", tokens["fp-br"], government="br", cycle="5")
    draft_id, version = created.json()["id"], created.json()["version"]
    answers = {"Q010": {"value": "false"}, "Q010_adq": {"value": "true"}}
    refused = call(
        client,
        "patch",
        f"/drafts/{draft_id}/answers",
        tokens["fp-br"],
        version=version,
        answers=answers,
    )
    assert refused.status_code == 422, refused.content
    assert refused.json()["problems"] == [
        {
            "question": "Q010_adq",
            "message": "This question takes no answer now: Q010_adq is shown only when "
            "Q010 is 'true'.",
            "code": "disabled",
        }
    ]
    assert ReportDraft.objects.get(pk=draft_id).answers == {}
    answers["Q010"] = {"value": "true"}
    saved = call(
        client,
        "patch",
        f"/drafts/{draft_id}/answers",
        tokens["fp-br"],
        version=version,
        answers=answers,
    )
    assert saved.status_code == 200, saved.content
    assert saved.json()["answers"] == answers
    unknown = call(
        client,
        "patch",
        f"/drafts/{draft_id}/answers",
        tokens["fp-br"],
        version=saved.json()["version"],
        answers={"Q999": {"value": "true"}},
    )
    assert unknown.status_code == 422
    assert unknown.json()["problems"][0]["code"] == "unknown-question"


def test_question_texts_of_published_reports_with_themes_and_search(client, world):
    """Two published fifth reports write about public awareness (Q008_a of the tiny
    format), an unpublished one too; the search keeps the text holding the words."""
    from cpbmonitor.national_reports.models import Answer, ReportingCycle

    cycle = ReportingCycle.objects.get(name="5")
    texts = {
        "br": ("Public awareness campaigns in rural areas.", "published"),
        "ng": ("Public awareness surveys each year.", "published"),
        "eu": ("Public awareness is a draft.", "submitted"),
    }
    for code, (text, status) in texts.items():
        report = make_report(Party.objects.get(iso2=code), cycle, status=status)
        Answer.objects.create(report=report, question="Q008_a", text=text, language="en")
    response = client.get(f"{API}/cycles/5/questions/Q008_a/texts")
    assert response.status_code == 200, response.content
    data = response.json()
    assert [(t["party"], t["region"]) for t in data["texts"]] == [("br", "GRULAC"), ("ng", "AFR")]
    theme = data["groups"]["global"]["themes"][0]
    assert (theme["theme"], theme["parties"], theme["governments"]) == (
        "public awareness",
        2,
        ["br", "ng"],
    )
    found = client.get(f"{API}/cycles/5/questions/Q008_a/texts?q=RURAL").json()
    assert [t["party"] for t in found["texts"]] == ["br"]
    assert client.get(f"{API}/cycles/5/questions/Q007/texts").json()["texts"] == []
    assert client.get(f"{API}/cycles/5/questions/Q999/texts").status_code == 404
