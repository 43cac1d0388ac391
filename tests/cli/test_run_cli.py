"""`cpb run`: demonstration logins are created and printed outside production only."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from typer.testing import CliRunner

from cpbmonitor.cli import run as run_module
from cpbmonitor.cli.app import app
from tests.national_reports.factories import make_cycle, make_party, make_report

runner = CliRunner()
pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_database(monkeypatch, settings):
    """A database holding one demonstration report; nothing migrated nor served."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    for name in ("br", "ng"):
        make_party(name)
    cycle = make_cycle(5)
    make_report(cycle=cycle, government=make_party("jp"), identifier="demo-jp-5")
    served: list[int] = []
    monkeypatch.setattr(run_module.db, "migrate", lambda: None)
    monkeypatch.setattr(run_module.serve, "serve", lambda **kw: served.append(kw["port"]))
    return served


def test_production_never_sets_nor_prints_demo_passwords(demo_database, settings):
    settings.CPB_DEMO_LOGINS = False  # what CPB_ENV=prod sets
    settings.CPB_DEMO_PASSWORD = "1"
    admin = get_user_model().objects.create_user("admin", password="kept-Secret-123")
    result = runner.invoke(app, ["run", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert "Demonstration logins" not in result.output and " 1 " not in result.output
    admin.refresh_from_db()
    assert admin.check_password("kept-Secret-123")
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["admin"]
    assert demo_database == [8123]


def test_outside_production_demo_logins_are_printed(demo_database, settings):
    settings.CPB_DEMO_LOGINS = True
    settings.CPB_DEMO_PASSWORD = None
    result = runner.invoke(app, ["run", "--port", "8124"])
    assert result.exit_code == 0, result.output
    assert "Demonstration logins" in result.output
    assert [line.split()[0] for line in result.output.splitlines()[1:6]] == [
        "fp-br",
        "au-br",
        "fp-ng",
        "secretariat",
        "admin",
    ]


def test_a_weak_demo_password_is_refused(demo_database, settings):
    settings.CPB_DEMO_LOGINS = True
    settings.CPB_DEMO_PASSWORD = "1"
    result = runner.invoke(app, ["run", "--port", "8125"])
    assert result.exit_code == 1
    assert "CPB_DEMO_PASSWORD is refused" in result.output
    assert not get_user_model().objects.exists()
    assert demo_database == []


def test_first_start_on_an_empty_database_loads_the_demonstration_data(monkeypatch, settings):
    """What `make run` does on a fresh machine: the empty database gets the Parties, the
    generated reports and records, then the server starts."""
    from cpbmonitor.national_reports.models import NationalReport
    from cpbmonitor.records.models import Record

    settings.CPB_DEMO_LOGINS = False
    served: list[int] = []
    monkeypatch.setattr(run_module.db, "migrate", lambda: None)
    monkeypatch.setattr(run_module.serve, "serve", lambda **kw: served.append(kw["port"]))
    result = runner.invoke(app, ["run", "--port", "8125"])
    assert result.exit_code == 0, result.output
    assert served == [8125]
    reports = NationalReport.objects.demonstration().count()
    assert reports == NationalReport.objects.count() > 200
    assert Record.objects.demonstration().count() == Record.objects.count() > 2000
