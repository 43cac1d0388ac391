"""Online publication (and a correction published again) compiles the published report
for evaluations, with the same results as reading its answer rows."""

from __future__ import annotations

import pytest

from cpbmonitor.national_reports.models import CompiledAnswers
from cpbmonitor.reporting import editing
from cpbmonitor.services import drafts as workflow
from cpbmonitor.services.compiled import compiled_report_facts, layout_for
from tests.national_reports.documents import SCHEMA
from tests.national_reports.test_compiled import same_evaluations


@pytest.mark.django_db
def test_online_publication_compiles_the_published_report(people, complete_draft) -> None:
    workflow.submit(people["fp-br"], complete_draft, complete_draft.version)
    complete_draft.refresh_from_db()
    report = workflow.publish(people["secretariat"], complete_draft, complete_draft.version)
    compiled = CompiledAnswers.objects.get(report=report)
    assert compiled.layout == layout_for(SCHEMA).fingerprint
    br = next(r for r in compiled_report_facts([5]) if r.government == "br")
    assert br.answers["Q007"] == frozenset({"implementation.partiallyInPlace"})
    assert br.answers["Q122"] == frozenset({"false"})
    same_evaluations()
    # a correction: reopened, changed, submitted and published again
    draft = complete_draft
    draft.refresh_from_db()
    workflow.reopen(people["secretariat"], draft, "Correction", draft.version)
    draft.refresh_from_db()
    changes = editing.answers_from_json(SCHEMA, {"Q007": {"value": "implementation.fullInPlace"}})
    workflow.save(people["fp-br"], draft, changes, draft.version)
    draft.refresh_from_db()
    workflow.submit(people["fp-br"], draft, draft.version)
    draft.refresh_from_db()
    corrected = workflow.publish(people["secretariat"], draft, draft.version)
    assert CompiledAnswers.objects.filter(report=corrected).exists()
    br = next(r for r in compiled_report_facts([5]) if r.government == "br")
    assert br.answers["Q007"] == frozenset({"implementation.fullInPlace"})
    same_evaluations()
