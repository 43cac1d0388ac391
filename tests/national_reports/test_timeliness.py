"""Timeliness is judged on the first submission: a correction, imported or online, keeps
it, so indicator A.3(a) does not drop when an on-time report is corrected late."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.urls import reverse

from cpbmonitor.core.reports import Answer as CoreAnswer
from cpbmonitor.national_reports.models import NationalReport, Party
from cpbmonitor.services import drafts as workflow
from cpbmonitor.services.evaluation import report_facts
from cpbmonitor.services.reports import import_reports
from cpbmonitor.services.timeliness import first_submission, late_if_submitted_now
from tests.reporting.conftest import PASSWORD, cycle5, people  # noqa: F401

from .documents import document, write

DEADLINE = dt.date(2026, 2, 28)
ON_TIME = "2026-02-20T10:00:00Z"
LATE = "2026-03-10T10:00:00Z"


def _facts(government: str):
    return next(r for r in report_facts([5]) if r.government == government)


def test_an_imported_correction_after_the_deadline_keeps_the_report_on_time(
    tmp_path: Path, world: None
) -> None:
    import_reports(
        [write(tmp_path / "first.json", document("br", identifier="NR5-BR", submitted=ON_TIME))]
    )
    import_reports(
        [write(tmp_path / "fix.json", document("br", identifier="NR5-BR", submitted=LATE))]
    )
    old, new = NationalReport.objects.order_by("submitted_on")
    assert new.is_current and (old.on_time, new.on_time) == (True, True)
    facts = _facts("br")
    assert facts.submitted_on == dt.date(2026, 3, 10)
    assert facts.first_submitted_on == dt.date(2026, 2, 20)
    assert facts.on_time(DEADLINE)


def test_the_first_submission_counts_whatever_the_order_of_imports(
    tmp_path: Path, world: None
) -> None:
    import_reports(
        [write(tmp_path / "fix.json", document("ng", identifier="NR5-NG", submitted=LATE))]
    )
    assert not NationalReport.objects.get().on_time  # only the late one is known yet
    import_reports(
        [write(tmp_path / "first.json", document("ng", identifier="NR5-NG", submitted=ON_TIME))]
    )
    assert list(NationalReport.objects.values_list("on_time", flat=True)) == [True, True]


def test_a_late_first_submission_stays_late(tmp_path: Path, world: None) -> None:
    import_reports([write(tmp_path / "late.json", document("br", submitted=LATE))])
    assert not NationalReport.objects.get().on_time
    assert not _facts("br").on_time(DEADLINE)


def test_an_online_correction_keeps_the_first_submission(
    tmp_path: Path,
    people,  # noqa: F811
    cycle5,  # noqa: F811
) -> None:
    """Today is after the fifth cycle's deadline: Brazil's on-time report, corrected online,
    stays on time; Nigeria, with no report yet, is warned that submitting now is late."""
    import_reports([write(tmp_path / "br.json", document("br", submitted=ON_TIME))])
    br, ng = Party.objects.get(iso2="br"), Party.objects.get(iso2="ng")
    assert not late_if_submitted_now(br, cycle5) and late_if_submitted_now(ng, cycle5)
    draft = workflow.start(people["fp-br"], br, cycle5)
    change = {"Q009": CoreAnswer("Q009", ("true",))}
    workflow.save(people["fp-br"], draft, change, draft.version)
    draft.refresh_from_db()
    workflow.submit(people["fp-br"], draft)
    report = workflow.publish(people["secretariat"], draft)
    assert report.is_current and report.submitted_on.date() > DEADLINE
    assert report.on_time and _facts("br").on_time(DEADLINE)
    assert first_submission(br, cycle5) == dt.datetime(2026, 2, 20, 10, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("who", "government", "warned"), [("fp-ng", "ng", True), ("fp-br", "br", False)]
)
def test_the_submit_page_warns_when_a_first_submission_will_be_late(
    client,
    tmp_path: Path,
    people,  # noqa: F811
    cycle5,  # noqa: F811
    who: str,
    government: str,
    warned: bool,
) -> None:
    import_reports([write(tmp_path / "br.json", document("br", submitted=ON_TIME))])
    draft = workflow.start(people[who], Party.objects.get(iso2=government), cycle5)
    client.login(username=who, password=PASSWORD)
    page = client.get(reverse("reporting:review", args=[draft.pk])).content.decode()
    assert ('id="late-warning"' in page) is warned
    if warned:  # in the page's language (English or French)
        warning = page.split('id="late-warning">')[1].split("</p>")[0]
        assert "2026-02-28" in warning
