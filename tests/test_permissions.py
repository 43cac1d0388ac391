"""Every reporting page and API endpoint, as every kind of user, against ONE table.

Each case prepares Brazil's fifth-report draft in the state its action needs, then makes
the request as each identity. Refused: 403, a redirect to sign in, 401, or 404 (for
what an identity may not even see). Allowed: anything else below 500 (a state conflict,
say, is the workflow's answer, not the policy's).
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, reverse

from cpbmonitor.milestones.models import Milestone
from cpbmonitor.national_reports.models import Party
from cpbmonitor.reporting import editing
from cpbmonitor.reporting.models import ApiToken
from cpbmonitor.services import drafts as workflow
from cpbmonitor.services import evaluation_runs
from cpbmonitor.services import records as record_services
from tests.national_reports.factories import make_report
from tests.records.factories import decision, lmo
from tests.reporting.conftest import COMPLETE, cycle5, people  # noqa: F401

ANONYMOUS = "anonymous"
IDENTITIES = (ANONYMOUS, "fp-br", "au-br", "fp-ng", "secretariat", "admin")
EVERYONE = frozenset(IDENTITIES)
SIGNED_IN = EVERYONE - {ANONYMOUS}
VIEW = frozenset({"fp-br", "au-br", "secretariat", "admin"})
EDIT = frozenset({"fp-br", "au-br", "admin"})
SUBMIT = frozenset({"fp-br", "admin"})
SECRETARIAT = frozenset({"secretariat", "admin"})

SECTION1 = {"Q007": "implementation.partiallyInPlace", "Q009": "false"}
MILESTONE = {"indicator": "A.1(a)", "target_value": 80, "target_date": "2029-12-31"}
BRAZIL_RECORDS = SECRETARIAT | {"fp-br"}
DECISION = {"government": "br", "title": "T", "decision_type": "other", "valid_from": "2021-01-02"}
NEW_DECISION = {"identifier": "DEC-BR-2", **DECISION}
END = {"valid_to": "2024-01-01"}

# (case, page URL name or API path, method, draft state needed, body, allowed identities)
TABLE = [
    ("page login", "reporting:login", "get", None, None, EVERYONE),
    ("page dashboard", "reporting:dashboard", "get", None, None, SIGNED_IN),
    ("page start", "reporting:start", "post", None, "start", EDIT),
    ("page review", "reporting:review", "get", "draft", None, VIEW),
    ("page section", "reporting:section", "get", "draft", None, VIEW),
    ("page save", "reporting:section", "post", "draft", SECTION1, EDIT),
    ("page submit", "reporting:submit", "post", "complete", {}, SUBMIT),
    ("page return", "reporting:return", "post", "submitted", {"comment": "why"}, SECRETARIAT),
    ("page publish", "reporting:publish", "post", "submitted", {}, SECRETARIAT),
    ("page reopen", "reporting:reopen", "post", "published", {}, SECRETARIAT),
    ("page history", "reporting:history", "get", "draft", None, VIEW),
    ("page version", "reporting:version", "get", "draft", None, VIEW),
    ("page tokens", "reporting:tokens", "get", None, None, SIGNED_IN),
    ("page create token", "reporting:tokens", "post", None, {"name": "n", "days": "30"}, SIGNED_IN),
    ("api index", "/", "get", None, None, EVERYONE),
    ("api plans", "/plans", "get", None, None, EVERYONE),
    ("api plan", "/plans/draft-2020", "get", None, None, EVERYONE),
    ("api indicators", "/plans/draft-2020/indicators", "get", None, None, EVERYONE),
    ("api sdmx", "/plans/draft-2020/indicators/sdmx", "get", None, None, EVERYONE),
    ("api series", "/plans/draft-2020/series", "get", None, None, EVERYONE),
    ("api progress", "/plans/draft-2020/progress", "get", None, None, EVERYONE),
    ("api parties", "/parties", "get", None, None, EVERYONE),
    ("api party", "/parties/br", "get", None, None, EVERYONE),
    ("api scorecard", "/parties/br/scorecard", "get", None, None, EVERYONE),
    ("api cycles", "/cycles", "get", None, None, EVERYONE),
    ("api analysis", "/cycles/5/questions/Q007/analysis", "get", None, None, EVERYONE),
    ("api table", "/tables/records?type=decision", "get", None, None, EVERYONE),
    ("api texts", "/cycles/5/questions/Q007/texts", "get", None, None, EVERYONE),
    ("api reports", "/reports", "get", None, None, EVERYONE),
    ("api published report", "/reports/{published}", "get", None, None, EVERYONE),
    ("api unpublished report", "/reports/{unpublished}", "get", None, None, SECRETARIAT),
    ("api drafts", "/drafts", "get", None, None, SIGNED_IN),
    ("api create draft", "/drafts", "post", None, {"government": "br", "cycle": "5"}, EDIT),
    ("api draft", "/drafts/{draft}", "get", "draft", None, VIEW),
    (
        "api save",
        "/drafts/{draft}/answers",
        "patch",
        "draft",
        {"version": 1, "answers": {"Q009": {"value": "true"}}},
        EDIT,
    ),
    ("api submit", "/drafts/{draft}/submit", "post", "complete", {}, SUBMIT),
    ("api return", "/drafts/{draft}/return", "post", "submitted", {"comment": "why"}, SECRETARIAT),
    ("api publish", "/drafts/{draft}/publish", "post", "submitted", {}, SECRETARIAT),
    ("api reopen", "/drafts/{draft}/reopen", "post", "published", {}, SECRETARIAT),
    ("api history", "/drafts/{draft}/history", "get", "draft", None, VIEW),
    ("api milestones", "/milestones", "get", None, None, EVERYONE),
    ("api create milestone", "/milestones", "post", None, MILESTONE, SECRETARIAT),
    ("api replace milestone", "/milestones/{milestone}", "put", None, MILESTONE, SECRETARIAT),
    ("api delete milestone", "/milestones/{milestone}", "delete", None, None, SECRETARIAT),
    ("api record types", "/records/types", "get", None, None, EVERYONE),
    ("api records", "/records/decision", "get", None, None, EVERYONE),
    ("api record", "/records/decision/DEC-BR-1", "get", None, None, EVERYONE),
    ("api create record", "/records/decision", "post", None, NEW_DECISION, BRAZIL_RECORDS),
    ("api replace record", "/records/decision/DEC-BR-1", "put", None, DECISION, BRAZIL_RECORDS),
    ("api end record", "/records/decision/DEC-BR-1/end", "post", None, END, BRAZIL_RECORDS),
    # cycle 4: its shipped format has the needs question (the tiny fifth format has not)
    ("api capacity needs", "/capacity/needs?cycle=4", "get", None, None, EVERYONE),
    ("api capacity coverage", "/capacity/coverage?cycle=4", "get", None, None, EVERYONE),
    ("api capacity gaps", "/capacity/gaps?cycle=4", "get", None, None, EVERYONE),
    ("api contribution", "/capacity/contribution", "get", None, None, EVERYONE),
    ("api evaluation runs", "/evaluations", "get", None, None, EVERYONE),
    ("api draft evaluation run", "/evaluations/{run}", "get", None, None, SECRETARIAT),
    ("api compare runs", "/evaluations/{run}/compare/{run}", "get", None, None, SECRETARIAT),
    ("api run document", "/evaluations/{run}/document/html", "get", None, None, SECRETARIAT),
]


def _prepare(state, people, cycle):  # noqa: F811
    admin = people["admin"]
    br = Party.objects.get(iso2="br")
    draft = workflow.start(admin, br, cycle)
    if state in ("complete", "submitted", "published"):
        changes = editing.answers_from_json(cycle.schema, COMPLETE)
        workflow.save(admin, draft, changes, draft.version)
    if state in ("submitted", "published"):
        workflow.submit(admin, draft)
    if state == "published":
        workflow.publish(admin, draft)
    draft.refresh_from_db()
    return draft


def _refused_page(response) -> bool:
    if response.status_code == 302:
        return response["Location"].startswith(reverse("reporting:login"))
    return response.status_code in (403, 404)


@pytest.mark.parametrize("identity", IDENTITIES)
@pytest.mark.parametrize("case", TABLE, ids=[c[0] for c in TABLE])
def test_permission(client, people, cycle5, case, identity):  # noqa: F811
    name, target, method, state, body, allowed = case
    draft = _prepare(state, people, cycle5)
    user = people.get(identity)
    if target.startswith("reporting:"):
        if user is not None:
            client.force_login(user)
        args = [draft.pk] if state else []
        if target == "reporting:section":
            args.append(1)
        if target == "reporting:version":
            args.append(1)
        data = body
        if body == "start":
            data = {"government": draft.government_id, "cycle": cycle5.pk}
        elif isinstance(body, dict) and state:
            data = {"version": draft.version, **body}
        response = getattr(client, method)(reverse(target, args=args), data or {})
        refused = _refused_page(response)
    else:
        br = draft.government
        published = make_report(
            br, cycle5, identifier="P", submitted="2025-01-01", is_current=False
        )
        unpublished = make_report(
            br,
            cycle5,
            identifier="U",
            submitted="2025-02-01",
            status="submitted",
            published_on=None,
            is_current=False,
        )
        milestone = Milestone.objects.create(
            plan="draft-2020", indicator="A.1(a)", target_value=75, target_date="2030-12-31"
        )
        record_services.store_records([lmo("LMO-1"), decision("DEC-BR-1")], source="setup")
        run = evaluation_runs.create_run("Draft run", "draft-2020", 5, None)
        path = "/api/v1" + target.format(
            run=run.slug,
            draft=draft.pk,
            published=published.pk,
            unpublished=unpublished.pk,
            milestone=milestone.pk,
        )
        headers = {}
        if user is not None:
            headers["Authorization"] = "Bearer " + ApiToken.objects.issue(user)[1]
        kwargs = {} if method == "get" else {"data": body or {}, "content_type": "application/json"}
        response = getattr(client, method)(path, headers=headers, **kwargs)
        refused = response.status_code in (401, 403, 404)
    assert response.status_code < 500, response.content[:500]
    assert refused == (identity not in allowed), (name, identity, response.status_code)


def test_the_table_covers_every_page_and_endpoint(client, db):
    from cpbmonitor.reporting import urls

    pages = {p.name for p in urls.urlpatterns if isinstance(p, URLPattern)} - {"logout"}
    covered = {target.split(":")[1] for _, target, *_ in TABLE if target.startswith("reporting:")}
    assert pages == covered
    spec = client.get("/api/v1/openapi.json").json()
    operations = {
        (method, path.removeprefix("/api/v1"))
        for path, item in spec["paths"].items()
        for method in item
    }
    normalised = {
        (
            m,
            p.replace("{plan_id}", "draft-2020")
            .replace("{code}", "br")
            .replace("{cycle}", "5")
            .replace("{key}", "Q007")
            .replace("{type_name}", "decision")
            .replace("{identifier}", "DEC-BR-1")
            .replace("{subject}", "records")
            .replace("{fmt}", "html"),
        )
        for m, p in operations
    }
    listed = {
        (
            method,
            target.split("?")[0]
            .replace("{published}", "{report_id}")
            .replace("{unpublished}", "{report_id}")
            .replace("{draft}", "{draft_id}")
            .replace("{milestone}", "{milestone_id}")
            .replace("{run}/compare/{run}", "{before}/compare/{after}")
            .replace("{run}", "{slug}"),
        )
        for _, target, method, *_ in TABLE
        if target.startswith("/")
    }
    assert normalised == listed
